"""The roster on PostgreSQL behaves exactly as on SQLite: the CP932 import, all-or-nothing,
idempotent re-import, search over Japanese names, filters, sort orders, edits, export and the
demo data."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.db.models.roster import Organisation, Trainee
from scfn_desktop.db.session import Database, open_database
from scfn_desktop.services import audit
from scfn_desktop.services.demo.loader import load_demo
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.permissions import Actor
from scfn_desktop.services.roster.export import export_roster_to
from scfn_desktop.services.roster.importing import ImportRejected, apply_import
from scfn_desktop.services.roster.trainees import (
    find_trainee_id,
    list_organisations,
    list_prefectures_in_use,
    list_trainees,
    update_trainee,
)
from scfn_desktop.services.runs.training_runs import list_runs

DATA = Path(__file__).parents[1] / "data"
CP932_FILE = DATA / "roster_cp932.csv"
ACTOR = Actor(username="tester", role="admin")
HEADER = "受講番号,氏名,フリガナ,ローマ字,所属機関,都道府県,メールアドレス,資格,氏名公表の同意"


def write_cp932(path: Path, lines: list[str]) -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp932"))
    return path


def counts(db: Database) -> tuple[int, int, int]:
    with db.session() as s:
        return (s.scalar(select(func.count(Trainee.id))),
                s.scalar(select(func.count(Organisation.id))),
                s.scalar(select(func.count(AuditEntry.id))))


def chain_ok(db: Database) -> bool:
    with db.session() as s:
        return audit.verify_chain(s).ok


@pytest.fixture(scope="module")
def rosters(pg_server, tmp_path_factory):
    """The same file imported into PostgreSQL and into SQLite (the reference behaviour), once
    for the read-only tests of this module."""
    pg = open_database(pg_server.create_database())
    ref = open_database(f"sqlite:///{tmp_path_factory.mktemp('ref') / 'ref.sqlite3'}")
    try:
        for db in (pg, ref):
            apply_import(db, ACTOR, CP932_FILE)
        yield pg, ref
    finally:
        pg.dispose()
        ref.dispose()


@pytest.fixture
def pg_roster(pg_db: Database) -> Database:
    apply_import(pg_db, ACTOR, CP932_FILE)
    return pg_db


def test_cp932_import_then_reimport_changes_nothing(pg_db: Database) -> None:
    result = apply_import(pg_db, ACTOR, CP932_FILE)
    assert (result.created, result.updated, result.skipped, result.organisations_created) == (
        4, 0, 0, 3)
    rows = {r.trainee_number: r for r in list_trainees(pg_db)}
    assert (rows["1001"].family_name, rows["1001"].given_kana) == ("山田", "たろう")
    assert rows["1001"].consent_publish_name is True and rows["1002"].consent_publish_name is False
    assert rows["1003"].family_name == "髙橋" and rows["1003"].family_kana == "タカハシ"
    assert rows["1004"].given_name == "ティ ホア" and rows["1004"].prefecture == "東京都"
    before = counts(pg_db)

    again = apply_import(pg_db, ACTOR, CP932_FILE)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert counts(pg_db) == before  # not even an audit entry
    assert chain_ok(pg_db)


def test_bad_row_means_nothing_is_written_unless_bad_rows_are_skipped(pg_db, tmp_path) -> None:
    long_name = "長" * 61  # one over the column: refused as a row error, never a database error
    path = write_cp932(tmp_path / ("令和7年度_第1期_外国人支援コーディネーター養成研修_受講者名簿_"
                                   "事務局確認済み_最終版_修正済み（2）.csv"), [
        HEADER,
        "3001,山田　太郎,ヤマダ　タロウ,YAMADA Taro,岐阜県外国人総合相談センター,岐阜県,t@example.jp,,はい",
        "3002,鈴木　一郎,スズキ　イチロウ,SUZUKI Ichiro,相談窓口,ムー大陸,i@example.jp,,",
        f"3003,{long_name},,,相談窓口,大阪府,,,",
        "3004,佐藤　花子,さとう　はなこ,SATO Hanako,大阪府外国人総合相談センター,大阪,h@example.jp,社会福祉士,",
    ])
    with pytest.raises(ImportRejected) as rejected:
        apply_import(pg_db, ACTOR, path)
    assert sorted({e.row_number for e in rejected.value.preview.errors}) == [3, 4]
    assert counts(pg_db) == (0, 0, 0)

    with pytest.raises(NotFound):  # fails inside the transaction: rolled back whole
        apply_import(pg_db, ACTOR, path, skip_bad_rows=True, run_id=999)
    assert counts(pg_db) == (0, 0, 0)

    result = apply_import(pg_db, ACTOR, path, skip_bad_rows=True)
    assert (result.created, result.skipped) == (2, 2)
    assert [r.trainee_number for r in list_trainees(pg_db)] == ["3001", "3004"]
    assert chain_ok(pg_db)  # including the import entry named after the long file


SEARCHES = [
    ("山田", ["1001"]),
    ("佐藤　花子", ["1002"]),
    ("サトウ", ["1002"]),
    ("さとう", ["1002"]),
    ("ヤマダ", ["1001"]),
    ("ﾀｶﾊｼ", ["1003"]),
    ("髙橋", ["1003"]),
    ("takahashi", ["1003"]),
    ("hanako SATO", ["1002"]),
    ("ＮＧＵＹＥＮ", ["1004"]),
    ("グエン ホア", ["1004"]),
    ("1004", ["1004"]),
    ("１００", ["1001", "1002", "1003", "1004"]),
    ("", ["1001", "1002", "1003", "1004"]),
    ("%", []),  # LIKE wildcards mean nothing special
    ("_", []),
    ("存在しない", []),
]


@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_search_matches_sqlite(rosters, query, expected) -> None:
    pg_roster, sqlite_roster = rosters
    on_pg = [r.trainee_number for r in list_trainees(pg_roster, query)]
    assert on_pg == expected
    assert on_pg == [r.trainee_number for r in list_trainees(sqlite_roster, query)]


def test_filters_and_sort_orders_match_sqlite(rosters) -> None:
    pg_roster, sqlite_roster = rosters
    for db in (pg_roster, sqlite_roster):
        assert list_prefectures_in_use(db) == ["群馬県", "東京都", "静岡県"]
        assert [r.trainee_number for r in list_trainees(db, prefecture="東京都")] == [
            "1003", "1004"]
    org_rows = [[(o.prefecture, o.name, o.trainee_count) for o in list_organisations(db)]
                for db in (pg_roster, sqlite_roster)]
    assert org_rows[0] == org_rows[1]
    assert [p for p, _, _ in org_rows[0]] == ["東京都", "群馬県", "静岡県"]  # code-point order
    tokyo = list_trainees(pg_roster, prefecture="東京都")[0].organisation_id
    assert [r.trainee_number for r in list_trainees(pg_roster, organisation_id=tokyo)] == [
        "1003", "1004"]


def test_edit_is_validated_and_audited(pg_roster) -> None:
    tid = find_trainee_id(pg_roster, "１００１")
    assert tid is not None
    detail = update_trainee(pg_roster, ACTOR, tid, {"email": "ｎｅｗ＠example.jp",
                                                    "prefecture": "Osaka"})
    assert detail.trainee.email == "new@example.jp" and detail.trainee.prefecture == "大阪府"
    assert detail.updated_at >= detail.created_at and detail.updated_at.tzinfo is None
    with pytest.raises(ValidationFailed):
        update_trainee(pg_roster, ACTOR, tid, {"trainee_number": "1002"})
    with pytest.raises(ValidationFailed):
        update_trainee(pg_roster, ACTOR, tid, {"family_name": "長" * 61})
    assert chain_ok(pg_roster)


def test_export_then_import_is_an_identity(pg_roster, tmp_path) -> None:
    out = tmp_path / "roster.xlsx"
    export_roster_to(pg_roster, ACTOR, out)
    result = apply_import(pg_roster, ACTOR, out)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 4)


def test_demo_data_loads_once(pg_db) -> None:
    first = load_demo(pg_db)
    assert first.trainees_created == 60 and not first.already_present
    assert load_demo(pg_db).already_present
    [run] = list_runs(pg_db)
    assert (run.trainee_count, len(run.days)) == (60, 2)
    assert [d.starts_at.isoformat() for d in run.days] == ["10:00:00", "10:00:00"]
    assert chain_ok(pg_db)
