"""Signed credentials engine: keys, QR tokens, revocation lists (no database, no Qt).

Three features build on it: venue check-in badges, certificate cards (認定証) that anyone can
verify offline, and signed audit-log checkpoints.  It knows nothing of trainees, the database,
printing or Qt; the wire formats are specified in ``docs/verification.md``.
"""

from .base32 import decode as decode_text
from .base32 import encode as encode_text
from .base32 import normalise as normalise_text
from .errors import CredentialError, KeyFileError, RevocationListError, TokenError, TokenProblem
from .keyring import KeyEntry, KeyRing
from .keys import (
    fingerprint,
    key_id,
    load_or_create_private_key,
    public_key_from_pem,
    public_key_to_pem,
)
from .signing import (
    AUDIT_CHECKPOINT_CONTEXT,
    REVOCATION_LIST_CONTEXT,
    TOKEN_CONTEXT,
    sign,
    verify,
)

__all__ = [
    "AUDIT_CHECKPOINT_CONTEXT",
    "REVOCATION_LIST_CONTEXT",
    "TOKEN_CONTEXT",
    "CredentialError",
    "KeyEntry",
    "KeyFileError",
    "KeyRing",
    "RevocationListError",
    "TokenError",
    "TokenProblem",
    "decode_text",
    "encode_text",
    "fingerprint",
    "key_id",
    "load_or_create_private_key",
    "normalise_text",
    "public_key_from_pem",
    "public_key_to_pem",
    "sign",
    "verify",
]
