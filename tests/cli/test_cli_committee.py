"""`scfn committee ...`, `scfn register export` and `scfn organisations export` end to end."""

from __future__ import annotations

import json

import pytest
from committeekit import check_all, make_run, sit_exam

from scfn_desktop.db.session import open_database
from scfn_desktop.services.admin import accounts
from scfn_desktop.services.permissions import SYSTEM


@pytest.fixture
def setup(db_url):
    db = open_database(db_url)
    run_id = make_run(db, 3, withdrew=(3,))
    sit_exam(db, run_id, {1: 9, 2: 2})
    check_all(db, run_id)
    accounts.add_user(db, SYSTEM, "iin", "committee", "iin-pass-1")
    accounts.add_user(db, SYSTEM, "boss", "admin", "boss-pass-1")
    db.dispose()
    return run_id


def as_committee(*args: str) -> tuple[str, ...]:
    return ("--user", "iin", "--user-password-stdin", *args)


def as_secretariat(*args: str) -> tuple[str, ...]:
    """The administrator, who records the agency's 認証 (a write: a login, as every write)."""
    return ("--user", "boss", "--user-password-stdin", *args)


def test_proposals_as_json_and_text(run, setup):
    code, out, _ = run("committee", "proposals", "--run", str(setup), "--json")
    assert code == 0
    doc = {d["trainee_number"]: d for d in json.loads(out)}
    assert doc["2410003"]["proposal"]["status"] == "not_certified"
    assert doc["2410003"]["proposal"]["category"] == "withdrew"
    assert doc["2410001"]["proposal"]["missing"] == ["attendance"]
    assert doc["2410001"]["exam"] == {"status": "passed", "score": 9, "max_points": 10,
                                      "reviewed_marks": 0, "open_marks": 0}
    assert doc["2410001"]["state"] == "undecided" and doc["2410001"]["decision"] is None
    code, out, err = run("committee", "proposals", "--run", str(setup), lang="en")
    assert code == 0 and "Cannot decide" in out and "3 trainee(s)" in err


def test_deciding_needs_a_committee_user_and_an_open_meeting(run, setup):
    code, _, err = run("committee", "decide", "2410003", "--outcome", "not_certified",
                       "--category", "withdrew", "--reason", "未提出")
    assert code == 1 and "ログインが必要" in err  # every write needs a login
    code, _, err = run(*as_secretariat("committee", "decide", "2410003", "--outcome",
                                       "not_certified", "--category", "withdrew", "--reason",
                                       "未提出"), stdin="boss-pass-1\n")
    assert code == 1 and "認定審査委員のユーザー" in err
    code, _, err = run(*as_committee("committee", "decide", "2410003", "--outcome",
                                     "not_certified", "--category", "withdrew", "--reason",
                                     "未提出"), stdin="iin-pass-1\n")
    assert code == 1 and "開催中の委員会がありません" in err
    code, out, _ = run(*as_committee("committee", "open", "--run", str(setup), "--date",
                                     "2025-03-07", "--place", "会議室", "--chair", "委員長 一郎",
                                     "--member", "委員 花子"), stdin="iin-pass-1\n")
    assert code == 0 and "委員会 1 を開催" in out
    code, out, _ = run(*as_committee("committee", "decide", "2410003", "--outcome",
                                     "not_certified", "--category", "withdrew", "--reason",
                                     "未提出"), stdin="iin-pass-1\n")
    assert code == 0 and "不認定 を記録" in out
    code, _, err = run(*as_committee("committee", "decide", "2410001", "--outcome",
                                     "certify"), stdin="iin-pass-1\n", lang="en")
    assert code == 1 and "needs a written reason" in err
    code, out, _ = run(*as_committee("committee", "decide", "2410001", "--outcome", "certify",
                                     "--reason", "出席簿で確認"), stdin="iin-pass-1\n",
                       lang="en")
    assert code == 0 and "against the proposal" in out
    code, out, _ = run("committee", "accept", "--meeting", "1")
    assert code == 0 and "一括で決定できる受講生はいません" in out
    code, out, _ = run(*as_committee("committee", "close", "1"), stdin="iin-pass-1\n")
    assert code == 0 and "決定 2 件" in out and "minutes-meeting-1.pdf" in out
    code, out, _ = run("committee", "meetings", "--json")
    meeting = json.loads(out)[0]
    assert meeting["status"] == "closed" and meeting["members"][0]["role"] == "chair"


def test_certify_then_export_the_register_and_the_organisations(run, setup, tmp_path,
                                                              monkeypatch):
    password = "iin-pass-1\n"
    run(*as_committee("committee", "open", "--run", str(setup), "--date", "2025-03-07",
                      "--online", "--chair", "委員長 一郎"), stdin=password)
    run(*as_committee("committee", "decide", "2410001", "--outcome", "certify", "--reason",
                      "出席簿で確認"), stdin=password)
    run(*as_committee("committee", "close", "1"), stdin=password)
    code, out, _ = run(*as_secretariat("committee", "certify", "2410001", "--date",
                                       "2025-03-28", "--reference", "入管庁第123号"),
                       stdin="boss-pass-1\n")
    assert code == 0 and "SCFN-2024-00001\t2025-03-28\t2028-03-31" in out
    # Exports carry personal data and are audited: the secretariat logs in (as a script would).
    monkeypatch.setenv("SCFN_USER", "boss")
    monkeypatch.setenv("SCFN_PASSWORD", "boss-pass-1")
    code, out, err = run("register", "export", "--format", "json", "-o", "-",
                         "--as-of", "2026-12-01")
    assert code == 0 and "1" in err
    doc = json.loads(out)
    assert doc["certificates"][0]["certificate_number"] == "SCFN-2024-00001"
    assert doc["certificates"][0]["certified_on"] == "2025-03-28"
    assert doc["certificates"][0]["valid_until"] == "2028-03-31"
    assert doc["certificates"][0]["status"] == "valid"
    for fmt in ("xlsx", "pdf", "csv"):
        target = tmp_path / f"register.{fmt}"
        code, out, _ = run("register", "export", "-o", str(target))
        assert code == 0 and target.stat().st_size > 100
    assert (tmp_path / "register.pdf").read_bytes().startswith(b"%PDF")
    code, out, _ = run("organisations", "export", "-o", "-", "--format", "json")
    assert json.loads(out)["organisations"] == []  # the trainees here have no organisation
    code, _, err = run("organisations", "export", "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "--format" in err
    code, out, err = run("committee", "notices", "--run", str(setup), "-o",
                         str(tmp_path / "notices"), "--each")
    assert code == 0 and "2410002: 未決定" in err
    assert (tmp_path / "notices" / "notice_2410001.pdf").exists()
