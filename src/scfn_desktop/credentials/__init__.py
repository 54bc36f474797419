"""Signed credentials engine: keys, QR tokens, revocation lists (no database, no Qt).

Three features build on it: venue check-in badges, certificate cards (認定証) that anyone can
verify offline (the six-state verdict, QR reading from images and PDFs, the standalone HTML
verifier, Open Badges 3.0), and signed audit-log checkpoints.  It knows nothing of trainees, the database,
printing or Qt; the wire formats are specified in ``docs/verification.md``.
"""

from .badge import BadgeClaims, issue_badge, read_badge
from .base32 import decode as decode_text
from .base32 import encode as encode_text
from .base32 import normalise as normalise_text
from .card import CardClaims, issue_card, read_card
from .card_verdict import EXIT_CODES, CardStatus, CardVerdict, japan_today, verify_card
from .certificate_number import (
    CertificateNumber,
    format_certificate_number,
    parse_certificate_number,
)
from .errors import CredentialError, KeyFileError, RevocationListError, TokenError, TokenProblem
from .frame import Kind, OpenedToken, open_token, seal_token
from .holder import UNKNOWN_HOLDER, HolderCheck, holder_check, holder_matches
from .html_verifier import build_verifier_html, write_verifier_html
from .keyring import KeyEntry, KeyRing
from .keys import (
    fingerprint,
    key_id,
    load_or_create_private_key,
    public_key_from_pem,
    public_key_to_pem,
)
from .open_badges import (
    BadgeIssuer,
    CertifiedPerson,
    build_open_badge,
    identity_matches,
    issue_open_badge,
    read_open_badge,
)
from .qr import ModulePlan, qr_matrix, qr_module_plan, qr_png, qr_version
from .qr_scan import FoundCode, find_codes, find_codes_in_file
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
    "EXIT_CODES",
    "REVOCATION_LIST_CONTEXT",
    "TOKEN_CONTEXT",
    "UNKNOWN_HOLDER",
    "BadgeClaims",
    "BadgeIssuer",
    "CardClaims",
    "CardStatus",
    "CardVerdict",
    "CertificateNumber",
    "CertifiedPerson",
    "CredentialError",
    "FoundCode",
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
    "build_open_badge",
    "build_verifier_html",
    "decode_text",
    "encode_text",
    "find_codes",
    "find_codes_in_file",
    "fingerprint",
    "format_certificate_number",
    "holder_check",
    "holder_matches",
    "identity_matches",
    "issue_badge",
    "issue_card",
    "issue_open_badge",
    "japan_today",
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
    "read_open_badge",
    "read_revocation_list",
    "seal_token",
    "sign",
    "sign_revocation_list",
    "verify",
    "verify_card",
    "write_verifier_html",
]
