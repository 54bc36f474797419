"""Where the time of one `scfn scan` goes: an in-process import under cProfile, per stage.

Called by ``benchmarks/scan_throughput.py --profile``. The command runs in this process
(``cli.main``), so with a process pool only the parent's share shows; pass ``--workers 0``
after ``--`` to see the reading stages too. Stages are cProfile *cumulative* times of the
functions that implement them, divided by the number of sheets; profiling inflates the
Python-heavy stages (ORM) more than the C ones (decode).
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

# (stage, [(file suffix, function name)]): the first match per stage is reported.
STAGES = [
    ("process start and imports until the command runs", []),
    ("hash the file (SHA-256)", [("scanning.py", "sha256_of")]),
    ("copy into the scan store", [("shutil.py", "copyfile")]),
    ("decode the PNG", [("pages.py", "load_page"), ("images.py", "load_pages")]),
    ("read_sheet (markers, alignment, fills, QR)", [("read.py", "read_sheet")]),
    ("warp the upright page image", [("reading.py", "warped"), ("read.py", "warped")]),
    ("  of read_sheet: local alignment", [("align.py", "refine")]),
    ("encode the page image (PNG before, JPEG after)", [("~", "imencode")]),
    ("database: ORM flushes", [("session.py", "flush")]),
    ("database: commits", [("session.py", "commit")]),
    ("audit entries", [("audit.py", "record")]),
    ("the command's final report (scores of every sheet)", [("results.py", "sheet_reports")]),
    ("waiting for the reader processes", [("threading.py", "wait")]),
]


def _cumulative(stats: pstats.Stats, wanted: list[tuple[str, str]]) -> float | None:
    for suffix, name in wanted:
        for (file, _line, func), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
            builtin = file == "~" and name in func
            if builtin or (func == name and file.endswith(suffix)):
                return ct
    return None


def profile_import(data: Path, exam_id: int, folder: Path, sheets: int,
                   extra: list[str] | None = None) -> None:
    os.environ["SCFN_DATA_DIR"] = str(data)
    os.environ.pop("SCFN_DB_URL", None)
    t0 = time.perf_counter()
    from scfn_desktop import cli

    imported = time.perf_counter() - t0
    argv = ["--lang", "en", "scan", "--exam", str(exam_id), str(folder), "--json",
            *(extra or [])]
    profiler = cProfile.Profile()
    stdout = sys.stdout
    sys.stdout = io.StringIO()
    t1 = time.perf_counter()
    try:
        profiler.runcall(cli.main, argv)
    finally:
        sys.stdout = stdout
    total = time.perf_counter() - t1
    stats = pstats.Stats(profiler)
    print(f"| stage | ms per sheet (cProfile cumulative, {sheets} sheets) |")
    print("|---|---|")
    print(f"| {STAGES[0][0]} | {1000 * imported / sheets:.1f} (once: {imported:.2f} s) |")
    for stage, wanted in STAGES[1:]:
        ct = _cumulative(stats, wanted)
        value = "-" if ct is None else f"{1000 * ct / sheets:.1f}"
        print(f"| {stage} | {value} |")
    print(f"| **the command, total** | **{1000 * total / sheets:.1f}** |")
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
    print("\n```\n" + out.getvalue().strip() + "\n```")
