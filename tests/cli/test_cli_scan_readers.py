"""`scfn scan` starts its page readers before its own imports and login (cli.scan_readers),
only when it will read with them, and the batch adopts them."""

from __future__ import annotations

import json
import multiprocessing

import pytest
from examkit import fill, make_exam, make_run, number, printed_pages, write_png

from scfn_desktop import cli
from scfn_desktop.cli.scan_readers import wanted_workers
from scfn_desktop.omr import pool
from scfn_desktop.services.admin.accounts import add_user
from scfn_desktop.services.permissions import SYSTEM

N, K = 10, 4
KEY = "1,2,3,4,1,2,3,4,1,2"


@pytest.mark.parametrize(("argv", "workers"), [
    (["--exam", "1", "scans/"], None),
    (["--exam", "1", "scans/", "--workers", "3"], 3),
    (["--exam", "1", "scans/", "--workers=1"], 1),
    (["--exam", "1", "--watch", "in/"], None),
    (["--exam", "1", "scans/", "--workers", "0"], 0),
    (["--calibration", "check.png"], 0),
    (["--help"], 0),
    (["-h"], 0),
    (["--exam", "1", "scans/", "--workers", "many"], 0),  # the real parser says why
    (["--exam", "1", "scans/", "--workers"], 0),
])
def test_which_command_lines_start_readers(argv, workers):
    assert wanted_workers(argv) == workers


def _exam_and_scans(db, folder, sheets: int, monkeypatch) -> int:
    """An exam, a proctor logged in through the environment, and ``sheets`` filled scans."""
    exam = make_exam(db, make_run(db, 4), n=N, key=KEY, pass_percent=60)
    add_user(db, SYSTEM, "proctor1", "proctor", "proctor-pass-1")
    monkeypatch.setenv("SCFN_USER", "proctor1")
    monkeypatch.setenv("SCFN_PASSWORD", "proctor-pass-1")
    right = {q: KEY.split(",")[q - 1] for q in range(1, N + 1)}
    pages = printed_pages(str(exam), N, K, tuple(number(i) for i in range(1, sheets + 1)))
    for i, page in enumerate(pages):
        write_png(folder / f"{i}.png", fill(page, N, K, right, seed=i))
    return exam


def test_scan_adopts_the_readers_it_started_before_the_login(db, tmp_path, monkeypatch,
                                                             capsys):
    exam = _exam_and_scans(db, tmp_path / "scans", 4, monkeypatch)
    started: list[pool.Readers] = []
    real_init = pool.Readers.__init__

    def counting_init(self: pool.Readers, workers: int) -> None:
        real_init(self, workers)
        started.append(self)

    monkeypatch.setattr(pool.Readers, "__init__", counting_init)
    code = cli.main(["--db", db.url, "scan", "--exam", str(exam), str(tmp_path / "scans"),
                     "--workers", "2", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["trainee"] for s in data["sheets"]] == [number(i) for i in range(1, 5)]
    assert len(started) == 1 and started[0].workers == 2  # started early, adopted, no second
    assert pool.waiting() is None
    assert not multiprocessing.active_children()


def test_the_scanner_check_starts_no_readers(tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "prestart", lambda workers=None: pytest.fail("readers started"))
    assert cli.main(["scan", "--calibration", str(tmp_path / "none.png")]) != 0


def test_readers_that_cannot_start_ahead_do_not_stop_the_command(db, tmp_path, monkeypatch,
                                                                   capsys):
    """A blocked executable (a security product) may refuse the early start: the command
    goes on and reads the batch anyway."""
    exam = _exam_and_scans(db, tmp_path / "scans", 3, monkeypatch)

    real_init, calls = pool.Readers.__init__, []

    def refused_first(self: pool.Readers, workers: int) -> None:
        calls.append(workers)
        if len(calls) == 1:  # the early start, before the login
            raise OSError("blocked")
        real_init(self, workers)

    monkeypatch.setattr(pool.Readers, "__init__", refused_first)
    code = cli.main(["--db", db.url, "scan", "--exam", str(exam), str(tmp_path / "scans"),
                     "--json"])
    assert code == 0
    assert [s["trainee"] for s in json.loads(capsys.readouterr().out)["sheets"]] == [
        number(i) for i in range(1, 4)]
    assert len(calls) == 2  # refused early, started again by the batch
