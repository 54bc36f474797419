"""Password and PIN hashes: salted scrypt at the current OWASP cost, and the same work for a
login that names no account.

Stored as `scrypt$n$r$p$salt$hash`, so each hash carries its own cost: a hash made at an older,
lower cost still verifies, and `needs_rehash` tells the login to store a new one at today's
cost while it holds the password (issue 9: N was 2^14, OWASP asks 2^17).

N = 2^17, r = 8 takes 128 MiB and about 0.3-1.5 s per check on an ordinary PC: slow for a
guesser with the database file, bearable once per login. The cost is lowered only by an
explicit test setting (`SCFN_TEST_WEAK_PASSWORD_HASHES=1`, set by the test suite so that its
hundreds of accounts are quick); nothing lowers it silently, and a weak hash found at a login
without that setting is replaced at once.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import os
import secrets

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
TEST_SCRYPT_N = 2**10
TEST_SETTING = "SCFN_TEST_WEAK_PASSWORD_HASHES"
MAX_SCRYPT_N = 2**20  # a stored hash asking for more is refused, not computed (memory)
_MAXMEM = 1024 * 1024 * 1024


def weak_hashes_for_tests() -> bool:
    return os.environ.get(TEST_SETTING) == "1"


def current_cost() -> tuple[int, int, int]:
    return (TEST_SCRYPT_N if weak_hashes_for_tests() else SCRYPT_N), SCRYPT_R, SCRYPT_P


def _scrypt(secret: str, salt: bytes, n: int, r: int, p: int, dklen: int = 32) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8", "surrogatepass"), salt=salt, n=n, r=r, p=p,
                          dklen=dklen, maxmem=_MAXMEM)


def hash_secret(secret: str) -> str:
    n, r, p = current_cost()
    salt = secrets.token_bytes(16)
    digest = _scrypt(secret, salt, n, r, p)
    b64 = base64.b64encode
    return f"scrypt${n}${r}${p}${b64(salt).decode()}${b64(digest).decode()}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        if scheme != "scrypt":
            return None
        cost = int(n), int(r), int(p)
        if not (1 < cost[0] <= MAX_SCRYPT_N and 0 < cost[1] <= 32 and 0 < cost[2] <= 16):
            return None
        return (*cost, base64.b64decode(salt_b64), base64.b64decode(digest_b64))
    except (ValueError, TypeError):
        return None


def check_secret(secret: str, stored: str) -> bool:
    parsed = _parse(stored)
    if parsed is None:
        return False
    n, r, p, salt, expected = parsed
    try:
        digest = _scrypt(secret, salt, n, r, p, dklen=len(expected) or 32)
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(digest, expected)


def needs_rehash(stored: str) -> bool:
    """True when the hash was made at another cost than today's (older or weaker)."""
    parsed = _parse(stored)
    return parsed is None or parsed[:3] != current_cost()


def secret_digest(stored: str) -> str:
    """A short digest of a stored hash, for the audit log: lets reconciliation notice a hash
    replaced in the database directly (someone giving themselves a known password) and reveals
    nothing of the password (it is a digest of a salted scrypt hash)."""
    return hashlib.sha256(stored.encode("utf-8")).hexdigest()[:16]


@functools.cache
def _dummy_hash(cost: tuple[int, int, int]) -> str:
    return hash_secret(secrets.token_urlsafe(16))


def burn_equal_time(secret: str) -> None:
    """Do the work of checking a password against an account, for a name that has none, so a
    wrong user name and a wrong password take the same time (no probing for names)."""
    check_secret(secret, _dummy_hash(current_cost()))
