"""Domain-separated Ed25519 signatures.

One key signs three kinds of thing: QR tokens (badges, cards), revocation lists and audit-log
checkpoints.  Each kind is signed under its own *context*: the bytes actually signed are
``context || 0x00 || data``.  Contexts are printable ASCII without NUL, so the NUL ends the
context unambiguously and no signature made for one context verifies under another: a badge
signature can never be replayed as a revocation list or a checkpoint.  The prefix is a plain
byte concatenation, trivial to reproduce in JavaScript before ``crypto.subtle.verify``.
"""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

__all__ = [
    "AUDIT_CHECKPOINT_CONTEXT",
    "REVOCATION_LIST_CONTEXT",
    "SIGNATURE_LENGTH",
    "TOKEN_CONTEXT",
    "sign",
    "signed_message",
    "verify",
]

SIGNATURE_LENGTH = 64
#: QR token frames (badges and cards; the frame's kind byte is signed too).
TOKEN_CONTEXT = b"SCFN/token/v1"
#: The revocation list's payload string.
REVOCATION_LIST_CONTEXT = b"SCFN/revocation-list/v1"
#: Audit-log checkpoints (reserved here so that no other use can ever take the same context).
AUDIT_CHECKPOINT_CONTEXT = b"SCFN/audit-checkpoint/v1"


def signed_message(context: bytes, data: bytes) -> bytes:
    """The exact bytes an Ed25519 signature covers: ``context || 0x00 || data``."""
    if not context or len(context) > 64 or any(b < 0x21 or b > 0x7E for b in context):
        raise ValueError("a signature context is 1-64 printable ASCII bytes without spaces")
    return context + b"\x00" + data


def sign(private_key: Ed25519PrivateKey, context: bytes, data: bytes) -> bytes:
    """Sign ``data`` under ``context``; returns the 64-byte signature."""
    return private_key.sign(signed_message(context, data))


def verify(public_key: Ed25519PublicKey, context: bytes, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` is ``public_key``'s signature of ``data`` under ``context``."""
    if len(signature) != SIGNATURE_LENGTH:
        return False
    try:
        public_key.verify(signature, signed_message(context, data))
    except InvalidSignature:
        return False
    return True
