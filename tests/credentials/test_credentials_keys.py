"""The signing key file, public key exchange, key ring and domain-separated signatures."""

from __future__ import annotations

import multiprocessing
import os
import stat
import sys

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from scfn_desktop.credentials import (
    AUDIT_CHECKPOINT_CONTEXT,
    REVOCATION_LIST_CONTEXT,
    TOKEN_CONTEXT,
    CredentialError,
    KeyFileError,
    KeyRing,
    fingerprint,
    key_id,
    load_or_create_private_key,
    public_key_from_pem,
    public_key_to_pem,
    sign,
    verify,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def _raw(key) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


@posix_only
def test_new_key_file_is_private(tmp_path):
    path = tmp_path / "keys" / "nested" / "signing.pem"
    key = load_or_create_private_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "keys").stat().st_mode) == 0o700
    assert path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert os.listdir(path.parent) == ["signing.pem"]  # no temporary file left behind
    assert _raw(load_or_create_private_key(path)) == _raw(key)


def test_passphrase_right_wrong_missing_unexpected(tmp_path):
    path = tmp_path / "keys" / "signing.pem"
    key = load_or_create_private_key(path, "合言葉 correct horse")
    assert b"ENCRYPTED PRIVATE KEY" in path.read_bytes()
    assert _raw(load_or_create_private_key(path, "合言葉 correct horse".encode())) == _raw(key)
    for passphrase, code in [("wrong", "wrong_passphrase"), (None, "passphrase_required"),
                             ("", "passphrase_required")]:
        with pytest.raises(KeyFileError) as info:
            load_or_create_private_key(path, passphrase)
        assert info.value.code == code
        assert str(path) in info.value.reason_ja and str(path) in info.value.reason_en
    plain = tmp_path / "plain.pem"
    load_or_create_private_key(plain)
    with pytest.raises(KeyFileError) as info:
        load_or_create_private_key(plain, "unexpected")
    assert info.value.code == "passphrase_unexpected"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "key_corrupt"),
        (b"not a key at all", "key_corrupt"),
        (b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "key_corrupt"),
        (
            ec.generate_private_key(ec.SECP256R1()).private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ),
            "key_not_ed25519",
        ),
    ],
)
def test_corrupt_or_foreign_key_file(tmp_path, content, code):
    path = tmp_path / "signing.pem"
    path.write_bytes(content)
    with pytest.raises(KeyFileError) as info:
        load_or_create_private_key(path)
    assert info.value.code == code
    assert str(path) in info.value.reason_en


def test_creation_without_hard_links(tmp_path, monkeypatch):
    """Some network and FAT drives have no hard links: an exclusive create stands in."""

    def no_links(_source, _target):
        raise PermissionError("hard links not supported")

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "keys" / "signing.pem"
    key = load_or_create_private_key(path)
    assert os.listdir(path.parent) == ["signing.pem"]
    monkeypatch.undo()
    assert _raw(load_or_create_private_key(path)) == _raw(key)


def _race(path: str, barrier, results) -> None:
    barrier.wait()
    key = load_or_create_private_key(path)
    results.put(_raw(key).hex())


@pytest.mark.skipif(sys.platform == "win32", reason="fork start method")
def test_concurrent_creation_ends_with_one_key(tmp_path):
    context = multiprocessing.get_context("fork")
    for round_number in range(3):
        path = tmp_path / f"round{round_number}" / "signing.pem"
        barrier, results = context.Barrier(6), context.Queue()
        workers = [
            context.Process(target=_race, args=(str(path), barrier, results)) for _ in range(6)
        ]
        for worker in workers:
            worker.start()
        keys = {results.get(timeout=20) for _ in workers}
        for worker in workers:
            worker.join(timeout=20)
            assert worker.exitcode == 0
        assert len(keys) == 1
        assert keys == {_raw(load_or_create_private_key(path)).hex()}
        assert os.listdir(path.parent) == ["signing.pem"]


def test_key_id_and_fingerprint(issuer_key, stranger_key):
    public = issuer_key.public_key()
    assert len(key_id(public)) == 4
    assert key_id(public) != key_id(stranger_key.public_key())
    text = fingerprint(public)
    assert len(text) == 19 and text.count("-") == 3
    assert set(text.replace("-", "")) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")


def test_public_pem_round_trip(issuer_key):
    pem = public_key_to_pem(issuer_key.public_key())
    assert pem.startswith("-----BEGIN PUBLIC KEY-----")
    assert fingerprint(public_key_from_pem(pem)) == fingerprint(issuer_key.public_key())


@pytest.mark.parametrize(
    "foreign",
    [
        rsa.generate_private_key(public_exponent=65537, key_size=2048),
        ec.generate_private_key(ec.SECP256R1()),
    ],
    ids=["rsa", "ec"],
)
def test_pem_import_refuses_other_key_types(foreign):
    pem = foreign.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    with pytest.raises(CredentialError) as info:
        public_key_from_pem(pem)
    assert info.value.code == "public_key_not_ed25519"
    with pytest.raises(CredentialError):
        KeyRing.of(pem.decode())


def test_pem_import_refuses_private_key_and_garbage(issuer_key):
    private_pem = issuer_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    with pytest.raises(CredentialError) as info:
        public_key_from_pem(private_pem)
    assert info.value.code == "public_key_is_private"
    with pytest.raises(CredentialError) as info:
        public_key_from_pem("hello")
    assert info.value.code == "public_key_invalid"


def test_key_ring(issuer_key, stranger_key, monkeypatch):
    ring = KeyRing()
    entry = ring.add(public_key_to_pem(issuer_key.public_key()))
    assert ring.add(issuer_key.public_key(), "事務局 2025").label == "事務局 2025"  # same key
    assert len(ring) == 1 and entry.key_id in ring
    assert ring.get(entry.key_id).fingerprint == fingerprint(issuer_key.public_key())
    assert ring.get(b"\0\0\0\0") is None
    monkeypatch.setattr("scfn_desktop.credentials.keyring.key_id", lambda _key: b"same")
    with pytest.raises(CredentialError) as info:
        KeyRing.of(issuer_key.public_key(), stranger_key.public_key())
    assert info.value.code == "key_id_collision"


def test_signature_contexts_are_separated(issuer_key, stranger_key):
    public = issuer_key.public_key()
    data = b"checkpoint 42"
    signature = sign(issuer_key, AUDIT_CHECKPOINT_CONTEXT, data)
    assert verify(public, AUDIT_CHECKPOINT_CONTEXT, data, signature)
    assert not verify(public, TOKEN_CONTEXT, data, signature)
    assert not verify(public, REVOCATION_LIST_CONTEXT, data, signature)
    assert not verify(stranger_key.public_key(), AUDIT_CHECKPOINT_CONTEXT, data, signature)
    assert not verify(public, AUDIT_CHECKPOINT_CONTEXT, data + b"!", signature)
    assert not verify(public, AUDIT_CHECKPOINT_CONTEXT, data, signature[:-1])
    # The NUL separator: moving bytes between context and data changes the signed message.
    assert not verify(public, b"SCFN/audit-checkpoint/v", b"1" + data, signature)
    with pytest.raises(ValueError):
        sign(issuer_key, b"has space", data)
