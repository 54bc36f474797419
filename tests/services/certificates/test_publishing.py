"""What the issuing PC hands out, from the register: the signed revocation list (revoked and
superseded, categories only), the standalone HTML verifier opened in a real headless Chromium
(a card the service issued is valid there, a revoked one refused), Open Badges per person,
the renewal reminders (formula-safe), and the holder's photo."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime

import pytest
from cardkit import TODAY, certified_run
from chromium import enter_code, open_page, verifier_browser
from committeekit import ADMIN, trainee_id
from PIL import Image
from sqlalchemy import select

from scfn_desktop.credentials import (
    CardStatus,
    RevocationListError,
    RevocationStatus,
    identity_matches,
    read_open_badge,
    read_revocation_list,
)
from scfn_desktop.db.models.certificates import CertificatePhoto
from scfn_desktop.printing.cards import PHOTO_PIXELS
from scfn_desktop.services.certificates import cards, issuer_keys, photos, printing, publishing
from scfn_desktop.services.certificates.status import export_reminders
from scfn_desktop.services.certificates.verification import load_revocation_file, verify_text
from scfn_desktop.services.committee.certification import revoke_certificate
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.progress import run_to_end
from scfn_desktop.services.roster.trainees import update_trainee


@pytest.fixture
def issued(db):
    numbers = certified_run(db, 4)
    key = issuer_keys.unlock_issuer_key(db, ADMIN)
    first = run_to_end(cards.issue_cards(db, ADMIN, key, today=TODAY)).issued
    cards.reissue_card(db, ADMIN, key, numbers[0], "loss", today=TODAY)
    revoke_certificate(db, ADMIN, numbers[1], date(2026, 11, 2),
                       "受講時の申告に虚偽（氏名・住所を含む詳細）", today=TODAY)
    return numbers, key, first


def test_the_revocation_list_is_signed_and_publishes_no_free_text(db, issued, tmp_path):
    numbers, key, first = issued
    moment = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
    text, count = publishing.signed_revocation_list(db, ADMIN, key, moment)
    listing = read_revocation_list(text, issuer_keys.keyring(db))
    assert count == 2 and listing.issued_at == moment
    entries = {(str(e.number), e.revision, e.status, e.reason) for e in listing.entries}
    assert entries == {(numbers[0], 2, RevocationStatus.SUPERSEDED, "再交付"),
                       (numbers[1], 1, RevocationStatus.REVOKED, "認定の取消")}
    assert "虚偽" not in text  # the register's written reason stays in the register
    path = tmp_path / "list.json"
    path.write_text(text, encoding="utf-8")
    assert len(load_revocation_file(db, path).entries) == 2
    envelope = json.loads(text)
    envelope["payload"] = envelope["payload"].replace('"revoked"', '"superseded"')
    path.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationFailed, match="signature does not match"):
        load_revocation_file(db, path)


def test_a_list_file_tells_a_verifying_pc_what_its_register_cannot(db, issued, tmp_path,
                                                                   monkeypatch):
    from scfn_desktop.db.session import open_database

    numbers, key, first = issued
    text, _ = publishing.signed_revocation_list(db, ADMIN, key)
    published = issuer_keys.export_public_keys(db)
    (tmp_path / "list.json").write_text(text, encoding="utf-8")
    monkeypatch.setenv("SCFN_DATA_DIR", str(tmp_path / "pc2"))
    other = open_database(f"sqlite:///{tmp_path}/pc2.sqlite3")
    try:
        issuer_keys.import_public_keys(other, ADMIN, published)
        listing = load_revocation_file(other, tmp_path / "list.json")
        for card, expected in zip(first, (CardStatus.SUPERSEDED, CardStatus.REVOKED,
                                          CardStatus.VALID), strict=False):
            assert verify_text(other, card.token, revocations=listing,
                               today=TODAY).status is expected
    finally:
        other.dispose()


@pytest.fixture(scope="module")
def browser():
    with verifier_browser() as driver:
        yield driver


def test_the_exported_verifier_in_chromium(db, issued, tmp_path, browser):
    numbers, key, first = issued
    page = publishing.export_verifier(db, ADMIN, key, tmp_path / "verify.html")
    html = page.read_text(encoding="utf-8")
    assert issuer_keys.current_key(db).fingerprint in html
    open_page(browser, page)
    newest = printing.card_print_data(db, [numbers[0]])[0].token
    for code, expected in ((first[2].token, "valid"), (first[1].token, "revoked"),
                           (first[0].token, "superseded"), (newest, "valid")):
        state, text = enter_code(browser, code, typed=expected == "valid")
        assert state == expected, text
        assert verify_text(db, code, today=TODAY).status.value == expected  # the app agrees


def test_open_badges_one_file_per_valid_certificate(db, issued, tmp_path):
    numbers, key, _first = issued
    folder = tmp_path / "badges"
    folder.mkdir()
    result = run_to_end(publishing.export_open_badges(db, ADMIN, key, folder, today=TODAY))
    assert set(result.written) == {numbers[0], numbers[2], numbers[3]}
    assert [s[0] for s in result.skipped] == [numbers[1]]  # revoked
    jwt = (folder / f"{numbers[0]}.jwt").read_text(encoding="ascii")
    credential = read_open_badge(jwt, issuer_keys.keyring(db),
                                 now=datetime(2026, 12, 1, tzinfo=UTC))
    assert credential["credentialSubject"]["licenseNumber"] == numbers[0]
    assert identity_matches(credential, "SATO Kenta") and "SATO" not in jwt.split(".")[1]


def test_renewal_reminders_are_formula_safe(db, issued, tmp_path):
    numbers, _key, _first = issued
    update_trainee(db, ADMIN, trainee_id(db, 3), {"romaji": "=HYPERLINK(\"http://x\",\"y\")"})
    data, count = export_reminders(db, ADMIN, "csv", on=date(2027, 12, 1), months=6)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert count == 3 and rows[0][0] == "認定番号"
    assert [r[0] for r in rows[1:]] == [numbers[0], numbers[2], numbers[3]]
    assert all(not cell.startswith("=") for r in rows for cell in r)
    xlsx, _ = export_reminders(db, ADMIN, "xlsx", on=date(2027, 12, 1), months=6)
    assert xlsx[:2] == b"PK"
    with pytest.raises(ValidationFailed):
        export_reminders(db, ADMIN, "pdf")


def test_photos_are_cropped_bounded_and_printed(db, issued, tmp_path):
    numbers, _key, _first = issued
    big = io.BytesIO()
    Image.new("RGB", (3000, 2000), (200, 180, 160)).save(big, "JPEG")
    digest = photos.import_photo(db, ADMIN, numbers[0], big.getvalue())
    with db.session() as s:
        stored = s.scalar(select(CertificatePhoto))
    assert stored.sha256 == digest and len(stored.jpeg) < 100_000
    with Image.open(io.BytesIO(stored.jpeg)) as image:
        assert image.size == PHOTO_PIXELS
    for bad, reason in ((b"not an image at all", "not a readable image"),
                        (b"\xff\xd8\xff" + b"\0" * 100, "not a readable image")):
        with pytest.raises(ValidationFailed, match=reason):
            photos.import_photo(db, ADMIN, numbers[2], bad)
    huge = tmp_path / "huge.jpg"
    huge.write_bytes(b"\xff\xd8" + b"\0" * (11 * 1024 * 1024))
    with pytest.raises(ValidationFailed, match="too large"):
        photos.read_photo_file(huge)
    [with_photo] = printing.card_print_data(db, [numbers[0]])
    assert with_photo.photo == stored.jpeg
    run_to_end(printing.print_cards(db, ADMIN, tmp_path / "photo.pdf", numbers=[numbers[0]]))
    photos.remove_photo(db, ADMIN, numbers[0])
    assert printing.card_print_data(db, [numbers[0]])[0].photo is None


def test_a_forged_list_is_refused_before_use(db, issued, tmp_path):
    _numbers, key, _first = issued
    text, _ = publishing.signed_revocation_list(db, ADMIN, key)
    with pytest.raises(RevocationListError):
        read_revocation_list(text.replace("認定の取消", "取消なし"), issuer_keys.keyring(db))
