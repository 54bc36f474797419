"""Importing scans: stored by SHA-256, idempotent, identification by QR or number grid, and
every bad input reported without stopping the batch."""

from __future__ import annotations

import numpy as np
import pytest
from examkit import (
    PROCTOR,
    fill,
    make_exam,
    make_run,
    number,
    printed_pages,
    write_png,
)

from scfn_desktop.db.session import Database
from scfn_desktop.services.exams.grading import compute_results
from scfn_desktop.services.exams.scanning import import_scans
from scfn_desktop.services.progress import run_to_end

N, K = 10, 4
KEY = "1,2,3,4,1,2,3,4,1,2"
RIGHT = {q: KEY.split(",")[q - 1] for q in range(1, N + 1)}
NUMBERS = tuple(number(i) for i in range(1, 5))


def pages(exam_id: int, numbers=NUMBERS, blank=0):
    return printed_pages(str(exam_id), N, K, numbers, blank)


@pytest.fixture
def exam(db: Database) -> int:
    run = make_run(db, 4)
    return make_exam(db, run, n=N, key=KEY, pass_percent=60)


def results(db, exam_id):
    with db.session() as s:
        return compute_results(s, exam_id).by_number()


def test_import_grades_and_reimport_changes_nothing(db, exam, tmp_path, data_dir):
    p = pages(exam)
    folder = tmp_path / "scanner"
    write_png(folder / "a.png", fill(p[0], N, K, RIGHT))
    wrong = RIGHT | {q: "4" if RIGHT[q] != "4" else "1" for q in range(1, 6)}
    write_png(folder / "b.png", fill(p[1], N, K, wrong))
    (folder / "notes.txt").write_text("not a scan")  # skipped: folders give scan files only
    progress = []
    batch = run_to_end(import_scans(db, PROCTOR, exam, [folder]), progress.append)
    assert progress[-1].done == progress[-1].total == 2
    assert [(s.status, s.trainee_number) for s in batch.sheets] == [
        ("ok", number(1)), ("ok", number(2))]
    stored = list((data_dir / "scans").rglob("*.png"))
    assert any(f.name == f"{batch.files[0].sha256}.png" for f in stored)
    r = results(db, exam)
    assert (r[number(1)].score, r[number(1)].status) == (10, "passed")
    assert (r[number(2)].score, r[number(2)].status) == (5, "failed")
    assert r[number(3)].status == "absent"

    again = run_to_end(import_scans(db, PROCTOR, exam, [folder / "a.png", folder / "b.png"]))
    assert [f.status for f in again.files] == ["already", "already"]
    assert [s.sheet_id for s in again.sheets] == [s.sheet_id for s in batch.sheets]


def test_every_bad_input_is_reported_and_the_batch_goes_on(db, exam, tmp_path):
    p = pages(exam)
    f = tmp_path / "in"
    f.mkdir()
    good = write_png(f / "01_good.png", fill(p[0], N, K, RIGHT))
    (f / "02_corrupt.png").write_bytes(good.read_bytes()[:3000])
    (f / "03_text.png").write_text("hello")
    write_png(f / "04_photo.png", np.random.default_rng(1).integers(0, 255, (800, 600), np.uint8))
    write_png(f / "05_white.png", np.full((800, 600), 255, np.uint8))
    other = printed_pages("999", N, K, (number(3),))[0]
    write_png(f / "06_other_exam.png", fill(other, N, K, RIGHT))
    stranger = printed_pages(str(exam), N, K, ("25019999",))[0]
    write_png(f / "07_unknown.png", fill(stranger, N, K, RIGHT))
    write_png(f / "08_duplicate.png", fill(p[0], N, K, RIGHT, seed=5))
    spare = pages(exam, numbers=(), blank=1)[0]
    write_png(f / "09_blank_form.png", spare)
    write_png(f / "10_spare_for_2.png", fill(spare, N, K, RIGHT, number=number(2)))
    batch = run_to_end(import_scans(db, PROCTOR, exam, [f]))
    by_file = {o.file.rsplit("/", 1)[-1]: o for o in batch.files}
    assert by_file["02_corrupt.png"].error_code == "file_corrupt"
    assert by_file["03_text.png"].error_code == "file_not_image"
    codes = {name: [s.error_code or s.status for s in o.sheets] for name, o in by_file.items()}
    assert codes["01_good.png"] == ["ok"]
    assert codes["04_photo.png"] == ["markers_not_found"]
    assert codes["05_white.png"] == ["blank_page"]
    assert codes["06_other_exam.png"] == ["exam_mismatch"]
    assert codes["07_unknown.png"] == ["unknown_trainee"]
    assert codes["08_duplicate.png"] == ["duplicate"]
    assert codes["09_blank_form.png"] == ["blank_form"]
    assert codes["10_spare_for_2.png"] == ["ok"]
    assert batch.has_unreadable
    assert all(o.sheets[0].error_ja for n, o in by_file.items() if n[:2] in {"04", "06", "07"})
    r = results(db, exam)
    assert r[number(1)].status == "pending" and len(r[number(1)].duplicate_sheet_ids) == 2
    assert r[number(2)].status == "passed"


def test_doubtful_mark_makes_the_trainee_pending(db, exam, tmp_path):
    img = fill(pages(exam)[2], N, K, RIGHT, styles={4: "tick"})
    batch = run_to_end(import_scans(db, PROCTOR, exam, [write_png(tmp_path / "c.png", img)]))
    assert batch.sheets[0].doubtful == (4,)
    assert results(db, exam)[number(3)].status == "pending"


def test_cancel_keeps_finished_files_and_rolls_back_the_current_one(db, exam, tmp_path):
    p = pages(exam)
    paths = [write_png(tmp_path / f"{i}.png", fill(p[i], N, K, RIGHT)) for i in range(3)]
    gen = import_scans(db, PROCTOR, exam, paths)
    seen = []
    for prog in gen:
        seen.append(prog)
        if prog.done == 1 and "page" in prog.message_en:  # reading the second file
            gen.close()
            break
    r = results(db, exam)
    assert [r[number(i)].status for i in (1, 2, 3)] == ["passed", "absent", "absent"]
    batch = run_to_end(import_scans(db, PROCTOR, exam, paths))
    assert [f.status for f in batch.files] == ["already", "imported", "imported"]
