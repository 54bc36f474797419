"""The card verdict: six states, their precedence, and a reason for every refusal."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from scfn_desktop.credentials import (
    BadgeClaims,
    CardClaims,
    CardStatus,
    CertificateNumber,
    KeyRing,
    RevocationEntry,
    RevocationStatus,
    TokenProblem,
    holder_check,
    issue_badge,
    issue_card,
    japan_today,
    read_revocation_list,
    sign_revocation_list,
    verify_card,
)

NUMBER = CertificateNumber(2025, 41)
CLAIMS = CardClaims(NUMBER, 2, date(2026, 3, 1), date(2031, 3, 31), holder_check("YAMADA Taro"))
TODAY = date(2027, 6, 1)


@pytest.fixture(scope="module")
def token(issuer_key) -> str:
    return issue_card(issuer_key, CLAIMS)


def _listing(issuer_key, ring, *entries):
    text = sign_revocation_list(issuer_key, entries, issued_at=datetime(2027, 5, 1, tzinfo=UTC))
    return read_revocation_list(text, ring)


def _flip(text: str, position: int) -> str:
    replacement = "1" if text[position] != "1" else "2"
    return text[:position] + replacement + text[position + 1 :]


def test_genuine_card_is_valid_with_details(token, ring):
    verdict = verify_card(token, ring, today=TODAY, holder_name="yamada  taro")
    assert verdict.status is CardStatus.VALID and verdict.exit_code == 0
    assert (verdict.label_ja, verdict.label_en) == ("有効", "Valid")
    assert verdict.claims == CLAIMS and verdict.holder_match is True
    assert "取消・再交付は確認していません" in verdict.reason_ja  # no list: said plainly
    rows = {en: value for _ja, en, value in verdict.details()}
    assert rows["Certificate number"] == "SCFN-2025-00041"
    assert rows["Valid until"] == "2031年3月31日 (2031-03-31)"
    assert rows["Card revision"] == "2"
    plain = verdict.as_dict()
    json.dumps(plain)  # the --json output must serialise
    assert plain["status"] == "valid" and plain["number"] == "SCFN-2025-00041"
    assert verify_card(token, ring, today=TODAY, holder_name="SATO Hanako").holder_match is False


def test_validity_end_is_the_last_valid_day(token, ring):
    assert verify_card(token, ring, today=date(2031, 3, 31)).status is CardStatus.VALID
    expired = verify_card(token, ring, today=date(2031, 4, 1))
    assert expired.status is CardStatus.EXPIRED and expired.exit_code == 1
    assert expired.label_ja == "有効期限切れ" and "1 日過ぎて" in expired.reason_ja


def test_a_card_before_its_certification_date_is_not_valid(token, ring):
    early = verify_card(token, ring, today=date(2026, 2, 28))
    assert early.status is CardStatus.EXPIRED and early.not_yet_valid
    assert early.label_ja == "有効期間前" and "端末の日付" in early.reason_ja


def test_every_single_character_change_is_refused(token, ring):
    for position in range(len(token)):
        verdict = verify_card(_flip(token, position), ring, today=TODAY)
        assert verdict.status in (CardStatus.FORGED, CardStatus.UNKNOWN_KEY), position
        assert verdict.exit_code == 3 and verdict.claims is None


def test_forged_reasons_say_what_happened(issuer_key, token, ring):
    altered = verify_card(_flip(token, 60), ring, today=TODAY)
    assert altered.status is CardStatus.FORGED and altered.problem is TokenProblem.BAD_SIGNATURE
    assert altered.reason_en.startswith("Altered or mistyped")
    assert altered.label_ja == "偽造・改ざん"
    stranger = verify_card("HELLO WORLD", ring, today=TODAY)
    assert stranger.reason_en.startswith("Not a certificate code")
    assert stranger.reason_ja.startswith("認定証のコードではありません")
    short = verify_card(token[:-10], ring, today=TODAY)
    assert short.reason_en.startswith("Incomplete scan or mistyped")
    badge = verify_card(issue_badge(issuer_key, BadgeClaims(2025, 1, "0012", 1)), ring)
    assert badge.status is CardStatus.FORGED and badge.problem is TokenProblem.WRONG_KIND
    assert "受付用バッジ" in badge.reason_ja
    assert verify_card("  \n", ring).status is CardStatus.FORGED


def test_typed_variants_of_a_genuine_code_are_accepted(token, ring):
    typed = "-".join(token[i : i + 4] for i in range(0, len(token), 4)).lower()
    assert verify_card(typed + "\r\n", ring, today=TODAY).status is CardStatus.VALID
    wide = token.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert verify_card(wide, ring, today=TODAY).status is CardStatus.VALID


def test_unknown_key_names_the_key(token, stranger_key):
    verdict = verify_card(token, KeyRing.of(stranger_key.public_key()), today=TODAY)
    assert verdict.status is CardStatus.UNKNOWN_KEY and verdict.label_ja == "不明な発行者鍵"
    assert verdict.key_id and verdict.key_id in verdict.reason_en
    assert len(verdict.key_id) == 8 and verdict.exit_code == 3


def test_revocation_list_revokes_and_supersedes(issuer_key, token, ring):
    revoked = _listing(issuer_key, ring, RevocationEntry(
        NUMBER, 2, RevocationStatus.REVOKED, date(2027, 4, 1), "不正受験の判明"))
    verdict = verify_card(token, ring, revocations=revoked, today=TODAY)
    assert verdict.status is CardStatus.REVOKED and verdict.exit_code == 2
    assert verdict.withdrawal.reason == "不正受験の判明" and "取り消されて" in verdict.reason_ja
    assert ("Reason", "不正受験の判明") in {(en, v) for _ja, en, v in verdict.details()}

    reissued = _listing(issuer_key, ring, RevocationEntry(
        NUMBER, 3, RevocationStatus.SUPERSEDED, date(2027, 4, 1), "再交付"))
    old = verify_card(token, ring, revocations=reissued, today=TODAY)
    assert old.status is CardStatus.SUPERSEDED and old.label_ja == "旧版（再交付済み）"
    assert "第3版" in old.reason_ja
    same = _listing(issuer_key, ring, RevocationEntry(
        NUMBER, 2, RevocationStatus.SUPERSEDED, date(2027, 4, 1)))
    current = verify_card(token, ring, revocations=same, today=TODAY)
    assert current.status is CardStatus.VALID and "失効リスト" not in current.reason_ja


def test_newest_revision_from_the_register_supersedes(token, ring):
    assert verify_card(token, ring, newest_revision=2, today=TODAY).status is CardStatus.VALID
    verdict = verify_card(token, ring, newest_revision=4, today=TODAY)
    assert verdict.status is CardStatus.SUPERSEDED and "第4版" in verdict.reason_ja


def test_withdrawal_outranks_expiry(issuer_key, token, ring):
    revoked = _listing(issuer_key, ring, RevocationEntry(
        NUMBER, 2, RevocationStatus.REVOKED, date(2027, 4, 1)))
    later = date(2032, 1, 1)
    assert verify_card(token, ring, revocations=revoked, today=later).status == "revoked"
    assert verify_card(token, ring, newest_revision=3, today=later).status == "superseded"


def test_japan_date_turns_at_midnight_jst():
    assert japan_today(datetime(2026, 3, 31, 14, 59, tzinfo=UTC)) == date(2026, 3, 31)
    assert japan_today(datetime(2026, 3, 31, 15, 0, tzinfo=UTC)) == date(2026, 4, 1)
    with pytest.raises(ValueError):
        japan_today(datetime(2026, 3, 31))
