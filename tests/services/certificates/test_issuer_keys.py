"""The issuer key and the trusted public keys: made on first use, owner-only, an optional
passphrase never stored; exported with its fingerprint and imported on a verifying PC;
rotated without invalidating the cards it signed; hostile key files refused; a key slipped
into the table behind the application's back named by the tamper check."""

from __future__ import annotations

import os
import stat
from datetime import date

import pytest
from cardkit import TODAY, certified_run
from committeekit import ADMIN
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from scfn_desktop.credentials import CardStatus, fingerprint, public_key_to_pem
from scfn_desktop.db.models.certificates import CardIssuerKey
from scfn_desktop.db.session import open_database
from scfn_desktop.services.certificates import cards, issuer_keys
from scfn_desktop.services.certificates.issuer_keys import IssuerKeyLocked
from scfn_desktop.services.certificates.verification import verify_text
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.progress import run_to_end


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_made_on_first_use_owner_only_and_registered(db, data_dir):
    assert not issuer_keys.issuer_key_exists() and issuer_keys.current_key(db) is None
    key = issuer_keys.unlock_issuer_key(db, ADMIN)
    path = issuer_keys.issuer_key_path()
    assert path.parent == data_dir / "keys"
    if os.name == "posix":
        assert mode(path) == 0o600 and mode(path.parent) == 0o700
    info = issuer_keys.current_key(db)
    assert info is not None and info.fingerprint == fingerprint(key.public_key())
    assert issuer_keys.unlock_issuer_key(db, ADMIN).public_key().public_bytes_raw() == \
        key.public_key().public_bytes_raw()  # loaded, not made again
    assert len(issuer_keys.trusted_keys(db)) == 1
    with pytest.raises(ValidationFailed, match="exists already"):
        issuer_keys.create_issuer_key(db, ADMIN)


def test_a_passphrase_is_asked_for_and_never_stored(db, data_dir):
    with pytest.raises(ValidationFailed, match="8 characters"):
        issuer_keys.create_issuer_key(db, ADMIN, "short")
    issuer_keys.create_issuer_key(db, ADMIN, "correct horse battery")
    assert issuer_keys.issuer_key_protected()
    with pytest.raises(IssuerKeyLocked) as missing:
        issuer_keys.unlock_issuer_key(db, ADMIN)
    assert missing.value.code == "passphrase_required"
    with pytest.raises(IssuerKeyLocked) as wrong:
        issuer_keys.unlock_issuer_key(db, ADMIN, "wrong horse battery")
    assert wrong.value.code == "wrong_passphrase"
    assert issuer_keys.unlock_issuer_key(db, ADMIN, "correct horse battery")
    stored = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert b"correct horse" not in stored  # nowhere in the data folder, the database included


def test_rotation_keeps_earlier_cards_valid(db, data_dir):
    numbers = certified_run(db, 2)
    old_key = issuer_keys.unlock_issuer_key(db, ADMIN)
    first = run_to_end(cards.issue_cards(db, ADMIN, old_key, today=TODAY)).issued
    new_info = issuer_keys.rotate_issuer_key(db, ADMIN, None, None)
    assert new_info.signs_new_cards
    retired = data_dir / "keys" / "retired" / f"issuer-{_kid(old_key)}.pem"
    assert retired.exists() and (os.name != "posix" or mode(retired) == 0o600)
    new_key = issuer_keys.unlock_issuer_key(db, ADMIN)
    assert _kid(new_key) == new_info.key_id != _kid(old_key)
    reissued = cards.reissue_card(db, ADMIN, new_key, numbers[1], "loss", today=TODAY)
    assert verify_text(db, first[0].token, today=TODAY).status is CardStatus.VALID  # old key
    assert verify_text(db, reissued.token, today=TODAY).status is CardStatus.VALID  # new key
    assert verify_text(db, first[1].token, today=TODAY).status is CardStatus.SUPERSEDED
    keys = issuer_keys.trusted_keys(db)
    assert [(k.key_id, k.signs_new_cards, k.retired_at is not None) for k in keys] == [
        (_kid(new_key), True, False), (_kid(old_key), False, True)]
    exported = issuer_keys.export_public_keys(db)
    assert exported.count("BEGIN PUBLIC KEY") == 2 and "(current)" in exported
    assert exported.index(new_info.fingerprint) < exported.index(fingerprint(old_key.public_key()))


def test_a_verifying_pc_trusts_only_what_it_imported(db, data_dir, tmp_path, monkeypatch):
    numbers = certified_run(db, 2)
    key = issuer_keys.unlock_issuer_key(db, ADMIN)
    issued = run_to_end(cards.issue_cards(db, ADMIN, key, today=TODAY)).issued
    cards.reissue_card(db, ADMIN, key, numbers[0], "loss", today=TODAY)
    published = issuer_keys.export_public_keys(db)
    elsewhere = tmp_path / "verifying-pc"
    monkeypatch.setenv("SCFN_DATA_DIR", str(elsewhere))
    other = open_database(f"sqlite:///{elsewhere}/v.sqlite3")
    try:
        assert verify_text(other, issued[1].token, today=TODAY).status is CardStatus.UNKNOWN_KEY
        added = issuer_keys.import_public_keys(other, ADMIN, published, "出入国在留管理庁")
        assert [k.fingerprint for k in added] == [fingerprint(key.public_key())]
        assert issuer_keys.import_public_keys(other, ADMIN, published) == []  # already trusted
        v = verify_text(other, issued[1].token, today=TODAY)
        assert v.status is CardStatus.VALID and "not checked" in v.reason_en
        # without the issuer's list this PC cannot know of the reissue: the list says so
        assert verify_text(other, issued[0].token, today=TODAY).status is CardStatus.VALID
        assert not issuer_keys.issuer_key_exists()  # verifying needs no private key
        issuer_keys.remove_imported_key(other, ADMIN, added[0].key_id)
        assert verify_text(other, issued[1].token, today=TODAY).status is CardStatus.UNKNOWN_KEY
        assert issuer_keys.import_public_keys(other, ADMIN, published)  # trusted again
        with pytest.raises(NotFound):
            issuer_keys.remove_imported_key(other, ADMIN, "00000000")
    finally:
        other.dispose()
    with pytest.raises(ValidationFailed, match="cannot be removed"):
        issuer_keys.remove_imported_key(db, ADMIN, _kid(key))


@pytest.mark.parametrize("content, expected", [
    ("private", "private key"),
    ("ecdsa", "Ed25519"),
    ("garbage", "No PEM public key"),
    ("huge", "too large"),
    ("broken", "cannot be read"),
])
def test_hostile_key_files_are_refused_whole(db, content, expected):
    good = public_key_to_pem(Ed25519PrivateKey.generate().public_key())
    data = {
        "private": good + Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()).decode(),
        "ecdsa": good + ec.generate_private_key(ec.SECP256R1()).public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode(),
        "garbage": "=HYPERLINK(\"http://x\")\n\x00\x01 not a key",
        "huge": good + "#" * (70 * 1024),
        "broken": "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
    }[content]
    with pytest.raises(ValidationFailed) as refused:
        issuer_keys.import_public_keys(db, ADMIN, data)
    assert expected in refused.value.message_en
    assert issuer_keys.trusted_keys(db) == []  # the good key before it was not kept either


def test_the_tamper_check_names_a_key_slipped_into_the_table(tmp_path):
    from finishedkit import finished_demo

    from scfn_desktop.services.admin.reconcile import reconcile_steps

    demo = finished_demo(tmp_path)
    try:
        assert run_to_end(reconcile_steps(demo)).ok  # the demo, cards included, is clean
        forger = Ed25519PrivateKey.generate().public_key()
        with demo.transaction() as s:  # behind the application's back
            s.add(CardIssuerKey(key_id=_kid_of(forger), public_pem=public_key_to_pem(forger),
                                fingerprint=fingerprint(forger), origin="imported",
                                label="x", created_by="mallory"))
        findings = run_to_end(reconcile_steps(demo)).findings
        assert [(f.table_en, f.kind) for f in findings] == [("Card public key", "added")]
    finally:
        demo.dispose()


def _kid(key: Ed25519PrivateKey) -> str:
    return _kid_of(key.public_key())


def _kid_of(public) -> str:  # type: ignore[no-untyped-def]
    from scfn_desktop.credentials import key_id

    return key_id(public).hex()


def test_renewing_changes_the_validity_the_tamper_check_expects(tmp_path):
    """Renewal is logged (certificate.renew), so the tamper check stays quiet after it and
    names a validity extended by SQL."""
    from finishedkit import finished_demo

    from scfn_desktop.db.models.certificates import Certificate
    from scfn_desktop.services.admin.reconcile import reconcile_steps
    from scfn_desktop.services.demo.finished_run import ADMIN as DEMO_ADMIN

    demo = finished_demo(tmp_path)
    try:
        key = issuer_keys.unlock_issuer_key(demo, DEMO_ADMIN)
        cards.renew_certificate(demo, DEMO_ADMIN, key, "SCFN-2024-00001",
                                completed_on=date(2026, 11, 1), today=TODAY)
        assert run_to_end(reconcile_steps(demo)).ok
        with demo.transaction() as s:
            cert = s.scalar(select(Certificate).where(Certificate.number == "SCFN-2024-00003"))
            cert.valid_until = date(2099, 3, 31)
        findings = run_to_end(reconcile_steps(demo)).findings
        assert [(f.table_en, f.name, f.kind) for f in findings] == [
            ("Certificate", "SCFN-2024-00003", "changed")]
    finally:
        demo.dispose()
