"""The card's life through the real services: issue -> PDF rendered at 300 dpi by poppler ->
every QR decoded by zbar -> VALID; one character flipped -> FORGED; revoked -> REVOKED (the
committee's one record); reissued -> the old card SUPERSEDED; past the validity -> EXPIRED;
renewed -> the new validity. The audit chain stays valid after every step."""

from __future__ import annotations

from datetime import date

import pytest
from cardkit import CERTIFIED_ON, TODAY, VALID_UNTIL, certified_run, decode_qr, render_pages
from committeekit import ADMIN
from sqlalchemy import func, select

from scfn_desktop.credentials import CardStatus, read_card
from scfn_desktop.db.models.certificates import Certificate, CertificateCard, CertificateRevocation
from scfn_desktop.services import audit
from scfn_desktop.services.certificates import cards, issuer_keys, printing, status
from scfn_desktop.services.certificates.verification import verify_file, verify_text
from scfn_desktop.services.committee.certification import revoke_certificate
from scfn_desktop.services.errors import NotFound, PermissionDenied, ValidationFailed
from scfn_desktop.services.permissions import Actor
from scfn_desktop.services.progress import run_to_end

STAFF = Actor("uketsuke", "staff")


def chain_ok(db) -> bool:
    with db.session() as s:
        return audit.verify_chain(s).ok


def flip(text: str, position: int = 60) -> str:
    return text[:position] + ("1" if text[position] != "1" else "2") + text[position + 1:]


@pytest.fixture
def numbers(db):
    return certified_run(db, 4)


@pytest.fixture
def key(db):
    return issuer_keys.unlock_issuer_key(db, ADMIN)


def issue_all(db, key):
    return run_to_end(cards.issue_cards(db, ADMIN, key, today=TODAY))


def verdict(db, token, day=TODAY):
    return verify_text(db, token, today=day)


def test_issue_print_render_decode_verify_and_every_state(db, key, numbers, tmp_path):
    result = issue_all(db, key)
    assert [c.number for c in result.issued] == numbers and not result.skipped
    assert chain_ok(db)
    pdf = tmp_path / "cards.pdf"
    printed = run_to_end(printing.print_cards(db, ADMIN, pdf, "a4-10"))
    assert printed.cards == 4 and printed.pages == 2
    (tmp_path / "png").mkdir()
    pages = render_pages(pdf, tmp_path / "png")
    assert len(pages) == 2  # fronts, then backs
    decoded = [code for page in pages for code in decode_qr(page)]
    assert sorted(decoded) == sorted(c.token for c in result.issued)  # zbar, not our reader
    for code in decoded:
        v = verdict(db, code)
        assert v.status is CardStatus.VALID, v.reason_en
        assert "not checked" not in v.reason_en  # the register was consulted
    first = result.issued[0].token
    assert verdict(db, flip(first)).status is CardStatus.FORGED
    assert verdict(db, first[:-3]).status is CardStatus.FORGED

    revoke_certificate(db, ADMIN, numbers[1], date(2026, 11, 2), "不正の判明", today=TODAY)
    assert chain_ok(db)
    revoked = verdict(db, result.issued[1].token)
    assert revoked.status is CardStatus.REVOKED and revoked.exit_code == 2
    with db.session() as s:  # one revocation record: the committee's, nothing of our own
        assert s.scalar(select(func.count(CertificateRevocation.id))) == 1
    with pytest.raises(ValidationFailed):
        revoke_certificate(db, ADMIN, numbers[1], date(2026, 11, 3), "二度目", today=TODAY)

    new = cards.reissue_card(db, ADMIN, key, numbers[0], "loss", today=TODAY)
    assert new.revision == 2 and chain_ok(db)
    old = verdict(db, first)
    assert old.status is CardStatus.SUPERSEDED and old.exit_code == 2
    assert verdict(db, new.token).status is CardStatus.VALID

    late = verdict(db, result.issued[2].token, day=date(2028, 4, 1))
    assert late.status is CardStatus.EXPIRED and late.exit_code == 1
    assert verdict(db, result.issued[2].token, day=VALID_UNTIL).status is CardStatus.VALID

    renewed = cards.renew_certificate(db, ADMIN, key, numbers[2], completed_on=date(2026, 11, 20),
                                      today=TODAY)
    assert renewed.valid_until == date(2031, 3, 31) and renewed.revision == 2
    assert read_card(renewed.token, issuer_keys.keyring(db)).valid_until == date(2031, 3, 31)
    assert verdict(db, renewed.token, day=date(2030, 6, 1)).status is CardStatus.VALID
    assert verdict(db, result.issued[2].token).status is CardStatus.SUPERSEDED
    with db.session() as s:
        assert s.scalar(select(Certificate.valid_until).where(
            Certificate.number == numbers[2])) == date(2031, 3, 31)
    assert chain_ok(db)

    # the PDF of what is printable now: the reissued and renewed cards, not the revoked one
    again = tmp_path / "again.pdf"
    printed = run_to_end(printing.print_cards(db, ADMIN, again, "card"))
    assert printed.numbers == (numbers[0], numbers[2], numbers[3])
    found = verify_file(db, again, today=TODAY)
    assert [f.verdict.status for f in found] == [CardStatus.VALID] * 3
    assert {f.verdict.claims.revision for f in found} == {1, 2}


def test_the_status_list_and_its_filters(db, key, numbers):
    issue_all(db, key)
    cards.reissue_card(db, ADMIN, key, numbers[0], "damage", today=TODAY)
    revoke_certificate(db, ADMIN, numbers[1], date(2026, 11, 2), "取消の理由", today=TODAY)
    rows = status.card_rows(db, TODAY)
    assert [(r.number, r.revision, r.status) for r in rows] == [
        (numbers[0], 1, "superseded"), (numbers[0], 2, "valid"), (numbers[1], 1, "revoked"),
        (numbers[2], 1, "valid"), (numbers[3], 1, "valid")]
    assert rows[0].withdrawal_reason == "第2版を再交付（き損）"
    assert rows[2].withdrawal_reason == "取消の理由" and rows[2].withdrawn_on == date(2026, 11, 2)
    assert {r.number for r in status.card_rows(db, TODAY, "superseded")} == {numbers[0]}
    assert {r.number for r in status.card_rows(db, TODAY, "revoked")} == {numbers[1]}
    assert status.card_rows(db, TODAY, "expiring", months=6) == []
    soon = status.card_rows(db, date(2027, 12, 1), "expiring", months=6)
    assert {r.number for r in soon} == {numbers[0], numbers[2], numbers[3]}
    assert {r.number for r in status.card_rows(db, date(2028, 4, 1), "expired")} == {
        numbers[0], numbers[2], numbers[3]}
    assert status.card_rows(db, TODAY, query="SUZUKI")[0].number == numbers[1]
    with pytest.raises(ValidationFailed):
        status.card_rows(db, TODAY, "lost")


def test_issue_skips_revoked_and_expired_and_refuses_them_by_name(db, key, numbers):
    revoke_certificate(db, ADMIN, numbers[3], date(2026, 1, 5), "取消", today=TODAY)
    result = run_to_end(cards.issue_cards(db, ADMIN, key, today=TODAY))
    assert [c.number for c in result.issued] == numbers[:3]
    assert [s[0] for s in result.skipped] == [numbers[3]]
    with pytest.raises(ValidationFailed, match="revoked"):
        run_to_end(cards.issue_cards(db, ADMIN, key, numbers=[numbers[3]], today=TODAY))
    with pytest.raises(ValidationFailed, match="issued already"):
        run_to_end(cards.issue_cards(db, ADMIN, key, numbers=[numbers[0]], today=TODAY))
    with pytest.raises(NotFound):
        run_to_end(cards.issue_cards(db, ADMIN, key, numbers=["SCFN-2024-09999"], today=TODAY))
    with pytest.raises(ValidationFailed, match="not a certificate number"):
        run_to_end(cards.issue_cards(db, ADMIN, key, numbers=["=1+1"], today=TODAY))
    expired = run_to_end(cards.issue_cards(db, ADMIN, key, today=date(2028, 4, 1)))
    assert expired.issued == ()


def test_cancelling_a_batch_issues_nothing(db, key, numbers):
    steps = cards.issue_cards(db, ADMIN, key, today=TODAY)
    next(steps)  # checking
    next(steps)  # the first card is signed, inside the transaction
    steps.close()  # what the progress dialog's Cancel does
    with db.session() as s:
        assert s.scalar(select(func.count(CertificateCard.id))) == 0
    assert chain_ok(db)


def test_renewal_follows_the_rule(db, key, numbers):
    issue_all(db, key)
    with pytest.raises(ValidationFailed, match="lapsed"):
        cards.renew_certificate(db, ADMIN, key, numbers[0], completed_on=date(2028, 4, 2),
                                today=date(2028, 4, 3))
    with pytest.raises(ValidationFailed, match="no later than"):
        cards.renew_certificate(db, ADMIN, key, numbers[0], completed_on=date(2026, 11, 1),
                                until=date(2031, 4, 1), today=TODAY)
    with pytest.raises(ValidationFailed, match="future"):
        cards.renew_certificate(db, ADMIN, key, numbers[0], completed_on=date(2027, 1, 1),
                                today=TODAY)
    renewed = cards.renew_certificate(db, ADMIN, key, numbers[0], until=date(2030, 3, 31),
                                      today=TODAY)
    assert renewed.valid_until == date(2030, 3, 31) and renewed.certified_on == CERTIFIED_ON
    revoke_certificate(db, ADMIN, numbers[1], date(2026, 11, 2), "取消", today=TODAY)
    for act in (lambda: cards.renew_certificate(db, ADMIN, key, numbers[1], today=TODAY),
                lambda: cards.reissue_card(db, ADMIN, key, numbers[1], "loss", today=TODAY)):
        with pytest.raises(ValidationFailed, match="revoked"):
            act()


def test_a_reissue_after_a_name_change_prints_the_new_name(db, key, numbers):
    from committeekit import trainee_id

    from scfn_desktop.services.roster.trainees import update_trainee

    issue_all(db, key)
    update_trainee(db, ADMIN, trainee_id(db, 1), {"family_name": "山田", "romaji": "YAMADA Kenta"})
    assert cards.names_to_print(db, numbers[0]) == ("山田\u3000健太", "YAMADA Kenta")
    new = cards.reissue_card(db, ADMIN, key, numbers[0], "name_change", today=TODAY)
    assert new.name_kanji == "山田\u3000健太"
    rows = status.card_rows(db, TODAY)
    assert rows[0].name.startswith("佐藤") and rows[1].name.startswith("山田")
    assert verify_text(db, new.token, today=TODAY, holder_name="YAMADA Kenta").holder_match
    [printed] = printing.card_print_data(db, [numbers[0]])
    assert printed.name_kanji.startswith("山田") and printed.revision == 2


def test_roles(db, key, numbers, tmp_path):
    with pytest.raises(PermissionDenied):
        run_to_end(cards.issue_cards(db, STAFF, key, today=TODAY))
    with pytest.raises(PermissionDenied):
        issuer_keys.unlock_issuer_key(db, STAFF)
    issue_all(db, key)
    with pytest.raises(PermissionDenied):
        cards.reissue_card(db, STAFF, key, numbers[0], "loss", today=TODAY)
    with pytest.raises(PermissionDenied):
        revoke_certificate(db, STAFF, numbers[0], TODAY, "x", today=TODAY)
    result = run_to_end(printing.print_cards(db, STAFF, tmp_path / "c.pdf", "card"))
    assert result.cards == 4  # venue staff print cards already issued, without the key


def test_printing_refuses_what_must_not_be_printed(db, key, numbers, tmp_path):
    with pytest.raises(ValidationFailed, match="no cards to print"):
        run_to_end(printing.print_cards(db, ADMIN, tmp_path / "none.pdf"))
    issue_all(db, key)
    revoke_certificate(db, ADMIN, numbers[1], date(2026, 11, 2), "取消", today=TODAY)
    with pytest.raises(ValidationFailed, match="revoked") as refused:
        run_to_end(printing.print_cards(db, ADMIN, tmp_path / "x.pdf", numbers=[numbers[1]]))
    assert numbers[1] in refused.value.message_en
    with pytest.raises(ValidationFailed, match="Unknown layout"):
        run_to_end(printing.print_cards(db, ADMIN, tmp_path / "x.pdf", "a3"))
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize("text", [
    "A" * 1_000_000, "0413" + "\x00\x1b[31m" * 50, "'; DROP TABLE certificates; --",
    "=HYPERLINK(\"http://x\")", "", "   ", "０４１３ＡＢ", "\ud800\udfff",
])
def test_hostile_codes_are_forged_quickly_and_store_nothing(db, key, numbers, text):
    import time

    from scfn_desktop.db.models.audit import AuditEntry

    with db.session() as s:
        before = s.scalar(select(func.count(AuditEntry.id)))
    started = time.perf_counter()
    v = verify_text(db, text, today=TODAY)
    assert v.status is CardStatus.FORGED and v.exit_code == 3
    assert time.perf_counter() - started < 2.0
    with db.session() as s:
        assert s.scalar(select(func.count(AuditEntry.id))) == before
