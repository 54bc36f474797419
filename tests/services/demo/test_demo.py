"""The demo: 60 consistent trainees ready for the venue days, loaded once."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from scfn_desktop.db.models.accounts import User
from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.db.models.roster import StageRecord
from scfn_desktop.services.admin.accounts import authenticate
from scfn_desktop.services.demo import loader as demo
from scfn_desktop.services.demo.names import FAMILY_NAMES, GIVEN_NAMES, ORGANISATIONS
from scfn_desktop.services.roster.fields import QUALIFICATIONS
from scfn_desktop.services.roster.prefectures import PREFECTURES
from scfn_desktop.services.roster.trainees import list_trainees
from scfn_desktop.services.runs.training_runs import list_runs

_KANA = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o", "カ": "ka", "キ": "ki", "ク": "ku",
    "ケ": "ke", "コ": "ko", "サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so",
    "タ": "ta", "チ": "chi", "ツ": "tsu", "テ": "te", "ト": "to", "ナ": "na", "ニ": "ni",
    "ヌ": "nu", "ネ": "ne", "ノ": "no", "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he",
    "ホ": "ho", "マ": "ma", "ミ": "mi", "ム": "mu", "メ": "me", "モ": "mo", "ヤ": "ya",
    "ユ": "yu", "ヨ": "yo", "ラ": "ra", "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro",
    "ワ": "wa", "ン": "n", "ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge", "ゴ": "go",
    "ザ": "za", "ジ": "ji", "ズ": "zu", "ゼ": "ze", "ゾ": "zo", "ダ": "da", "ヂ": "ji",
    "ヅ": "zu", "デ": "de", "ド": "do", "バ": "ba", "ビ": "bi", "ブ": "bu", "ベ": "be",
    "ボ": "bo", "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po",
}
_SMALL = {"ャ": "ya", "ュ": "yu", "ョ": "yo"}


def hepburn(kana: str) -> str:
    """Plain Hepburn of katakana (no long-vowel folding), enough to check the demo table."""
    out = ""
    for ch in kana:
        if ch in _SMALL:
            base = out[:-1]  # drop the i of shi / ki / ji ...
            out = base + (_SMALL[ch][1:] if base.endswith(("sh", "ch", "j")) else _SMALL[ch])
        else:
            out += _KANA[ch]
    return out


def passport(kana: str) -> set[str]:
    """Passport Hepburn omits long vowels (ou, oo, uu); イノウエ stays Inoue, so allow both."""
    plain = hepburn(kana)
    return {plain, plain.replace("ou", "o").replace("oo", "o").replace("uu", "u")}


@pytest.mark.parametrize("table", [FAMILY_NAMES, GIVEN_NAMES])
def test_name_tables_agree(table):
    assert len(table) >= 80 and len({k for k, _, _ in table}) == len(table)
    for kanji, kana, romaji in table:
        assert romaji.lower() in passport(kana), (kanji, kana, romaji)


def test_organisations_are_real_prefectures():
    assert all(pref in PREFECTURES for _, pref, _ in ORGANISATIONS)


def test_demo_loads_60_ready_trainees_once(db):
    summary = demo.load_demo(db)
    assert summary.trainees_created == 60 and not summary.already_present
    assert summary.run_label == "令和7年度 第1期"
    [run] = list_runs(db)
    assert run.venue == "東京ウィメンズプラザ" and run.trainee_count == 60
    assert [(d.day.isoformat(), d.starts_at.hour) for d in run.days] == [
        ("2025-11-15", 10), ("2025-11-16", 10)]
    rows = list_trainees(db)
    assert len(rows) == 60 and len({r.full_name for r in rows}) == 60
    assert len({r.prefecture for r in rows}) >= 8
    assert all(re.fullmatch(r"[a-z.]+@[a-z-]+\.example\.jp", r.email) for r in rows)
    assert 0 < sum(r.consent_publish_name for r in rows) < 60
    assert all(q in QUALIFICATIONS for r in rows for q in filter(None, [r.qualification]))
    assert any(r.basis == "qualification" for r in rows)
    with db.session() as s:
        records = s.scalars(select(StageRecord)).all()
        assert len(records) == 60
        for rec in records:
            order = [rec.small_test_a_on, rec.small_test_bc_on, rec.small_test_d1_on,
                     rec.small_test_d2_on, rec.small_test_e_on, rec.comprehensive_test_on,
                     rec.progress_report_on, rec.final_report_on, rec.admitted_to_stage2_on]
            assert all(order) and order == sorted(order)
            assert rec.admitted_to_stage2_on < run.days[0].day
        users = {u.username: u.role for u in s.scalars(select(User))}
        audit_entries = s.scalar(select(func.count(AuditEntry.id)))
    assert users == {"admin": "admin", "staff": "staff", "proctor": "proctor",
                     "committee": "committee"}
    assert authenticate(db, "staff", "demo-staff").role == "staff"

    again = demo.load_demo(db)
    assert again.already_present and again.trainees_total == 60
    assert len(list_trainees(db)) == 60
    with db.session() as s:  # only the two logins above, nothing from the second load
        assert s.scalar(select(func.count(AuditEntry.id))) == audit_entries + 1


def test_demo_is_deterministic():
    first, second = demo.demo_trainees(), demo.demo_trainees()
    assert first == second and len(first) == 60


def test_demo_steps_run_after_the_roster(db, monkeypatch):
    seen = []
    monkeypatch.setattr(demo, "DEMO_STEPS",
                        [lambda _db, _actor, summary: seen.append(summary.run_id) or ("追加", "extra")])
    summary = demo.load_demo(db)
    assert seen == [summary.run_id] and summary.extra == [("追加", "extra")]
