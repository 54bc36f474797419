"""Roster import speed: a generated CP932 CSV into a fresh SQLite database.

Usage::

    PYTHONPATH=src python -m benchmarks.roster_import            # 60, 600 and 6000 rows
    PYTHONPATH=src python -m benchmarks.roster_import --sizes 60 600

For each size it writes a CSV as Excel on Japanese Windows saves it (CP932, CRLF, the
export's Japanese headers, full-width spaces in names), then times
``services.roster.importing.apply_import`` twice on a new temporary database:

* **first import** - every row is new: parse, validate, insert trainees and
  organisations, one audit entry per trainee, one transaction;
* **re-import** - the same file again: every row compares as unchanged, nothing is written
  (the idempotence the proctors rely on when they import a corrected file).

Database creation and migration are not timed.  Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import csv
import io
import tempfile
import time
from pathlib import Path

from benchmarks._machine import machine_lines
from scfn_desktop.db.session import open_database
from scfn_desktop.services.demo.names import FAMILY_NAMES, GIVEN_NAMES, ORGANISATIONS
from scfn_desktop.services.permissions import SYSTEM
from scfn_desktop.services.roster.importing import apply_import

HEADERS = (
    "受講番号",
    "姓",
    "名",
    "セイ",
    "メイ",
    "ローマ字",
    "所属機関",
    "都道府県",
    "メールアドレス",
    "資格",
    "氏名公表の同意",
)
QUALIFICATIONS = ("", "社会福祉士", "キャリアコンサルタント", "なし", "公認心理師")


def write_roster(path: Path, rows: int) -> None:
    """A deterministic CP932 roster of ``rows`` trainees (numbers 20250001...)."""
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow(HEADERS)
    for i in range(rows):
        fam_k, fam_kana, fam_r = FAMILY_NAMES[i % len(FAMILY_NAMES)]
        giv_k, giv_kana, giv_r = GIVEN_NAMES[(i * 7) % len(GIVEN_NAMES)]
        org, pref, slug = ORGANISATIONS[(i * 3) % len(ORGANISATIONS)]
        out.writerow(
            (
                f"{20250001 + i}",
                fam_k,
                giv_k,
                fam_kana,
                giv_kana,
                f"{fam_r.upper()} {giv_r}",
                org,
                pref,
                f"{fam_r.lower()}.{i}@{slug}.example.jp",
                QUALIFICATIONS[i % len(QUALIFICATIONS)],
                "はい" if i % 3 else "いいえ",
            )
        )
    path.write_bytes(buf.getvalue().encode("cp932"))


def _timed(fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0


def run(sizes: list[int], work: Path) -> list[str]:
    rows = []
    for n in sizes:
        csv_path = work / f"roster_{n}.csv"
        write_roster(csv_path, n)
        db = open_database(f"sqlite:///{work}/bench_{n}.sqlite3")
        try:
            first, t1 = _timed(lambda: apply_import(db, SYSTEM, csv_path))  # noqa: B023
            again, t2 = _timed(lambda: apply_import(db, SYSTEM, csv_path))  # noqa: B023
        finally:
            db.dispose()
        if (first.created, again.unchanged, again.created, again.updated) != (n, n, 0, 0):
            raise SystemExit(f"unexpected import result for {n} rows: {first} / {again}")
        kib = csv_path.stat().st_size / 1024
        rows.append(f"| {n} | {kib:.0f} KiB | {t1:.2f} | {n / t1:.0f} | {t2:.2f} | {n / t2:.0f} |")
        print(rows[-1], flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[60, 600, 6000])
    args = ap.parse_args()
    import sqlalchemy

    print("# Roster import benchmark\n")
    print("\n".join(machine_lines({"sqlalchemy": sqlalchemy.__version__})) + "\n")
    print(
        "| trainees | CSV (CP932) | first import s | rows/s | re-import s (unchanged) | rows/s |\n"
        "|---|---|---|---|---|---|"
    )
    with tempfile.TemporaryDirectory() as tmp:
        run(args.sizes, Path(tmp))


if __name__ == "__main__":
    main()
