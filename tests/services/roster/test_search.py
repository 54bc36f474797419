"""Search, detail, edit and the lists the roster page shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.services.errors import NotFound, PermissionDenied, ValidationFailed
from scfn_desktop.services.permissions import Actor
from scfn_desktop.services.roster.importing import apply_import
from scfn_desktop.services.roster.trainees import (
    find_trainee_id,
    get_trainee,
    list_organisations,
    list_prefectures_in_use,
    list_trainees,
    update_trainee,
)

DATA = Path(__file__).parents[2] / "data"


@pytest.fixture
def roster(db, actor):
    apply_import(db, actor, DATA / "roster_cp932.csv")
    return db


def numbers(rows) -> list[str]:
    return [r.trainee_number for r in rows]


@pytest.mark.parametrize(("query", "expected"), [
    ("山田", ["1001"]),
    ("佐藤　花子", ["1002"]),        # full-width space between words
    ("サトウ", ["1002"]),
    ("さとう", ["1002"]),            # hiragana finds katakana
    ("ヤマダ", ["1001"]),            # katakana finds hiragana
    ("ﾀｶﾊｼ", ["1003"]),              # half-width kana
    ("takahashi", ["1003"]),
    ("hanako SATO", ["1002"]),        # romaji, any case and order
    ("1004", ["1004"]),
    ("１００", ["1001", "1002", "1003", "1004"]),
    ("", ["1001", "1002", "1003", "1004"]),
    ("存在しない", []),
])
def test_search(roster, query, expected):
    assert numbers(list_trainees(roster, query)) == expected


def test_filters(roster):
    tokyo = list_trainees(roster, prefecture="東京都")
    assert numbers(tokyo) == ["1003", "1004"]
    org_id = tokyo[0].organisation_id
    assert numbers(list_trainees(roster, organisation_id=org_id)) == ["1003", "1004"]
    assert list_prefectures_in_use(roster) == ["群馬県", "東京都", "静岡県"]
    orgs = list_organisations(roster)
    assert [(o.prefecture, o.trainee_count) for o in orgs] == [
        ("東京都", 2), ("群馬県", 1), ("静岡県", 1)]  # sorted by text
    assert list_trainees(roster, run_id=1) == []


def test_get_trainee_includes_the_stage_record(roster):
    detail = get_trainee(roster, find_trainee_id(roster, "１００２"))
    assert detail.trainee.full_name == "佐藤　花子"
    assert len(detail.stage) == 10 and all(step.on is None for step in detail.stage)
    with pytest.raises(NotFound):
        get_trainee(roster, 999)


def test_update_trainee_is_validated_and_audited(roster, actor):
    tid = find_trainee_id(roster, "1001")
    detail = update_trainee(roster, actor, tid, {"email": "ｎｅｗ＠example.jp",
                                                 "prefecture": "Osaka"})
    assert detail.trainee.email == "new@example.jp" and detail.trainee.prefecture == "大阪府"
    with roster.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "trainee.update")).one()
    assert json.loads(entry.before_json) == {"email": "taro.yamada@example.jp",
                                             "prefecture": "群馬県"}
    with pytest.raises(ValidationFailed) as err:
        update_trainee(roster, actor, tid, {"email": "bad", "family_name": ""})
    assert "メールアドレス" in err.value.message_ja and "missing" in err.value.message_en
    with pytest.raises(ValidationFailed):
        update_trainee(roster, actor, tid, {"trainee_number": "1002"})  # taken
    with pytest.raises(ValidationFailed):
        update_trainee(roster, actor, tid, {"password": "x"})
    with pytest.raises(PermissionDenied):
        update_trainee(roster, Actor("c", "committee"), tid, {"email": "a@b.jp"})


def test_update_without_change_writes_no_audit(roster, actor):
    tid = find_trainee_id(roster, "1001")
    with roster.session() as s:
        before = len(s.scalars(select(AuditEntry.id)).all())
    update_trainee(roster, actor, tid, {"family_name": "山田"})
    with roster.session() as s:
        assert len(s.scalars(select(AuditEntry.id)).all()) == before
