"""`scfn scan` starts its page readers first, before its own imports and the login.

A reader process needs about a third of a second to start (numpy, OpenCV, the reader); the
command needs as long to import the database layer, open it and check the exam, and on a venue
PC the login's password hash adds a second. Started here, the readers are ready when the first
page is (``omr.batch.PageReader`` adopts them), instead of starting only then.

Only the words that decide whether readers will be wanted are looked at, with a parser of
their own that never fails: the command's real parser reports any mistake afterwards. No
readers for the scanner check (one page, read in the command's process), ``--workers 0`` or
``--help``. A batch that turns out to be a page or two is read in-process too; readers started
for it are shut down at exit (``omr.pool.discard``), having cost only otherwise idle cores.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

from scfn_desktop.omr import pool


class _Quiet(argparse.ArgumentParser):
    """Prints nothing and never exits: a mistake here is the real parser's to report."""

    def error(self, message: str) -> NoReturn:
        raise argparse.ArgumentError(None, message)


def wanted_workers(argv: list[str]) -> int | None:
    """How many readers this `scfn scan` command line will use (None: one per core), or 0."""
    pre = _Quiet(add_help=False)
    pre.add_argument("--calibration")
    pre.add_argument("--workers")
    pre.add_argument("-h", "--help", action="store_true")
    try:
        known, _rest = pre.parse_known_args(argv)
    except argparse.ArgumentError:
        return 0  # `--workers` without a value: the real parser says so
    if known.calibration is not None or known.help:
        return 0
    if known.workers is None:
        return None
    try:
        return max(0, int(known.workers))
    except ValueError:
        return 0


def start(argv: list[str]) -> None:
    workers = wanted_workers(argv)
    if workers != 0:
        pool.prestart(workers)
