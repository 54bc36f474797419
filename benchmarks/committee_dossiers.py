"""The committee's decision list and documents: how long a run's dossiers take to load, in how
many queries, and how long the notices, the register PDF and the minutes take to render.

Usage::

    PYTHONPATH=src python -m benchmarks.committee_dossiers [--repeat 10]

Builds the demo in a temporary folder (the current run: 60 trainees with day-1 check-ins and
an exam; the finished run: 24 trainees, check-ins, a scanned and graded test, a closed meeting,
18 certificates) — not timed — then times ``run_dossiers`` for both runs (median and worst of
``--repeat``), counts its SQL statements, and times the documents once. Prints Markdown.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks._machine import machine_lines


def _timed(call, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="scfn-bench-") as folder:
        os.environ["SCFN_DATA_DIR"] = folder
        from sqlalchemy import event

        from scfn_desktop.db.session import open_database
        from scfn_desktop.services.committee import exports, meetings, notices
        from scfn_desktop.services.committee.dossier import run_dossiers
        from scfn_desktop.services.demo.finished_run import COMMITTEE, load_finished_run
        from scfn_desktop.services.demo.loader import load_demo
        from scfn_desktop.services.permissions import SYSTEM
        from scfn_desktop.services.progress import run_to_end
        from scfn_desktop.services.runs.training_runs import list_runs

        db = open_database(f"sqlite:///{Path(folder) / 'scfn.sqlite3'}")
        start = time.perf_counter()
        load_demo(db)
        run_to_end(load_finished_run(db, SYSTEM))
        built = time.perf_counter() - start
        runs = {r.label: r for r in list_runs(db)}
        print(*machine_lines(), sep="\n")
        print(f"\nDemo built (not timed below) in {built:.1f} s.\n")
        print("| run | trainees | SQL statements | median s | worst s |")
        print("|---|---|---|---|---|")
        for label in ("令和7年度 第1期", "令和6年度 第1期"):
            run = runs[label]
            statements: list[str] = []

            def count(*a, found=statements) -> None:  # type: ignore[no-untyped-def]
                found.append(a[2])

            event.listen(db.engine, "before_cursor_execute", count)
            n = len(run_dossiers(db, run.id))
            event.remove(db.engine, "before_cursor_execute", count)
            median, worst = _timed(lambda r=run: run_dossiers(db, r.id), args.repeat)
            print(f"| {label} | {n} | {len(statements)} | {median:.3f} | {worst:.3f} |")
        finished = runs["令和6年度 第1期"]
        meeting = meetings.list_meetings(db, finished.id)[0]
        docs = {
            "result notices, 24 letters in one PDF": lambda: notices.write_notices(
                db, COMMITTEE, finished.id, Path(folder) / "n.pdf"),
            "register PDF, 18 certificates": lambda: exports.export_register(db, SYSTEM, "pdf"),
            "minutes PDF": lambda: meetings.minutes_pdf(db, COMMITTEE, meeting.id),
        }
        print("\n| document | s |\n|---|---|")
        for name, call in docs.items():
            print(f"| {name} | {_timed(call, 1)[0]:.2f} |")
        db.dispose()


if __name__ == "__main__":
    main()
