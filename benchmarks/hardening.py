"""What the issue-9 hardening costs: a login at the production scrypt cost, the signed checkpoint
written after every audited commit, the tamper check with data reconciliation, and a backup
with verification, on a roster of N trainees.

Usage::

    PYTHONPATH=src python -m benchmarks.hardening              # 60 and 2000 trainees
    PYTHONPATH=src python -m benchmarks.hardening --sizes 60

Everything runs on a temporary data folder and SQLite file; prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks._machine import machine_lines


def _timed(fn, repeat: int = 1) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run(size: int) -> list[tuple[str, str]]:
    os.environ.pop("SCFN_TEST_WEAK_PASSWORD_HASHES", None)  # the production cost
    folder = Path(tempfile.mkdtemp(prefix="scfn-bench-"))
    os.environ["SCFN_DATA_DIR"] = str(folder)
    from scfn_desktop.db.session import open_database
    from scfn_desktop.services import audit
    from scfn_desktop.services.admin import accounts, integrity
    from scfn_desktop.services.backup.create import create_backup
    from scfn_desktop.services.backup.verify import verify_backup_steps
    from scfn_desktop.services.permissions import SYSTEM
    from scfn_desktop.services.progress import run_to_end
    from scfn_desktop.services.roster.importing import apply_import

    db = open_database(f"sqlite:///{(folder / 'scfn.sqlite3').as_posix()}")
    accounts.add_user(db, SYSTEM, "admin", "admin", "a-long-pass")
    csv = folder / "roster.csv"
    csv.write_text("受講番号,氏名,所属機関,都道府県\n" + "".join(
        f"{10000 + i},山田 太郎{i},窓口{i % 40},東京都\n" for i in range(size)), encoding="utf-8")
    apply_import(db, SYSTEM, csv)
    rows = [("login (scrypt N=2^17), median of 3",
             f"{_timed(lambda: accounts.authenticate(db, 'admin', 'a-long-pass'), 3):.2f} s")]

    def commit(checkpoint: bool) -> None:
        with db.transaction() as s:
            audit.record(s, SYSTEM, "bench.action", "thing")
            if not checkpoint:
                s.info.pop(audit.HEAD_INFO, None)

    bare = _timed(lambda: commit(False), 20)
    signed = _timed(lambda: commit(True), 20)
    rows.append(("audited commit without / with the signed checkpoint",
                 f"{bare * 1000:.1f} / {signed * 1000:.1f} ms"))
    admin = accounts.authenticate(db, "admin", "a-long-pass")
    rows.append(("tamper check: chain + checkpoint + data",
                 f"{_timed(lambda: integrity.verify_all(db, admin)):.2f} s"))
    made = []
    rows.append(("backup (online API, manifest, checkpoint)",
                 f"{_timed(lambda: made.append(run_to_end(create_backup(db, admin, folder / 'b')))):.2f} s"))
    rows.append(("backup verification",
                 f"{_timed(lambda: run_to_end(verify_backup_steps(made[-1].path))):.2f} s"))
    db.dispose()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[60, 2000])
    args = parser.parse_args()
    for line in machine_lines():
        print(line)
    print()
    print("| trainees | measure | time |")
    print("|---|---|---|")
    for size in args.sizes:
        for name, value in run(size):
            print(f"| {size} | {name} | {value} |")


if __name__ == "__main__":
    main()
