"""`scfn checkin`, `scfn attendance` and `scfn badges` end to end: exit codes, JSON shapes."""

from __future__ import annotations

import io
import json
import shutil
import subprocess

import pytest
from attendancekit import make_run, token_for

from scfn_desktop.cli import main


@pytest.fixture
def run(db_url, capsys, monkeypatch):
    def _run(*args: str, lang: str = "ja"):
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        code = main(["--db", db_url, "--lang", lang, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture(autouse=True)
def staff_login(db, monkeypatch):
    """Every change from the CLI needs a login: a venue staff account."""
    from scfn_desktop.services.admin import accounts
    from scfn_desktop.services.permissions import SYSTEM

    accounts.add_user(db, SYSTEM, "uketsuke", "staff", "uketsuke-pass")
    monkeypatch.setenv("SCFN_USER", "uketsuke")
    monkeypatch.setenv("SCFN_PASSWORD", "uketsuke-pass")


@pytest.fixture
def kit(db):
    return make_run(db, trainees=4)


def test_checkin_exit_codes_and_json(run, db, kit):
    code, out, _ = run("checkin", token_for(db, kit, kit.numbers[0]), "--day", "1",
                       "--at", "2025-11-15T10:59:59", "--station", "受付3", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["status"] == "late" and doc["admitted"] is True
    assert doc["minutes_late"] == 59 and doc["station"] == "受付3"
    assert doc["trainee"] == {"number": kit.numbers[0], "name": "山田\u3000花子"}
    assert doc["at"] == "2025-11-15T10:59:59"
    code, out, _ = run("checkin", token_for(db, kit, kit.numbers[1]), "--at",
                       "2025-11-15 11:00", "--json")  # the day found from the date
    assert code == 3 and json.loads(out)["status"] == "refused"
    code, out, _ = run("checkin", token_for(db, kit, kit.numbers[0]), "--day", "1",
                       "--at", "11:30", "--json")  # a time alone falls on the chosen day
    doc = json.loads(out)
    assert code == 4 and doc["status"] == "already" and doc["first"]["station"] == "受付3"
    assert doc["first"]["at"] == "2025-11-15T10:59:59"
    code, out, _ = run("checkin", "NOT-A-BADGE", "--day", "1", "--at", "10:00", "--json")
    assert code == 2 and json.loads(out)["problem"] == "malformed"
    code, out, _ = run("checkin", token_for(db, kit, kit.numbers[2]), "--day", "2",
                       "--at", "2025-11-16T09:40", lang="en")
    assert code == 0 and "on time" in out and kit.numbers[2] in out


def test_checkin_needs_a_day_off_the_venue_days(run, db, kit):
    code, _, err = run("checkin", token_for(db, kit, kit.numbers[0]), "--at", "2025-12-01T10:00")
    assert code == 1 and "--day" in err
    code, _, err = run("checkin", "X", "--day", "1", "--at", "yesterday")
    assert code == 1 and "yesterday" in err


def test_attendance_json_and_summary(run, db, kit):
    run("checkin", token_for(db, kit, kit.numbers[0]), "--day", "1", "--at", "2025-11-15T09:58")
    code, out, _ = run("attendance", "--day", "1", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["date"] == "2025-11-15" and doc["start"] == "10:00:00"
    assert [t["number"] for t in doc["trainees"]] == kit.numbers
    assert doc["trainees"][0] == {**doc["trainees"][0], "number": kit.numbers[0],
                                  "name": "山田\u3000花子", "status": "on_time"}
    assert {t["status"] for t in doc["trainees"][1:]} == {"not_arrived"}
    assert doc["counts"]["on_time"] == 1
    code, out, _ = run("attendance", "--day", "1", lang="en")
    assert code == 0 and "On time 1" in out and "Not yet arrived 3" in out
    code, out, _ = run("attendance", "--json")
    summary = json.loads(out)["trainees"]
    assert summary[0]["complete"] is False and "day 2" in summary[0]["reason_en"]


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils missing")
def test_badges_print_and_reissue(run, db, tmp_path):
    kit = make_run(db, trainees=3, badges=False)
    pdf = tmp_path / "badges.pdf"
    code, out, _ = run("badges", "print", "-o", str(pdf), "--run", str(kit.run_id))
    assert code == 0 and "1 ページ" in out and pdf.is_file()
    card = tmp_path / "card.pdf"
    code, _, _ = run("badges", "print", "--layout", "card", "-o", str(card), "--number",
                     kit.numbers[0], "--number", kit.numbers[1])
    info = subprocess.run(["pdfinfo", str(card)], capture_output=True, text=True).stdout
    assert code == 0 and "Pages:           2" in info
    code, out, _ = run("badges", "reissue", kit.numbers[0], "--reason", "紛失", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["revision"] == 2 and len(doc["token"]) == 127
    code, out, _ = run("checkin", doc["token"], "--day", "1", "--at", "2025-11-15T10:00",
                       "--json")
    assert code == 0
    code, out, err = run("badges", "reissue", "000000")
    assert code == 1 and "000000" in err


def test_badges_group_moves_a_trainee(run, db):
    kit = make_run(db, trainees=12)
    number = kit.numbers[0]
    code, out, _ = run("badges", "group", number, "ベトナム語班")
    assert code == 0 and "→ ベトナム語班" in out and "印刷し直す" in out
    code, out, _ = run("badges", "group", number, "ベトナム語班", lang="en")
    assert code == 0 and "already in group ベトナム語班" in out
    code, _, err = run("badges", "group", number, "   ")
    assert code == 1 and "グループ名を入力してください" in err and "Traceback" not in err
    code, _, err = run("badges", "group", "000000", "A", lang="en")
    assert code == 1 and "000000" in err
