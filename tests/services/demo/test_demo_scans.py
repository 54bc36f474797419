"""Sample scans of the demo exam: written deterministically, refused outside the demo, and read
back by the real import with a few marks sent to review and nothing silently wrong."""

from __future__ import annotations

import json
import shutil
from datetime import date, time
from pathlib import Path

import pypdfium2
import pytest
from sqlalchemy import select

from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.db.models.exams import ExamSheet
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.db.session import open_database
from scfn_desktop.services.demo import scans as demo_scans
from scfn_desktop.services.demo.loader import load_demo
from scfn_desktop.services.errors import PermissionDenied, ValidationFailed
from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.exams.results import sheet_reports
from scfn_desktop.services.exams.scanning import import_scans
from scfn_desktop.services.permissions import SYSTEM, Actor
from scfn_desktop.services.progress import run_to_end
from scfn_desktop.services.runs.training_runs import create_run

PROCTOR = Actor("kantoku", "proctor")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """The demo database, loaded once per module (each test works on its own copy)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_database(f"sqlite:///{path}")
    load_demo(db)
    db.dispose()
    return path


@pytest.fixture
def demo_db(demo_file, tmp_path):
    copy = tmp_path / "scfn.sqlite3"
    shutil.copyfile(demo_file, copy)
    db = open_database(f"sqlite:///{copy}")
    yield db
    db.dispose()


@pytest.fixture
def exam_id(demo_db) -> int:
    found = demo_scans.demo_exam_id(demo_db)
    assert found is not None
    return found


def write(db, exam_id: int, folder: Path, **kw) -> demo_scans.SampleScans:
    return run_to_end(demo_scans.write_sample_scans(db, PROCTOR, exam_id, folder, **kw))


def test_three_sheets_are_deterministic_and_audited(demo_db, exam_id, tmp_path):
    first = write(demo_db, exam_id, tmp_path / "a", count=3)
    again = write(demo_db, exam_id, tmp_path / "b", count=3)
    other = write(demo_db, exam_id, tmp_path / "c", count=1, seed=7)

    assert [p.name for p in first.files] == [f"demo_scan_00{i}.png" for i in (1, 2, 3)]
    assert [p.read_bytes() for p in first.files] == [p.read_bytes() for p in again.files]
    assert first.files[0].read_bytes() != other.files[0].read_bytes()
    assert first.sheets == again.sheets
    numbers = [s.trainee_number for s in first.sheets]
    assert len(set(numbers)) == 3 and len(first.absent) == 2 and not set(numbers) & set(
        first.absent)
    assert [s.spare_form for s in first.sheets] == [False, False, True]
    assert sum(s.upside_down for s in first.sheets) == 1
    assert sum(len(s.ambiguous) for s in first.sheets) == 2
    assert first.import_command == f"scfn scan --exam {exam_id} {tmp_path / 'a'}"
    with demo_db.session() as s:
        entries = s.scalars(select(AuditEntry).where(
            AuditEntry.action == "demo.sample_scans")).all()
        assert len(entries) == 3 and not s.scalars(select(ExamSheet)).all()
        assert json.loads(entries[0].after_json)["files"] == first.hashes


def test_import_reads_every_planned_sheet_and_nothing_silently_wrong(demo_db, exam_id,
                                                                     tmp_path):
    folder = tmp_path / "scanner"
    plan = write(demo_db, exam_id, folder, count=3)
    batch = run_to_end(import_scans(demo_db, PROCTOR, exam_id, [folder]))

    assert [s.status for s in batch.sheets] == ["ok"] * 3
    by_number = {s.trainee_number: s for s in plan.sheets}
    assert sorted(s.trainee_number for s in batch.sheets) == sorted(by_number)
    rule = exams.get_exam(demo_db, exam_id).rule
    reports = sheet_reports(demo_db, exam_id, [s.sheet_id for s in batch.sheets])
    flagged = 0
    for report in reports:
        meant = by_number[report.trainee]
        flagged += len(report.doubtful)
        for q, labels in meant.answers.items():
            if q not in report.doubtful:  # a mark the reader was sure of must be the one meant
                assert report.answers[str(q)] == list(labels), (report.trainee, q)
        if not report.doubtful:
            assert report.score == sum(len(a) == 1 and a[0] in rule.key[q]
                                       for q, a in meant.answers.items())
    assert 1 <= flagged <= 6  # "a few" for the proctor to look at
    upside = next(s.trainee_number for s in plan.sheets if s.upside_down)
    with demo_db.session() as s:
        readings = {sh.qr_number or sh.grid_number: json.loads(sh.reading_json)
                    for sh in s.scalars(select(ExamSheet))}
    assert readings[upside]["upside_down"] is True


def test_pdf_holds_every_page_and_imports(demo_db, exam_id, tmp_path):
    scans = write(demo_db, exam_id, tmp_path / "pdf", count=2, fmt="pdf")
    assert [p.name for p in scans.files] == ["demo_scans.pdf"]
    pdf = pypdfium2.PdfDocument(str(scans.files[0]))
    assert len(pdf) == 2
    pdf.close()
    batch = run_to_end(import_scans(demo_db, PROCTOR, exam_id, scans.files))
    assert sorted(s.trainee_number for s in batch.sheets) == sorted(
        s.trainee_number for s in scans.sheets)


def test_cancel_leaves_no_files_and_earlier_batch_is_replaced(demo_db, exam_id, tmp_path):
    folder = tmp_path / "scanner"
    folder.mkdir()
    (folder / "demo_scan_009.png").write_bytes(b"an earlier batch")
    (folder / "from_the_scanner.pdf").write_bytes(b"%PDF- someone else's")
    gen = demo_scans.write_sample_scans(demo_db, PROCTOR, exam_id, folder, count=2)
    next(gen)  # started
    next(gen)  # first sheet written
    assert (folder / "demo_scan_001.png").exists()
    gen.close()
    assert sorted(p.name for p in folder.iterdir()) == ["from_the_scanner.pdf"]
    scans = write(demo_db, exam_id, folder, count=1, fmt="jpg")
    assert scans.other_files == 1 and [p.name for p in scans.files] == ["demo_scan_001.jpg"]


def test_only_demo_trainees_of_a_demo_run_by_a_scanning_role(demo_db, exam_id, tmp_path):
    with pytest.raises(PermissionDenied):
        run_to_end(demo_scans.write_sample_scans(demo_db, Actor("u", "staff"), exam_id, tmp_path))
    with pytest.raises(ValidationFailed):
        write(demo_db, exam_id, tmp_path, fmt="tiff")
    with pytest.raises(ValidationFailed):
        write(demo_db, exam_id, tmp_path, count=0)

    with demo_db.transaction() as s:  # a real person who happens to have a demo number
        s.scalar(select(Trainee).where(Trainee.trainee_number == "251001")).family_name = "実在"
    scans = write(demo_db, exam_id, tmp_path / "renamed", count=1)
    assert "251001" not in [s.trainee_number for s in scans.sheets] + list(scans.absent)

    run = create_run(demo_db, SYSTEM, 2026, 1, "会場",
                     [(date(2026, 11, 1), time(10, 0), time(17, 0))])
    real = exams.create_exam(demo_db, SYSTEM, run.id, 5, {q: ["1"] for q in range(1, 6)})
    with pytest.raises(ValidationFailed, match="demo"):
        write(demo_db, real.id, tmp_path / "real")
    assert not (tmp_path / "real").exists()
