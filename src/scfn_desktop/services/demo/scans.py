"""Sample filled scans of a demo exam, so a new user can try 読み取り without a scanner.

The demo run has a realistic exam and printing works on any PC, but scanning needs forms that
people filled by hand and a scanner. `write_sample_scans` produces what that scanner would have
written: the personalised forms of the run's trainees, filled the way people fill them, with
the damage a document feeder adds, as files in a folder the user then imports as usual.

Why it is shaped like this:

* Demo runs only. Synthetic answer sheets imported into a real exam would be fabricated
  results, so the exam's run must be one `load_demo` created (its `demo.load` audit entry) and
  only trainees with the demo's own number and name get a form. Permission is SCAN_SHEETS:
  the person who wants to try reading scans is the proctor, and the files are useful only to
  someone who may import them; it shows no more than the printed forms a proctor already makes.
* Nothing is stored except one audit entry naming the files and their SHA-256. Importing a
  scan stores its hash (services.exams.scanning), so an auditor can always tell these sheets from
  real ones, whatever they were renamed to.
* People are not clean: most marks are firm, some are light, some answers were changed with
  an eraser, a few questions are left blank, and a few marks are ticks, crosses, faint marks or
  half-erased second marks that a careful reader sends to review (about one sheet in three has
  one, at least two per batch). The scores spread around the pass mark, one or two trainees
  are absent and one sat on a spare blank form with the trainee number marked by hand in the
  number grid. Pages are slightly rotated and noisy, and one went through the feeder upside
  down.
* Deterministic by seed: the same seed and database give byte-identical files (with the same
  OpenCV and numpy), so tests and screenshots are reproducible. The plan (`SampleSheet`) is
  returned as the ground truth.
* Files are named demo_scan_NNN.png / .jpg or demo_scans.pdf, so they never overwrite a real
  scanner's output; this function's earlier files in the folder are replaced so the folder
  holds one batch, and a cancelled or failed run removes what it wrote.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from statistics import NormalDist

import cv2
import numpy as np
from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.exams import Exam
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.omr import synthetic
from scfn_desktop.omr.layout import Layout
from scfn_desktop.printing.answer_sheets import (
    ExamInfo,
    SheetTrainee,
    rasterize_pdf,
    render_answer_sheets_bytes,
)
from scfn_desktop.services import audit
from scfn_desktop.services.demo.loader import demo_trainees
from scfn_desktop.services.demo.summary import demo_run_ids
from scfn_desktop.services.errors import ServiceError, ValidationFailed
from scfn_desktop.services.exams.scanning import SCAN_EXTENSIONS
from scfn_desktop.services.exams.setup import ExamView, exam_layout, get_exam
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import Progress, ProgressGen

SEED = 20251116
FORMATS = ("png", "jpg", "pdf")
PRINT_DPI = 300.0  # the forms are drawn at printer resolution ...
SCAN_DPI = 200.0  # ... and captured at a document feeder's usual grey setting
WHITE_POINT = 232
ABSENT = 2
AMBIGUOUS_SHARE = 0.3  # sheets with one mark the reader should send to review
PDF_NAME = "demo_scans.pdf"
_OWN_FILE = re.compile(r"demo_scan_\d{3,}\.(png|jpg)|demo_scans\.pdf")
FEEDER = synthetic.Condition("document feeder, 200 dpi grey", dpi=SCAN_DPI, rotation_deg=1.0,
                             blur_sigma_px=0.4, noise_sigma=2.5, shading=0.04)


@dataclass(frozen=True)
class SampleSheet:
    """One written page and what its trainee meant (the ground truth a careful person reads)."""

    file: str  # name inside the folder
    page: int  # 1-based page within the file
    trainee_number: str
    spare_form: bool  # a blank form with the number marked by hand
    upside_down: bool
    answers: Mapping[int, tuple[str, ...]]  # question -> labels meant (empty = left blank)
    ambiguous: tuple[int, ...]  # questions whose marks a reader should flag for review


@dataclass(frozen=True)
class SampleScans:
    """What was written, for the message to the user and for tests."""

    exam_id: int
    folder: Path
    files: tuple[Path, ...]
    sheets: tuple[SampleSheet, ...] = ()
    absent: tuple[str, ...] = ()  # trainee numbers who have no sheet
    other_files: int = 0  # scans already in the folder that an import would also read
    hashes: Mapping[str, str] = field(default_factory=dict)

    @property
    def import_command(self) -> str:
        """What to type next; a folder with spaces is quoted (cmd.exe and POSIX shells agree)."""
        folder = str(self.folder)
        return f"scfn scan --exam {self.exam_id} " + (f'"{folder}"' if " " in folder else folder)


def demo_exam_id(db: Database) -> int | None:
    """The exam of the demo data, or None when this database has no demo: the GUI offers its
    menu item and `scfn demo --sample-scans` writes scans only for it."""
    with db.session() as s:
        runs = demo_run_ids(s)
        if not runs:
            return None
        return s.scalar(select(Exam.id).where(Exam.run_id.in_(runs)).order_by(Exam.id).limit(1))


def _demo_people(db: Database, exam: ExamView) -> list[SheetTrainee]:
    """The run's demo trainees (number and name as the demo made them), sorted by number;
    refuses any run `load_demo` did not create, so no real trainee ever gets a fake sheet."""
    demo_names = {t.number: t.family[0] + t.given[0] for t in demo_trainees()}
    with db.session() as s:
        is_demo = exam.run_id in demo_run_ids(s)
        people = s.scalars(select(Trainee).where(Trainee.run_id == exam.run_id)
                           .order_by(Trainee.trainee_number)).all()
        chosen = [SheetTrainee(t.trainee_number, t.full_name, t.romaji) for t in people
                  if demo_names.get(t.trainee_number) == t.family_name + t.given_name]
    if not is_demo or not chosen:
        raise ValidationFailed(
            "サンプルのスキャン画像は、デモデータの試験でのみ作成できます（scfn demo）。",
            "Sample scans can only be made for the exam of the demo data (scfn demo).")
    return chosen


def _abilities(n: int, pass_fraction: float, rng: random.Random) -> list[float]:
    """Share of questions each sitter gets right: evenly spread quantiles of a normal curve a
    little above the pass mark, shuffled, so even three sheets show a spread and a full batch
    has about a fifth failing."""
    curve = NormalDist(min(pass_fraction + 0.1, 0.9), 0.12)
    out = [min(0.98, max(0.3, curve.inv_cdf((i + 0.5) / n))) for i in range(n)]
    rng.shuffle(out)
    return out


def plan_answers(exam: ExamView, rng: random.Random, ability: float, ambiguous: int | None,
                  ) -> tuple[list[synthetic.Mark], dict[int, tuple[str, ...]], tuple[int, ...]]:
    """Pencil marks of one sitter, what they meant, and the question a reader should flag."""
    labels = exam.choice_labels
    n = exam.num_questions
    right = set(rng.sample(range(1, n + 1), round(ability * n)))
    marks: list[synthetic.Mark] = []
    answers: dict[int, tuple[str, ...]] = {}
    for q in range(1, n + 1):
        key = exam.rule.key.get(q, (labels[0],))
        wrong = [i for i, c in enumerate(labels) if c not in key] or [0]
        choice = labels.index(key[0]) if q in right else rng.choice(wrong)
        other = rng.choice([i for i in range(len(labels)) if i != choice])
        answers[q] = (labels[choice],)
        u = rng.random()
        if q == ambiguous:
            kind = rng.choice(("tick", "cross", "faint", "half_erased"))
            if kind == "half_erased":  # changed their mind and did not erase properly
                marks.append(synthetic.Mark(q, other, "half_erased"))
                kind = "solid"
            marks.append(synthetic.Mark(q, choice, kind))
        elif u < 0.01:
            answers[q] = ()  # left blank
        elif u < 0.04:
            marks += [synthetic.Mark(q, other, "erased"), synthetic.Mark(q, choice, "solid")]
        elif u < 0.08:
            marks.append(synthetic.Mark(q, choice, "light"))
        else:
            marks.append(synthetic.Mark(q, choice, "solid"))
    return marks, answers, (() if ambiguous is None else (ambiguous,))


def _scan(exam: ExamView, layout: Layout, person: SheetTrainee, spare: bool,
          marks: list[synthetic.Mark], seed: int, upside_down: bool) -> np.ndarray:
    """Print the form, fill it, feed it through the scanner."""
    info = ExamInfo(str(exam.id), exam.title, exam.run_label)
    pdf = render_answer_sheets_bytes(layout, info, [] if spare else [person], 1 if spare else 0)
    page = rasterize_pdf(pdf, dpi=PRINT_DPI)[0]
    if spare:
        marks = [*synthetic.number_marks(layout, person.number), *marks]
    return fill_and_scan(page, layout, marks, seed, upside_down)


def fill_and_scan(page: np.ndarray, layout: Layout, marks: list[synthetic.Mark], seed: int,
                  upside_down: bool = False, print_dpi: float = PRINT_DPI,
                  feeder: synthetic.Condition = FEEDER) -> np.ndarray:
    """Fill a printed form (rasterised at ``print_dpi``) and feed it through the scanner."""
    gen = np.random.default_rng(seed)
    filled = synthetic.draw_marks(page, layout, marks, print_dpi, gen)
    scanned = synthetic.degrade(filled, print_dpi, replace(feeder, upside_down=upside_down), gen)
    # A scanner's background suppression turns near-white paper white: real scans compress to
    # a few hundred kB, where the noise on white paper would make each PNG 2 MB.
    scanned[scanned >= WHITE_POINT] = 255
    return scanned


def encode_image(image: np.ndarray, fmt: str) -> bytes:
    ext, params = (".jpg", [cv2.IMWRITE_JPEG_QUALITY, 88]) if fmt != "png" else (".png", [])
    ok, buf = cv2.imencode(ext, image, params)
    if not ok:
        raise ServiceError("画像を作成できません。", "Cannot encode the image.")
    return buf.tobytes()


def _pdf(pages: list[bytes], layout: Layout) -> bytes:
    """One multi-page PDF as a feeder's 'scan to PDF' makes it: each page a JPEG at A4 size."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    size = (layout.page_width_mm * mm, layout.page_height_mm * mm)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=size, invariant=True)  # no timestamp: same seed, same bytes
    canvas.setCreator("scfn-desktop demo scanner")
    for jpeg in pages:
        canvas.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, *size)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _write(path: Path, data: bytes, written: list[Path]) -> None:
    """Whole files only: an import never reads a half-written scan."""
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    os.replace(part, path)
    written.append(path)


def _check_folder(folder: Path) -> int:
    """Replace our own earlier batch; count the other scans an import of the folder reads."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        others = 0
        for f in folder.iterdir():
            if f.is_file() and _OWN_FILE.fullmatch(f.name):
                f.unlink()
            elif f.is_file() and f.suffix.lower() in SCAN_EXTENSIONS:
                others += 1
        return others
    except OSError as exc:
        raise ServiceError(f"フォルダーに書き込めません: {folder}（{exc.strerror}）",
                           f"Cannot write to the folder: {folder} ({exc.strerror})") from exc


def write_sample_scans(db: Database, actor: Actor, exam_id: int, folder: str | Path,
                       count: int | None = None, seed: int = SEED,
                       fmt: str = "png") -> ProgressGen[SampleScans]:
    """Write `count` filled, scanned forms (default: every demo trainee but the absent ones)
    into `folder` as PNG or JPEG files, or as one multi-page PDF; yields progress per page."""
    require(actor, Permission.SCAN_SHEETS)
    if fmt not in FORMATS:
        raise ValidationFailed(f"形式は {', '.join(FORMATS)} のいずれかです。",
                               f"The format is one of {', '.join(FORMATS)}.")
    exam = get_exam(db, exam_id)
    people = _demo_people(db, exam)
    if count is not None and not 1 <= count <= len(people):
        raise ValidationFailed(f"枚数は 1〜{len(people)} にしてください。",
                               f"The number of sheets must be 1-{len(people)}.")
    rng = random.Random(seed)
    sitters = len(people) - ABSENT if count is None else count
    group = people[: sitters + ABSENT]
    absent = set(rng.sample(range(len(group)), len(group) - min(sitters, len(group))))
    sitting = [p for i, p in enumerate(group) if i not in absent]
    spare_at = len(sitting) - 1  # the last to hand in lost their form and took a spare
    upside_at = rng.randrange(max(1, spare_at))  # never the spare: one difficulty per page
    with_doubt = set(rng.sample(range(len(sitting)),
                                min(len(sitting), max(2, round(AMBIGUOUS_SHARE * len(sitting))))))
    rule = exam.rule
    pass_fraction = (rule.pass_value / 100 if rule.pass_mode == "percent"
                     else rule.pass_value / max(rule.max_points, 1))
    abilities = _abilities(len(sitting), pass_fraction, rng)
    folder = Path(folder)
    others = _check_folder(folder)
    layout = exam_layout(exam)
    written: list[Path] = []
    sheets: list[SampleSheet] = []
    pdf_pages: list[bytes] = []
    done = False
    yield Progress(0, len(sitting), "記入済みの解答用紙を作成しています",
                   "Filling in answer forms")
    try:
        for i, person in enumerate(sitting):
            doubt = rng.randint(1, exam.num_questions) if i in with_doubt else None
            marks, answers, ambiguous = plan_answers(exam, rng, abilities[i], doubt)
            image = _scan(exam, layout, person, i == spare_at, marks, rng.getrandbits(32),
                          i == upside_at)
            name = PDF_NAME if fmt == "pdf" else f"demo_scan_{i + 1:03d}.{fmt}"
            if fmt == "pdf":
                pdf_pages.append(encode_image(image, "jpg"))
            else:
                _write(folder / name, encode_image(image, fmt), written)
            sheets.append(SampleSheet(name, len(pdf_pages) if fmt == "pdf" else 1,
                                      person.number, i == spare_at, i == upside_at, answers,
                                      ambiguous))
            yield Progress(i + 1, len(sitting), f"記入済みの解答用紙を作成中 {i + 1}/{len(sitting)}",
                           f"Filling in answer forms {i + 1}/{len(sitting)}")
        if fmt == "pdf":
            _write(folder / PDF_NAME, _pdf(pdf_pages, layout), written)
        hashes = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in written}
        with db.transaction() as s:
            audit.record(s, actor, "demo.sample_scans", "exam", exam.id, after={
                "folder": str(folder.resolve()), "seed": seed, "format": fmt, "files": hashes,
                "absent": sorted(group[i].number for i in absent)})
        done = True
    finally:
        if not done:  # cancelled or failed: leave no partial batch to import
            for path in written:
                path.unlink(missing_ok=True)
    return SampleScans(exam.id, folder, tuple(written), tuple(sheets),
                       tuple(sorted(group[i].number for i in absent)), others, hashes)
