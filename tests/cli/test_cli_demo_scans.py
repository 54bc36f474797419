"""`scfn demo --sample-scans DIR`: the demo, then scans a new user imports with `scfn scan`."""

from __future__ import annotations

import io
import json

import pytest

from scfn_desktop.cli import main


@pytest.fixture
def run(db_url, capsys, monkeypatch):
    """Run `scfn --db <tmp> --lang ja ...`; returns (exit code, stdout, stderr)."""

    def _run(*args: str, lang: str = "ja"):
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        code = main(["--db", db_url, "--lang", lang, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_sample_scans_are_written_and_import_as_printed(run, tmp_path, monkeypatch):
    folder = tmp_path / "scanner"
    code, out, _ = run("demo", "--sample-scans", str(folder), "--count", "3",
                       "--without-finished-run")
    assert code == 0 and "受講生 60 名" in out
    assert f"取り込むには: scfn scan --exam 1 {folder}" in out
    assert sorted(p.name for p in folder.iterdir()) == [
        "demo_scan_001.png", "demo_scan_002.png", "demo_scan_003.png"]

    monkeypatch.setenv("SCFN_USER", "proctor")  # the demo made the accounts: now log in
    monkeypatch.setenv("SCFN_PASSWORD", "demo-proctor")
    code, out, _ = run("scan", "--exam", "1", str(folder), "--json")
    report = json.loads(out)
    assert code == 0 and report["errors"] == []
    assert len({s["trainee"] for s in report["sheets"]}) == 3

    monkeypatch.setenv("SCFN_USER", "admin")
    monkeypatch.setenv("SCFN_PASSWORD", "demo-admin")
    code, out, _ = run("demo", "--sample-scans", str(folder), "--count", "1",
                       "--without-finished-run", "--scan-format", "pdf", lang="en")
    assert code == 0 and "already present" in out and "To import them: scfn scan" in out
    assert [p.name for p in folder.iterdir()] == ["demo_scans.pdf"]  # one batch in the folder


def test_count_needs_sample_scans(run):
    code, _, err = run("demo", "--count", "3", lang="en")
    assert code == 2 and "--sample-scans" in err
