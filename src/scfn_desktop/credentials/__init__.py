"""Signed credentials engine: keys, QR tokens, revocation lists (no database, no Qt).

Three features build on it: venue check-in badges, certificate cards (認定証) that anyone can
verify offline, and signed audit-log checkpoints.  It knows nothing of trainees, the database,
printing or Qt; the wire formats are specified in ``docs/verification.md``.
"""

from .badge import BadgeClaims, issue_badge, read_badge
from .base32 import decode as decode_text
from .base32 import encode as encode_text
from .base32 import normalise as normalise_text
from .card import CardClaims, issue_card, read_card
from .certificate_number import (
    CertificateNumber,
    format_certificate_number,
    parse_certificate_number,
)
from .errors import CredentialError, KeyFileError, RevocationListError, TokenError, TokenProblem
from .frame import Kind, OpenedToken, open_token, seal_token
from .holder import UNKNOWN_HOLDER, HolderCheck, holder_check, holder_matches
from .keyring import KeyEntry, KeyRing
from .keys import (
    fingerprint,
    key_id,
    load_or_create_private_key,
    public_key_from_pem,
    public_key_to_pem,
)
from .qr import ModulePlan, qr_matrix, qr_module_plan, qr_png, qr_version
from .revocation import (
    RevocationEntry,
    RevocationList,
    RevocationStatus,
    read_revocation_list,
    sign_revocation_list,
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
    "UNKNOWN_HOLDER",
    "BadgeClaims",
    "CardClaims",
    "CertificateNumber",
    "CredentialError",
    "HolderCheck",
    "KeyEntry",
    "KeyFileError",
    "KeyRing",
    "Kind",
    "ModulePlan",
    "OpenedToken",
    "RevocationEntry",
    "RevocationList",
    "RevocationListError",
    "RevocationStatus",
    "TokenError",
    "TokenProblem",
    "decode_text",
    "encode_text",
    "fingerprint",
    "format_certificate_number",
    "holder_check",
    "holder_matches",
    "issue_badge",
    "issue_card",
    "key_id",
    "load_or_create_private_key",
    "normalise_text",
    "open_token",
    "parse_certificate_number",
    "public_key_from_pem",
    "public_key_to_pem",
    "qr_matrix",
    "qr_module_plan",
    "qr_png",
    "qr_version",
    "read_badge",
    "read_card",
    "read_revocation_list",
    "seal_token",
    "sign",
    "sign_revocation_list",
    "verify",
]
