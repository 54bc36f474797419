"""OMR accuracy and speed benchmark on generated scans.

Usage::

    PYTHONPATH=src python -m benchmarks.omr_accuracy --sheets 20

For every capture condition it prints a Markdown table row with:

* accuracy   - questions read exactly as a careful human would, without a flag
* silent     - wrong answers *not* flagged (the number that must be 0)
* flagged    - questions sent to a human (doubtful)
* unneeded   - flags on questions that were not inherently ambiguous
* number ok  - sheets whose trainee number was resolved correctly
* sheets/s   - load (decode from the file bytes) + read_sheet, one process, one
  OpenCV thread (``cv2.setNumThreads(1)``); rendering and damaging the images is not
  timed.  ``load ms`` and ``read ms`` split the per-sheet time (file decode vs.
  read_sheet).  Wall-clock time, so other processes on the machine lower it.
* CPU sheets/s - the same from this process's CPU time: what one core delivers when it
  is not shared (the benchmark is single-threaded, so the two agree on an idle machine).
* page image ms - producing ``SheetReading.warped`` (the upright page the review UI shows
  and the scanning service stores); *not* part of sheets/s, which is load + read.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from benchmarks._machine import machine_lines
from scfn_desktop.omr import synthetic as syn
from scfn_desktop.omr.classify import DOUBTFUL
from scfn_desktop.omr.images import load_pages
from scfn_desktop.omr.layout import build_layout
from scfn_desktop.omr.read import read_sheet
from scfn_desktop.printing.answer_sheets import (
    ExamInfo,
    SheetTrainee,
    rasterize_pdf,
    render_answer_sheets_bytes,
)

RENDER_DPI = 300.0


@dataclass(frozen=True)
class Case:
    condition: syn.Condition
    realistic: bool
    fmt: str  # "png" or "jpg"
    #: Pencil pressure of the trainee, drawn per sheet from this range (1 = a firm HB hand;
    #: a light hand fills a third to a half as dark, still plainly visible to a person).
    hand: tuple[float, float] = (1.0, 1.0)


SCAN_300 = {"dpi": 300, "rotation_deg": 2, "blur_sigma_px": 0.5, "noise_sigma": 3}
PHONE = {
    "dpi": 170,
    "rotation_deg": 10,
    "perspective": 0.035,
    "blur_sigma_px": 0.8,
    "noise_sigma": 5,
    "jpeg_quality": 80,
    "shading": 0.4,
    "photo_border": True,
}


CASES = (
    Case(syn.Condition("clean 300 dpi scan, clean marks", dpi=300), False, "png"),
    Case(
        syn.Condition(
            "300 dpi scan, realistic marks",
            dpi=300,
            rotation_deg=2,
            blur_sigma_px=0.5,
            noise_sigma=3,
        ),
        True,
        "png",
    ),
    Case(
        syn.Condition(
            "300 dpi JPEG scan, realistic",
            dpi=300,
            rotation_deg=2,
            blur_sigma_px=0.5,
            noise_sigma=3,
        ),
        True,
        "jpg",
    ),
    Case(
        syn.Condition(
            "600 dpi JPEG scan, realistic",
            dpi=600,
            rotation_deg=1,
            blur_sigma_px=1.0,
            noise_sigma=3,
        ),
        True,
        "jpg",
    ),
    Case(
        syn.Condition(
            "200 dpi JPEG scan, realistic",
            dpi=200,
            rotation_deg=3,
            blur_sigma_px=0.6,
            noise_sigma=4,
            jpeg_quality=85,
        ),
        True,
        "jpg",
    ),
    Case(
        syn.Condition(
            "150 dpi scan, realistic", dpi=150, rotation_deg=2, blur_sigma_px=0.4, noise_sigma=3
        ),
        True,
        "png",
    ),
    Case(
        syn.Condition(
            "300 dpi upside down, realistic",
            dpi=300,
            rotation_deg=2,
            upside_down=True,
            noise_sigma=3,
        ),
        True,
        "png",
    ),
    Case(syn.Condition("phone photo (perspective, shadow), realistic", **PHONE), True, "jpg"),
    Case(syn.Condition("light hand (1/3-1/2 as dark), 300 dpi", **SCAN_300), True, "png",
         hand=(0.33, 0.5)),
    Case(syn.Condition("very light hand (1/4-1/3 as dark), 300 dpi", **SCAN_300), True, "png",
         hand=(0.25, 0.33)),
    Case(syn.Condition("curled photo (middle lifted 8 mm)", curl_mm=8.0, **PHONE), True, "jpg"),
    Case(
        syn.Condition(
            "printer scaled 98.5 % (feed drift 1 %), 300 dpi",
            print_scale=0.985,
            feed_stretch=0.01,
            **SCAN_300,
        ),
        True,
        "png",
    ),
)


@dataclass
class Stats:
    questions: int = 0
    correct: int = 0
    silent: int = 0
    flagged: int = 0
    unneeded: int = 0
    sheets: int = 0
    number_ok: int = 0
    failures: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    load_seconds: float = 0.0
    page_image_seconds: float = 0.0


def _trainees(n: int) -> list[SheetTrainee]:
    return [
        SheetTrainee(f"2025{i + 1:04d}", f"受講者 {i + 1}", f"TRAINEE {i + 1}") for i in range(n)
    ]


def run(
    sheets: int, seed: int, questions: int, choices: int, out_dir: Path, only: str = ""
) -> list[str]:
    cv2.setNumThreads(1)
    layout = build_layout(questions, choices)
    exam = ExamInfo("BENCH-1", "修了認定テスト", "ベンチマーク")
    trainees = _trainees(sheets)
    pages = rasterize_pdf(render_answer_sheets_bytes(layout, exam, trainees), RENDER_DPI)
    rows = []
    for ci, case in enumerate(CASES):
        if only and only.lower() not in case.condition.name.lower():
            continue
        st = Stats()
        for i, (page, trainee) in enumerate(zip(pages, trainees, strict=True)):
            rng = np.random.default_rng([seed, ci, i])
            marks, truth = syn.plan_marks(layout, rng, realistic=case.realistic)
            lo, hi = case.hand
            hand = float(rng.uniform(lo, hi)) if hi > lo else lo  # same sheets as before
            filled = syn.draw_marks(page, layout, marks, RENDER_DPI, rng, hand=hand)
            scan = syn.degrade(filled, RENDER_DPI, case.condition, rng)
            path = out_dir / f"c{ci}_{i}.{case.fmt}"
            params = [cv2.IMWRITE_JPEG_QUALITY, 90] if case.fmt == "jpg" else []
            path.write_bytes(cv2.imencode(f".{case.fmt}", scan, params)[1].tobytes())

            c0 = time.process_time()
            t0 = time.perf_counter()
            try:
                (loaded,) = load_pages(path)
                t1 = time.perf_counter()
                reading = read_sheet(loaded.image, layout)
                t2 = time.perf_counter()
                c2 = time.process_time()
                _page = reading.warped
                t3 = time.perf_counter()
            except Exception as exc:  # a benchmark must report, not stop
                st.failures += 1
                st.sheets += 1
                print(f"  {case.condition.name} sheet {i}: {exc}")
                continue
            st.seconds += t2 - t0
            st.cpu_seconds += c2 - c0
            st.load_seconds += t1 - t0
            st.page_image_seconds += t3 - t2
            st.sheets += 1
            st.number_ok += reading.trainee_number == trainee.number
            for q, t in zip(reading.questions, truth, strict=True):
                st.questions += 1
                if q.status == DOUBTFUL:
                    st.flagged += 1
                    st.unneeded += not t.ambiguous
                elif q.answer == t.answer:
                    st.correct += 1
                else:
                    st.silent += 1
                    if st.silent <= 5:  # the first few, with their fills, for calibration
                        name = case.condition.name
                        print(f"  SILENT {name} sheet {i} q{q.number}: {q} truth {t}")
        n = max(st.questions, 1)
        timed = max(st.sheets - st.failures, 1)
        rows.append(
            f"| {case.condition.name} | {st.sheets} | {st.questions} | "
            f"{100 * st.correct / n:.2f} % | {st.silent} | {100 * st.flagged / n:.2f} % | "
            f"{100 * st.unneeded / n:.2f} % | {st.number_ok}/{st.sheets} | {st.failures} | "
            f"{timed / max(st.seconds, 1e-9):.1f} | {timed / max(st.cpu_seconds, 1e-9):.1f} | "
            f"{1000 * st.load_seconds / timed:.0f} | "
            f"{1000 * (st.seconds - st.load_seconds) / timed:.0f} | "
            f"{1000 * st.page_image_seconds / timed:.0f} |"
        )
        print(rows[-1], flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sheets", type=int, default=20, help="sheets per condition (default 20)")
    ap.add_argument("--questions", type=int, default=50)
    ap.add_argument("--choices", type=int, default=4)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--only", default="", help="run the conditions whose name contains this")
    args = ap.parse_args()
    header = (
        "| condition | sheets | questions | accuracy | silent errors | flagged | "
        "unneeded flags | number ok | failures | sheets/s (1 core) | CPU sheets/s | "
        "load ms | read ms | page image ms |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    )
    print(
        f"# OMR benchmark - {args.sheets} sheets x {args.questions} questions x "
        f"{args.choices} choices per condition\n"
    )
    versions = {"opencv": cv2.__version__, "numpy": np.__version__, "opencv threads": "1"}
    print("\n".join(machine_lines(versions)) + "\n")
    print(header)
    with tempfile.TemporaryDirectory() as tmp:
        run(args.sheets, args.seed, args.questions, args.choices, Path(tmp), args.only)


if __name__ == "__main__":
    main()
