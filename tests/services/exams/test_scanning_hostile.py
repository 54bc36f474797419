"""Hostile scans in a real batch (issue 9, §2): each is reported with its file and page, the batch
goes on, nothing of another exam is stored as marks, and the CLI says so (exit 1)."""

from __future__ import annotations

import json

import cv2
import pytest
from examkit import PROCTOR, fill, make_exam, make_run, number, printed_pages, write_png
from hostile_files import forge_jpeg_height, forge_png_size
from sqlalchemy import func, select

from scfn_desktop import cli
from scfn_desktop.db.models.exams import ExamMark, ExamSheet
from scfn_desktop.services.exams.scanning import import_scans
from scfn_desktop.services.progress import run_to_end

N, K = 10, 4
KEY = "1,2,3,4,1,2,3,4,1,2"
RIGHT = {q: KEY.split(",")[q - 1] for q in range(1, N + 1)}


@pytest.fixture
def exam(db) -> int:
    return make_exam(db, make_run(db, 4), n=N, key=KEY)


def good_page(exam_id: int, i: int = 1, seed: int = 0):
    return fill(printed_pages(str(exam_id), N, K, (number(i),))[0], N, K, RIGHT, seed=seed)


def by_name(batch):
    return {f.file.rsplit("/", 1)[-1]: f for f in batch.files}


def test_an_oversized_page_is_refused_and_the_batch_goes_on(db, exam, tmp_path):
    folder = tmp_path / "in"
    good = write_png(folder / "2_good.png", good_page(exam))
    (folder / "1_huge.png").write_bytes(forge_png_size(good.read_bytes(), 60000, 60000))
    for _ in range(2):  # today the batch stopped at the huge file, on every re-run
        batch = run_to_end(import_scans(db, PROCTOR, exam, [folder]))
        files = by_name(batch)
        assert files["1_huge.png"].error_code in ("image_too_large", "already")
        assert [s.status for s in files["2_good.png"].sheets] == ["ok"]
    first = by_name(run_to_end(import_scans(db, PROCTOR, exam, [folder / "1_huge.png"])))
    assert first["1_huge.png"].status == "already"


def test_a_truncated_tiff_keeps_page_one_and_reports_page_two(db, exam, tmp_path):
    path = tmp_path / "batch.tif"
    assert cv2.imwritemulti(str(path), [good_page(exam, 1), good_page(exam, 2, seed=1)])
    path.write_bytes(path.read_bytes()[: int(path.stat().st_size * 0.75)])
    batch = run_to_end(import_scans(db, PROCTOR, exam, [path]))
    (outcome,) = batch.files
    assert outcome.status == "error" and outcome.error_code == "file_truncated"
    assert [(s.page, s.status, s.trainee_number) for s in outcome.sheets] == [(1, "ok", number(1))]
    assert "2ページ目以降を読めません" in outcome.error_ja and "batch.tif" in outcome.error_en
    assert batch.has_unreadable


def test_a_form_of_another_exam_stores_no_marks(db, exam, tmp_path):
    """Printed with 4-digit numbers, its QR code sits where this exam's layout has bubbles."""
    theirs = printed_pages("77", N, K, ("1234",), digits=4)[0]
    path = write_png(tmp_path / "other.png", fill(theirs, N, K, RIGHT, digits=4))
    (sheet,) = run_to_end(import_scans(db, PROCTOR, exam, [path])).sheets
    assert (sheet.status, sheet.error_code) == ("error", "layout_mismatch")
    assert sheet.error_ja.startswith("別の試験の解答用紙です")
    assert "form of another exam" in sheet.error_en
    with db.session() as s:
        marks = s.scalar(select(func.count(ExamMark.id)).where(ExamMark.sheet_id == sheet.sheet_id))
        assert marks == 0 and s.get(ExamSheet, sheet.sheet_id).trainee_id is None


def test_a_jpeg_with_a_forged_size_is_corrupt_not_a_blank_page(db, exam, tmp_path):
    data = cv2.imencode(".jpg", good_page(exam), [cv2.IMWRITE_JPEG_QUALITY, 85])[1].tobytes()
    path = tmp_path / "forged.jpg"
    path.write_bytes(forge_jpeg_height(data, 4))
    (outcome,) = run_to_end(import_scans(db, PROCTOR, exam, [path])).files
    assert (outcome.status, outcome.error_code) == ("error", "file_corrupt")
    assert not [s for s in outcome.sheets if s.error_code == "blank_page"]


def test_the_cli_lists_every_hostile_file_and_exits_1(db, exam, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "in"
    good = write_png(folder / "good.png", good_page(exam))
    (folder / "huge.png").write_bytes(forge_png_size(good.read_bytes(), 60000, 60000))
    tif = folder / "cut.tif"
    assert cv2.imwritemulti(str(tif), [good_page(exam, 2), good_page(exam, 3, seed=2)])
    tif.write_bytes(tif.read_bytes()[: int(tif.stat().st_size * 0.75)])
    monkeypatch.setenv("SCFN_USER", "kantoku")
    monkeypatch.setenv("SCFN_PASSWORD", "proctor-pass")
    from scfn_desktop.services.admin import accounts
    from scfn_desktop.services.permissions import SYSTEM

    accounts.add_user(db, SYSTEM, "kantoku", "proctor", "proctor-pass")
    code = cli.main(["--db", db.url, "--lang", "en", "scan", "--exam", str(exam), str(folder),
                     "--json"])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err, err
    report = json.loads(out)
    errors = {(e["file"].rsplit("/", 1)[-1], e["code"]) for e in report["errors"]}
    assert errors == {("huge.png", "image_too_large"), ("cut.tif", "file_truncated")}
    assert sorted(s["trainee"] for s in report["sheets"]) == [number(1), number(2)]
