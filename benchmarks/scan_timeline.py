"""When each step of one `scfn scan` happens: imports, database, login, first page, last page.

Called by ``benchmarks/scan_throughput.py --timeline``: runs the command as a fresh process,
like the throughput runs, through this module's ``__main__``, which wraps a few functions of
the tree under test with time stamps before calling ``cli.main`` (the wrapped names exist
since issue 8's second pass; an older tree prints fewer marks). Prints seconds since the
process was started, then the CPU time of the command's process and of its readers.
"""

from __future__ import annotations

import os
import resource
import sys
import time

MARKS: list[tuple[str, float]] = []


def _mark(name: str, once: bool = True) -> None:
    if once and any(m == name for m, _ in MARKS):
        return
    MARKS.append((name, time.time() - float(os.environ["SCFN_BENCH_T0"])))


def _wrap(owner: object, name: str, before: str | None = None, after: str | None = None) -> None:
    real = getattr(owner, name, None)
    if real is None:
        return

    def wrapper(*args: object, **kw: object) -> object:
        if before:
            _mark(before)
        out = real(*args, **kw)
        if after:
            _mark(after)
        return out

    setattr(owner, name, wrapper)


def _instrument() -> None:
    import scfn_desktop.cli as cli

    _wrap(cli, "build_parser", after="the command's modules imported")
    from scfn_desktop.cli import common

    _wrap(common.Cli, "db", after="database open")
    _wrap(common.Cli, "actor", after="logged in")
    try:
        from scfn_desktop.omr import batch
    except ImportError:  # a tree from before the reader pool: no page marks
        return

    _wrap(batch.PageReader, "_readers", before="first page ready to submit")
    _wrap(batch.PageReader, "_executor", before="first page ready to submit")  # before pass 2
    real_run = batch.PageReader.run

    def run(self: object, jobs: object):  # type: ignore[no-untyped-def]
        for item in real_run(self, jobs):  # type: ignore[arg-type]
            _mark("first page read")  # once: the first call only
            yield item
        _mark("last page read")

    batch.PageReader.run = run  # type: ignore[method-assign]


def main() -> int:
    _mark("interpreter started")
    try:
        _instrument()
        from scfn_desktop.cli import main as scfn

        return scfn(sys.argv[1:])
    finally:
        _mark("command finished")
        for name, t in MARKS:
            print(f"| {t:6.2f} | {name} |", file=sys.stderr)
        own = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        print(f"| CPU s | command {own.ru_utime + own.ru_stime:.2f}, readers "
              f"{kids.ru_utime + kids.ru_stime:.2f} |", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
