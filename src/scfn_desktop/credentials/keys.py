"""The Ed25519 signing key: created once, kept private, identified by a short id.

Ed25519 because its signatures are small (64 bytes, so a signed token still fits a small QR
code), deterministic (the same key and message always give the same signature, which makes the
worked example in ``docs/verification.md`` reproducible) and available offline in browsers
through WebCrypto, which the standalone card verifier uses.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import time
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from . import base32
from .errors import CredentialError, KeyFileError

__all__ = [
    "fingerprint",
    "key_id",
    "load_or_create_private_key",
    "public_key_from_pem",
    "public_key_to_pem",
]

KEY_ID_LENGTH = 4
_MAX_KEY_FILE_BYTES = 64 * 1024
_ENCRYPTED_MARKER = b"-----BEGIN ENCRYPTED PRIVATE KEY-----"
_LOSER_WAIT_SECONDS = 2.0  # only for file systems without hard links (see _publish)


def key_id(public_key: Ed25519PublicKey) -> bytes:
    """First 4 bytes of SHA-256 of the raw 32-byte public key: enough to pick the right key
    from the handful a station trusts, short enough to spend in every QR token."""
    return hashlib.sha256(_raw(public_key)).digest()[:KEY_ID_LENGTH]


def fingerprint(public_key: Ed25519PublicKey) -> str:
    """A human-comparable form, ``XXXX-XXXX-XXXX-XXXX`` (80 bits of SHA-256 in Crockford
    base32), for reading aloud or comparing on screen and on paper when a key is installed."""
    text = base32.encode(hashlib.sha256(_raw(public_key)).digest()[:10])
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def public_key_to_pem(public_key: Ed25519PublicKey) -> str:
    """SubjectPublicKeyInfo PEM: what the issuer hands to verifying stations."""
    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def public_key_from_pem(text: str | bytes) -> Ed25519PublicKey:
    """Read a public key handed over as PEM; anything but an Ed25519 public key is refused,
    so a station can never be set up to trust a key type the tokens cannot use."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if b"PRIVATE KEY-----" in data:
        raise CredentialError(
            "public_key_is_private",
            "これは秘密鍵です。公開鍵（PUBLIC KEY）を渡してください。秘密鍵は配布しないでください。",
            "This is a private key. Hand over the PUBLIC KEY; never distribute the private key.",
        )
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as exc:
        raise CredentialError(
            "public_key_invalid",
            "公開鍵を読み取れません（PEM形式の PUBLIC KEY ではありません）。",
            f"The public key cannot be read (not a PEM PUBLIC KEY): {exc}",
        ) from exc
    if not isinstance(key, Ed25519PublicKey):
        kind = type(key).__name__.removeprefix("_").replace("PublicKey", "") or "unknown"
        raise CredentialError(
            "public_key_not_ed25519",
            f"Ed25519 以外の公開鍵（{kind}）は使えません。",
            f"Only Ed25519 public keys can be used, not {kind}.",
        )
    return key


def load_or_create_private_key(
    path: str | os.PathLike[str], passphrase: str | bytes | None = None
) -> Ed25519PrivateKey:
    """Load the station's signing key, creating it on first use.

    The key is stored as PKCS#8 PEM, encrypted when a passphrase is given (an empty passphrase
    means none).  A new file is 0600 and a folder created for it 0700 on POSIX; an existing
    folder is left as it is.  Creation is atomic: the key is written to a private temporary file
    and published with a hard link, which fails rather than overwrite, so when two processes
    start at once both end up using the one key that was published first.
    """
    path = Path(path)
    secret = _secret(passphrase)
    if path.exists():
        return _load(path, secret)
    _make_private_folder(path.parent)
    key = Ed25519PrivateKey.generate()
    encryption = (
        serialization.BestAvailableEncryption(secret) if secret else serialization.NoEncryption()
    )
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    if _publish(path, pem):
        return key
    return _load(path, secret, wait_for_writer=True)


def _raw(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _secret(passphrase: str | bytes | None) -> bytes | None:
    if passphrase is None:
        return None
    secret = passphrase.encode("utf-8") if isinstance(passphrase, str) else passphrase
    return secret or None


def _make_private_folder(folder: Path) -> None:
    """Create ``folder`` and any missing parent 0700; folders that exist are left alone."""
    missing = [folder, *folder.parents]
    missing = [path for path in reversed(missing) if not path.is_dir()]
    try:
        for path in missing:
            path.mkdir(mode=0o700, exist_ok=True)
            if os.name == "posix":
                os.chmod(path, 0o700)  # mkdir's mode is filtered by the umask
    except OSError as exc:
        raise KeyFileError(
            "key_folder_unwritable",
            f"鍵の保存先フォルダー {folder} を作成できません: {exc.strerror or exc}",
            f"Cannot create the key folder {folder}: {exc.strerror or exc}",
        ) from exc


def _publish(path: Path, pem: bytes) -> bool:
    """Make ``path`` hold ``pem`` unless it already exists; True when this call published it.

    The temporary file is complete and flushed before the link makes it visible, so a reader
    never sees half a key.  Where hard links are not supported (some network or FAT drives)
    the fallback creates the final name exclusively and writes into it; a concurrent loader then
    waits briefly for the writer to finish (``_load(wait_for_writer=True)``).
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        _write_new(temporary, pem)
        try:
            os.link(temporary, path)
        except FileExistsError:
            return False
        except OSError:  # no hard links here: fall back to an exclusive create
            try:
                _write_new(path, pem)
            except FileExistsError:
                return False
        _sync_folder(path.parent)
        return True
    except OSError as exc:
        raise KeyFileError(
            "key_unwritable",
            f"鍵ファイル {path} を作成できません: {exc.strerror or exc}",
            f"Cannot create the key file {path}: {exc.strerror or exc}",
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _write_new(path: Path, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, 0o600)
    try:
        if os.name == "posix":
            os.fchmod(descriptor, 0o600)  # the umask may only remove bits; be explicit anyway
        os.write(descriptor, data)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _load(path: Path, secret: bytes | None, *, wait_for_writer: bool = False) -> Ed25519PrivateKey:
    deadline = time.monotonic() + (_LOSER_WAIT_SECONDS if wait_for_writer else 0.0)
    while True:
        data = _read(path)
        complete = b"-----END" in data
        if complete or time.monotonic() >= deadline:
            return _parse(path, data, secret)
        time.sleep(0.02)


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            data = stream.read(_MAX_KEY_FILE_BYTES + 1)
    except OSError as exc:
        raise KeyFileError(
            "key_unreadable",
            f"鍵ファイル {path} を読めません: {exc.strerror or exc}",
            f"Cannot read the key file {path}: {exc.strerror or exc}",
        ) from exc
    if len(data) > _MAX_KEY_FILE_BYTES:
        raise _corrupt(path, "too large")
    return data


def _parse(path: Path, data: bytes, secret: bytes | None) -> Ed25519PrivateKey:
    encrypted = _ENCRYPTED_MARKER in data
    if encrypted and secret is None:
        raise KeyFileError(
            "passphrase_required",
            f"鍵ファイル {path} はパスフレーズで保護されています。パスフレーズを入力してください。",
            f"The key file {path} is protected by a passphrase; enter the passphrase.",
        )
    if not encrypted and secret is not None and b"PRIVATE KEY-----" in data:
        raise KeyFileError(
            "passphrase_unexpected",
            f"鍵ファイル {path} は暗号化されていませんが、パスフレーズが指定されました。",
            f"The key file {path} is not encrypted, yet a passphrase was given.",
        )
    try:
        key = serialization.load_pem_private_key(data, password=secret)
    except (ValueError, TypeError) as exc:
        if encrypted:
            raise KeyFileError(
                "wrong_passphrase",
                f"鍵ファイル {path} のパスフレーズが違います（またはファイルが壊れています）。",
                f"Wrong passphrase for the key file {path} (or the file is damaged).",
            ) from exc
        raise _corrupt(path, str(exc)) from exc
    except UnsupportedAlgorithm as exc:
        raise _corrupt(path, str(exc)) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(
            "key_not_ed25519",
            f"鍵ファイル {path} は Ed25519 の鍵ではありません。",
            f"The key file {path} does not hold an Ed25519 key.",
        )
    return key


def _corrupt(path: Path, detail: str) -> KeyFileError:
    return KeyFileError(
        "key_corrupt",
        f"鍵ファイル {path} が壊れているか、鍵ファイルではありません。",
        f"The key file {path} is damaged or is not a key file ({detail}).",
    )
