"""The `run` fixture of the CLI tests: `scfn --db <tmp> --lang ja ...` through `main([...])`,
returning (exit code, stdout, stderr)."""

from __future__ import annotations

import io

import pytest

from scfn_desktop.cli import main


@pytest.fixture
def run(db_url, capsys, monkeypatch):
    def _run(*args: str, stdin: str = "", lang: str = "ja"):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["--db", db_url, "--lang", lang, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run
