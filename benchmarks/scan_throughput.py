"""End-to-end throughput and memory of ``scfn scan`` on a batch of 300 dpi grey PNGs.

Usage::

    PYTHONPATH=src python -m benchmarks.scan_throughput --sheets 60 --runs 3
    PYTHONPATH=src python -m benchmarks.scan_throughput --src /tmp/scfn-base/src   # another tree
    PYTHONPATH=src python -m benchmarks.scan_throughput --profile                  # where it goes
    PYTHONPATH=src python -m benchmarks.scan_throughput --timeline                 # when

What is measured is what a proctor waits for: the ``scfn scan --exam ID FOLDER --json``
command, run as a fresh process (interpreter start and imports included) on a fresh data
folder whose database already holds the run, its trainees and the exam. For every run it
reports the wall-clock time, sheets per second, the CPU time of the command and of all its
child processes, and the **peak resident memory of the whole process tree** (the command
plus its worker processes, summed, sampled every 20 ms from ``/proc``; Linux only).

The scans are generated once (not timed): the exam's personalised forms rendered at
300 dpi, pencil-filled with the realistic mix of ``omr.synthetic`` and degraded like a
300 dpi flatbed/feeder scan with sensor noise (the benchmark's "300 dpi scan, realistic
marks" condition), written as grey PNGs (~4 MB each, like a scanner's lossless output).

``--src`` runs the command from another source tree (e.g. an unpacked older commit), so
before/after figures come from one script on the same scans. ``--profile`` imports the
same batch in-process under cProfile and prints where the time goes, per stage.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks._machine import machine_lines

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS, CHOICES, DPI = 50, 4, 300.0
BENCH_USER, BENCH_PASSWORD = "bench-proctor", "bench-proctor-pass"


def numbers(n: int) -> list[str]:
    return [f"2025{i + 1:04d}" for i in range(n)]


def setup_database(sheets: int) -> int:
    """Run, trainees and exam in the database of SCFN_DATA_DIR; returns the exam id.

    Runs in a subprocess with the tree under test on the path, so only APIs every version
    has are used (models and ``create_exam``)."""
    from datetime import date
    from datetime import time as dtime

    from scfn_desktop.config import resolve_db_url
    from scfn_desktop.db.models.roster import Trainee, TrainingRun, VenueDay
    from scfn_desktop.db.session import open_database
    from scfn_desktop.services.exams import setup as exams
    from scfn_desktop.services.permissions import Actor

    db = open_database(resolve_db_url())
    with db.transaction() as s:
        run = TrainingRun(fiscal_year=2025, term=1, venue="ベンチマーク会場")
        run.venue_days = [VenueDay(day_number=1, day=date(2025, 11, 1), starts_at=dtime(9, 30),
                                   ends_at=dtime(17, 0))]
        s.add(run)
        s.flush()
        for i, number in enumerate(numbers(sheets)):
            s.add(Trainee(run_id=run.id, trainee_number=number, family_name="受講",
                          given_name=f"者{i + 1}"))
        run_id = run.id
    key = ",".join(str(q % CHOICES + 1) for q in range(QUESTIONS))
    view = exams.create_exam(db, Actor("bench", "committee"), run_id, QUESTIONS,
                             exams.parse_key_text(key), CHOICES)
    try:  # trees where every change from the CLI needs a login
        from scfn_desktop.services.admin import accounts
        from scfn_desktop.services.permissions import SYSTEM

        accounts.add_user(db, SYSTEM, BENCH_USER, "proctor", BENCH_PASSWORD)
    except ImportError:
        pass
    db.dispose()
    return view.id


def make_scans(folder: Path, sheets: int, exam_id: int, seed: int = 2025) -> None:
    """Personalised forms, pencil-filled and scanned at 300 dpi, as grey PNGs."""
    import cv2
    import numpy as np

    from scfn_desktop.omr import synthetic as syn
    from scfn_desktop.omr.layout import build_layout
    from scfn_desktop.printing.answer_sheets import (
        ExamInfo,
        SheetTrainee,
        rasterize_pdf,
        render_answer_sheets_bytes,
    )

    folder.mkdir(parents=True, exist_ok=True)
    layout = build_layout(QUESTIONS, CHOICES)
    pdf = render_answer_sheets_bytes(layout, ExamInfo(str(exam_id)),
                                     [SheetTrainee(n) for n in numbers(sheets)])
    cond = syn.Condition("300 dpi scan", dpi=300, rotation_deg=2, blur_sigma_px=0.5,
                         noise_sigma=3)
    for i, page in enumerate(rasterize_pdf(pdf, DPI)):
        rng = np.random.default_rng([seed, i])
        marks, _truth = syn.plan_marks(layout, rng, realistic=True)
        scan = syn.degrade(syn.draw_marks(page, layout, marks, DPI, rng), DPI, cond, rng)
        (folder / f"scan_{i + 1:04d}.png").write_bytes(cv2.imencode(".png", scan)[1].tobytes())


def _tree_rss_kib(root: int) -> int:
    """Resident memory of a process and all its descendants, in KiB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii") as fh:
                stat = fh.read()
            with open(f"/proc/{entry.name}/statm", encoding="ascii") as fh:
                pages = int(fh.read().split()[1])
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        pid = int(entry.name)
        children.setdefault(ppid, []).append(pid)
        rss[pid] = pages * os.sysconf("SC_PAGE_SIZE") // 1024
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


@contextmanager
def _peak_tree_rss(pid: int) -> Iterator[list[int]]:
    """While the block runs, sample the RSS of ``pid``'s process tree every 20 ms; the list
    yielded holds the peak (KiB), final once the block has ended."""
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kib(pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield peak
    finally:
        done.set()
        sampler.join()


def _env(src: Path, data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["SCFN_USER"], env["SCFN_PASSWORD"] = BENCH_USER, BENCH_PASSWORD
    # The login's password hash (scrypt, ~1 s, once per command, the same in every tree) is
    # left out: what is compared is the reading pipeline.
    env["SCFN_TEST_WEAK_PASSWORD_HASHES"] = "1"
    env["PYTHONPATH"] = os.pathsep.join([str(src), str(ROOT)])
    env["SCFN_DATA_DIR"] = str(data)
    env.pop("SCFN_DB_URL", None)
    return env


def timed_scan(src: Path, data: Path, exam_id: int, folder: Path, sheets: int,
               extra: list[str]) -> dict[str, float]:
    """One `scfn scan` as a fresh process: wall s, CPU s (self + children), peak tree RSS."""
    cmd = [*_scfn(), "--lang", "en", "scan", "--exam", str(exam_id), str(folder), "--json",
           *extra]
    out_file = data / "scan.json"
    t0 = time.perf_counter()
    with out_file.open("wb") as out:
        proc = subprocess.Popen(cmd, env=_env(src, data), stdout=out, stderr=subprocess.PIPE)
    with _peak_tree_rss(proc.pid) as peak:
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    try:
        report = json.loads(out_file.read_text(encoding="utf-8"))
    except ValueError:
        report = {}
    read = len(report.get("sheets", [])) + len(report.get("errors", []))
    if code not in (0, 1) or read != sheets:  # exit 1 = a sheet needs a person: normal
        raise RuntimeError(f"scfn scan failed ({code}, {read} of {sheets} sheets): "
                           f"{err[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mib": peak[0] / 1024}


IN_PROCESS = """
import json, resource, sys, time
from scfn_desktop.config import resolve_db_url
from scfn_desktop.db.session import open_database
from scfn_desktop.services.exams.scanning import expand_paths, import_scans
from scfn_desktop.services.permissions import Actor
from scfn_desktop.services.progress import run_to_end
db = open_database(resolve_db_url())
files = expand_paths([sys.argv[2]])
def cpu():
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))
c0, t0 = cpu(), time.perf_counter()
batch = run_to_end(import_scans(db, Actor("bench", "proctor"), int(sys.argv[1]), files))
wall = time.perf_counter() - t0
print(json.dumps({"wall": wall, "cpu": cpu() - c0, "sheets": len(batch.sheets)}))
"""


def timed_in_process(src: Path, data: Path, exam_id: int, folder: Path,
                     sheets: int) -> dict[str, float]:
    """The import as the scanning page runs it: in a process that has already started, imported
    the app and opened the database (as the running app has), from the call to its return —
    what a proctor waits for after pressing 読み取り開始. Workers are started by the call."""
    proc = subprocess.Popen([sys.executable, "-c", IN_PROCESS, str(exam_id), str(folder)],
                            env=_env(src, data), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    with _peak_tree_rss(proc.pid) as peak:
        out, err = proc.communicate(timeout=600)
    try:
        report = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise RuntimeError(f"in-process import failed: {err[-2000:]}") from None
    if report["sheets"] != sheets:
        raise RuntimeError(f"{report['sheets']} of {sheets} sheets: {err[-2000:]}")
    return {"wall": report["wall"], "cpu": report["cpu"], "peak_mib": peak[0] / 1024}


def timeline(src: Path, data: Path, exam_id: int, folder: Path, extra: list[str]) -> str:
    """One `scfn scan` through benchmarks/scan_timeline.py: its steps' time stamps."""
    env = _env(src, data)
    env["SCFN_BENCH_T0"] = repr(time.time())
    out = subprocess.run([sys.executable, "-m", "benchmarks.scan_timeline", "--lang", "en",
                          "scan", "--exam", str(exam_id), str(folder), "--json", *extra],
                         env=env, capture_output=True, text=True, check=False)
    rows = [line for line in out.stderr.splitlines() if line.startswith("| ")]
    if out.returncode not in (0, 1) or not rows:
        raise RuntimeError(f"scfn scan failed ({out.returncode}): {out.stderr[-2000:]}")
    return "\n".join(["| s since start | step |", "|---|---|", *rows])


def _scfn() -> list[str]:
    """The `scfn` console script next to this interpreter (what a proctor runs; PYTHONPATH
    still picks the tree under test), else the same entry point through -c."""
    script = Path(sys.executable).with_name("scfn")
    if script.exists():
        return [sys.executable, str(script)]
    return [sys.executable, "-c", "import sys; from scfn_desktop.cli import main; sys.exit(main())"]


def run_subprocess(src: Path, data: Path, code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], env=_env(src, data), check=True,
                         capture_output=True, text=True)
    return out.stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sheets", type=int, default=60)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="source tree to run")
    ap.add_argument("--scans", type=Path, help="folder to keep the generated scans in")
    ap.add_argument("--profile", action="store_true", help="cProfile one in-process import")
    ap.add_argument("--timeline", action="store_true",
                    help="time stamps of one command's steps (benchmarks/scan_timeline.py)")
    ap.add_argument("--in-process", action="store_true",
                    help="time the import inside a running process (the scanning page's path)")
    ap.add_argument("scan_args", nargs="*", help="extra `scfn scan` arguments (after --)")
    args = ap.parse_args()
    src = args.src.resolve()
    print(f"# `scfn scan` end to end - {args.sheets} sheets, 300 dpi grey PNG\n")
    print("\n".join(machine_lines({"source tree": str(src), "cpus": str(os.cpu_count())})))
    print()
    with tempfile.TemporaryDirectory(prefix="scfn-bench-") as tmp:
        folder = args.scans or Path(tmp) / "scans"
        setup = (f"import benchmarks.scan_throughput as b; "
                 f"print(b.setup_database({args.sheets}))")
        if not (folder.is_dir() and len(list(folder.glob("*.png"))) == args.sheets):
            first = Path(tmp) / "probe"
            exam_id = int(run_subprocess(src, first, setup))
            make_scans(folder, args.sheets, exam_id)
        if args.profile:
            from benchmarks.scan_profile import profile_import

            data = Path(tmp) / "profile"
            exam_id = int(run_subprocess(src, data, setup))
            profile_import(data, exam_id, folder, args.sheets, args.scan_args)
            return
        if args.timeline:
            data = Path(tmp) / "timeline"
            exam_id = int(run_subprocess(src, data, setup))
            print(timeline(src, data, exam_id, folder, args.scan_args))
            return
        print("| run | wall s | sheets/s | CPU s (all processes) | peak RSS, process tree (MiB) |")
        print("|---|---|---|---|---|")
        for run in range(1, args.runs + 1):
            data = Path(tmp) / f"run{run}"
            exam_id = int(run_subprocess(src, data, setup))
            r = (timed_in_process(src, data, exam_id, folder, args.sheets) if args.in_process
                 else timed_scan(src, data, exam_id, folder, args.sheets, args.scan_args))
            print(f"| {run} | {r['wall']:.2f} | {args.sheets / r['wall']:.1f} | "
                  f"{r['cpu']:.2f} | {r['peak_mib']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
