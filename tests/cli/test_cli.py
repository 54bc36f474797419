"""`scfn` end to end through `main([...])` on a temporary SQLite file."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from scfn_desktop.cli import main

DATA = Path(__file__).parents[1] / "data"



@pytest.fixture
def boss(run, monkeypatch):
    """An administrator, and the environment a script would use to log in as them."""
    assert run("init", "--admin-user", "boss", "--password-stdin", stdin="s3cret!\n")[0] == 0
    monkeypatch.setenv("SCFN_USER", "boss")
    monkeypatch.setenv("SCFN_PASSWORD", "s3cret!")
    return "boss"


def test_init_prints_location_and_creates_the_first_admin(run, tmp_path):
    code, out, _ = run("init", "--admin-user", "boss", "--password-stdin", stdin="s3cret!\n")
    assert code == 0 and str(tmp_path / "t.sqlite3") in out and "boss" in out
    code, out, _ = run("--user", "boss", "--user-password-stdin", "user", "add", "alice",
                       "--role", "staff", "--display-name", "受付 花子",
                       "--password-stdin", stdin="s3cret!\nalice-pw\n")
    assert code == 0 and "alice" in out
    code, out, _ = run("user", "list", "--json")
    users = {u["username"]: u for u in json.loads(out)}
    assert users["alice"]["role"] == "staff" and users["alice"]["display_name"] == "受付 花子"
    code, _, err = run("--user", "boss", "--user-password-stdin", "user", "add", "eve",
                       "--role", "admin", "--password-stdin", stdin="wrong\nx-pw-x\n")
    assert code == 1 and "パスワードが正しくありません" in err


def test_init_without_admin_hints(run):
    code, out, _ = run("init", lang="en")
    assert code == 0 and "scfn init --admin-user" in out


def test_demo_is_idempotent(run):
    code, out, _ = run("demo", "--without-finished-run")  # an empty database: first accounts
    assert code == 0 and "受講生 60 名" in out and "demo-admin" in out
    code, _, err = run("demo", "--without-finished-run", lang="en")
    assert code == 1 and "--user NAME" in err  # now accounts exist: a login is needed
    code, out, _ = run("--user", "admin", "--user-password-stdin", "demo", "--without-finished-run",
                       stdin="demo-admin\n", lang="en")
    assert code == 0 and "already present" in out
    code, out, _ = run("run", "list")
    assert "令和7年度 第1期" in out and "60/60" in out


def test_roster_import_reports_bad_rows_and_imports_nothing(run, boss, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("受講番号,氏名,所属機関,都道府県\n1,山田 太郎,窓口,東京\n2,,窓口,東京\n"
                   "3,林 舞,窓口,アトランティス\n", encoding="cp932")
    code, out, err = run("roster", "import", str(bad))
    assert code == 1
    assert "行 3: 氏名が入力されていません。" in err and "行 4: 都道府県「アトランティス」" in err
    assert run("roster", "list", "--json")[1].strip() == "[]"
    code, out, err = run("roster", "import", str(bad), "--skip-bad-rows", lang="en")
    assert code == 0 and "1 added" in out and "Row 3: Name is missing." in err


def test_roster_import_dry_run_list_and_export(run, boss, tmp_path):
    code, out, _ = run("roster", "import", str(DATA / "roster_cp932.csv"), "--dry-run")
    assert code == 0 and "新規 4 件" in out
    assert json.loads(run("roster", "list", "--json")[1]) == []
    assert run("roster", "import", str(DATA / "roster_cp932.csv"))[0] == 0
    code, out, _ = run("roster", "list", "--query", "さとう")
    assert code == 0 and out.startswith("1002\t佐藤　花子")
    rows = json.loads(run("roster", "list", "--json", "-q", "Tokyo")[1] or "[]")
    assert rows == []  # romaji of names, not of prefectures
    code, out, _ = run("roster", "show", "１００３")
    assert "髙橋" in out and "総合確認テスト: -" in out
    target = tmp_path / "out.xlsx"
    assert run("roster", "export", "-o", str(target))[0] == 0 and target.exists()
    code, out, _ = run("roster", "import", str(target))
    assert "変更なし 4 件" in out
    code, out, err = run("roster", "export", "--format", "json", "-o", "-")
    assert code == 0 and json.loads(out)["trainees"][0]["trainee_number"] == "1001"


def test_run_create(run, boss):
    code, out, _ = run("run", "create", "--fiscal-year", "2026", "--term", "2", "--venue", "会場",
                       "--day", "2027-01-16", "10:00", "17:00",
                       "--day", "2027-01-17", "09:30", "16:30")
    assert code == 0 and "令和8年度 第2期" in out
    code, _, err = run("run", "create", "--fiscal-year", "2026", "--term", "3", "--venue", "x",
                       "--day", "2027-13-01", "10:00", "17:00")
    assert code == 1 and "日程" in err and "Traceback" not in err


def test_run_edit_close_reopen(run, boss):
    run("run", "create", "--fiscal-year", "2026", "--term", "1", "--venue", "会場",
        "--day", "2026-11-14", "10:00", "17:00", "--day", "2026-11-15", "10:00", "17:00")
    code, out, _ = run("run", "edit", "--run", "1", "--venue", "新会場", "--lateness-threshold",
                       "45", "--day", "2026-11-21", "09:30", "17:00", lang="en")
    assert code == 0 and "Changed" in out
    code, out, _ = run("run", "list", "--json")
    [row] = json.loads(out)
    assert (row["venue"], row["lateness_threshold_minutes"], row["capacity"]) == ("新会場", 45, 60)
    assert [d["day"] for d in row["days"]] == ["2026-11-21"] and row["closed_at"] is None
    code, out, _ = run("run", "close", "--run", "1", lang="en")
    assert code == 0 and "Closed" in out
    code, out, _ = run("run", "list", lang="en")
    assert out.rstrip().endswith("closed")
    code, _, err = run("run", "close", "--run", "1", lang="en")
    assert code == 1 and "already closed" in err
    code, out, _ = run("run", "reopen", "--run", "1")
    assert code == 0 and "再開" in out


def test_audit_verify_names_the_tampered_entry(run, tmp_path):
    run("demo", "--without-finished-run")  # (verify and log read: no login needed)
    code, out, _ = run("audit", "verify")
    assert code == 0 and "改ざんされていません" in out
    code, out, _ = run("audit", "log", "--limit", "2", "--json")
    assert len(json.loads(out)) == 2
    with sqlite3.connect(tmp_path / "t.sqlite3") as con:
        con.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 30")
        row_id = con.execute("SELECT id FROM audit_log WHERE seq = 30").fetchone()[0]
    code, _, err = run("audit", "verify", lang="en")
    assert code == 1
    assert f"seq 30 (id {row_id})" in err and "this row was altered" in err


def test_missing_file_is_an_error_not_a_traceback(run, boss, tmp_path):
    code, _, err = run("roster", "import", str(tmp_path / "nope.xlsx"))
    assert code == 1 and "見つかりません" in err and "Traceback" not in err


def test_no_command_prints_help(db_url, capsys):
    assert main(["--db", db_url]) == 2
    assert "usage" in capsys.readouterr().err


def test_english_means_english(run, capsys):
    """--lang en everywhere: the help, the demo's lines, the audit log (on this PC's clock)."""
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    assert "Command line of SCFN desktop" in capsys.readouterr().out
    code, out, _ = run("demo", lang="en")
    assert code == 0 and "Created the completion test (50 questions, 4 choices" in out
    assert "修了認定テスト（" not in out
    code, out, _ = run("audit", "log", "--limit", "1", lang="en")
    assert code == 0 and re.search(r"\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[+-]\d{4}\t", out)
# -- every change from the CLI names and proves a user (issue 9, §4) ---------------------------

def test_changes_without_a_login_are_refused_reads_stay_open(run, boss, monkeypatch):
    """Today `user add eve --role admin`, a key change and a void worked with no user."""
    monkeypatch.delenv("SCFN_USER")
    monkeypatch.delenv("SCFN_PASSWORD")
    code, _, err = run("user", "add", "eve", "--role", "admin", "--password-stdin",
                       stdin="eve-pass\n", lang="en")
    assert code == 1 and "Changes need a login" in err and "Traceback" not in err
    code, _, err = run("run", "create", "--fiscal-year", "2026", "--term", "1", "--venue", "x",
                       "--day", "2027-01-16", "10:00", "17:00")
    assert code == 1 and "ログインが必要です" in err
    code, _, err = run("--user", "boss", "user", "add", "eve", "--role", "admin",
                       "--password-stdin", stdin="eve-pass\n", lang="en")
    assert code == 1 and "SCFN_PASSWORD" in err  # no terminal to ask the password at
    code, _, err = run("--user", "boss", "--user-password-stdin", "user", "add", "eve",
                       "--role", "admin", "--password-stdin", stdin="guess\neve-pass\n")
    assert code == 1 and "パスワードが正しくありません" in err
    names = [u["username"] for u in json.loads(run("user", "list", "--json")[1])]
    assert names == ["boss"]  # reads need no login
    assert run("audit", "verify")[0] == 0 and run("roster", "list")[0] == 0


def test_scripts_log_in_through_the_environment_and_the_audit_names_them(run, boss,
                                                                        tmp_path):
    code, out, _ = run("user", "add", "suzuki", "--role", "staff", "--password-stdin",
                       stdin="suzuki-pw\n")
    assert code == 0 and "suzuki" in out
    code, out, _ = run("audit", "log", "--limit", "2", "--json")
    entries = json.loads(out)
    assert [(e["action"], e["actor"]) for e in entries] == [("login", "boss"),
                                                            ("user.add", "boss")]


def test_the_environment_password_is_checked_like_a_typed_one(run, boss, monkeypatch):
    monkeypatch.setenv("SCFN_PASSWORD", "not-it")
    code, _, err = run("run", "create", "--fiscal-year", "2026", "--term", "1", "--venue", "x",
                       "--day", "2027-01-16", "10:00", "17:00", lang="en")
    assert code == 1 and "not correct" in err


def test_a_staff_login_cannot_do_an_administrators_change(run, boss, monkeypatch):
    run("user", "add", "uketsuke", "--role", "staff", "--password-stdin", stdin="staff-pw\n")
    monkeypatch.setenv("SCFN_USER", "uketsuke")
    monkeypatch.setenv("SCFN_PASSWORD", "staff-pw")
    code, _, err = run("user", "add", "eve", "--role", "admin", "--password-stdin",
                       stdin="eve-pass\n", lang="en")
    assert code == 1 and "may not perform" in err


def test_bootstrap_on_an_empty_database(run, tmp_path):
    code, _, err = run("roster", "import", str(DATA / "roster_cp932.csv"), lang="en")
    assert code == 1 and "scfn init --admin-user NAME" in err  # nobody to log in as yet
    code, out, _ = run("user", "add", "first", "--role", "admin", "--password-stdin",
                       stdin="first-pass\n")
    assert code == 0 and "first" in out  # the first account needs no login
    code, _, err = run("user", "add", "second", "--role", "admin", "--password-stdin",
                       stdin="x-pass-x\n", lang="en")
    assert code == 1 and "Changes need a login" in err  # the second one does


def test_a_roster_over_the_row_limit_exits_1_and_imports_nothing(run, boss, tmp_path,
                                                                monkeypatch):
    """Today a 100,000-row workbook said "Imported: 19999 added", exit 0."""
    from scfn_desktop.services.roster import reading

    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    path = tmp_path / "long.csv"
    path.write_text("受講番号,氏名,所属機関,都道府県\n" + "".join(
        f"{i},山田 太郎,窓口,東京都\n" for i in range(1, 5)), encoding="utf-8")
    code, out, err = run("roster", "import", str(path), lang="en")
    assert code == 1 and "more than 3 data rows" in err and "Imported" not in out
    assert json.loads(run("roster", "list", "--json")[1]) == []


def test_the_command_table_names_what_each_module_registers():
    """`scfn` imports only the module of the command given (cli.COMMAND_MODULES): the table
    must list exactly the commands each module registers, or a command would be missing."""
    import argparse
    import importlib

    from scfn_desktop import cli

    for module, commands in cli.COMMAND_MODULES.items():
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers(dest="command")
        importlib.import_module(f"scfn_desktop.cli.{module}").register(sub)
        assert sorted(sub.choices) == sorted(commands), module
    names = [c for commands in cli.COMMAND_MODULES.values() for c in commands]
    assert len(names) == len(set(names))
    package = importlib.import_module("scfn_desktop.cli").__path__[0]
    import pkgutil

    helpers = {"common", "options"} | {m.rsplit(".", 1)[1] for m in cli.EARLY_START.values()}
    groups = {m.name for m in pkgutil.iter_modules([package])} - helpers
    assert groups == set(cli.COMMAND_MODULES)  # a new command module gets a row
    assert set(cli.EARLY_START) <= set(names)


def test_only_the_given_commands_module_is_imported():
    import subprocess
    import sys

    code = ("import sys; sys.argv = ['scfn', '--lang', 'en', 'scan', '--help']\n"
            "from scfn_desktop import cli\n"
            "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('scfn_desktop.cli.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().splitlines()[-1] == (
        "['scfn_desktop.cli.common', 'scfn_desktop.cli.exams', 'scfn_desktop.cli.options', "
        "'scfn_desktop.cli.scan_readers']")


def test_the_command_line_starts_before_the_database_layer_is_imported():
    """`scfn` reads its command word with nothing heavy imported, so `scfn scan` can start its
    readers before SQLAlchemy and the services are loaded (half a second)."""
    import subprocess
    import sys

    code = ("import sys; from scfn_desktop import cli; from scfn_desktop.cli import scan_readers\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'sqlalchemy', 'alembic', 'cv2', 'numpy', 'PySide6', 'reportlab'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
