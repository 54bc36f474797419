"""Scan files as an attacker or a broken scanner would produce them (issue 9, §2): sizes are
checked from the header before decoding, lost pages are reported, a JPEG whose data runs out is
corrupt, and a form of another exam is recognised even when its QR code sits elsewhere."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import cv2
import numpy as np
import pytest
from hostile_files import forge_jpeg_height, forge_png_size, huge_png
from PIL import Image

from scfn_desktop.omr import synthetic as syn
from scfn_desktop.omr.declared_size import jpeg_info, png_size, tiff_directory
from scfn_desktop.omr.images import (
    CorruptImageError,
    ImageTooLargeError,
    TruncatedFileError,
    ends_in_decoder_filler,
    load_pages,
)
from scfn_desktop.omr.layout import build_layout
from scfn_desktop.omr.read import read_sheet
from scfn_desktop.printing.answer_sheets import ExamInfo, SheetTrainee, rasterize_pdf
from scfn_desktop.printing.answer_sheets import render_answer_sheets_bytes as render


def test_a_png_claiming_60000_square_is_refused_from_its_header(forms, tmp_path):
    """Today OpenCV raised an uncaught error and the batch stopped at this file."""
    good = cv2.imencode(".png", forms.pages[0])[1].tobytes()
    path = tmp_path / "claims-huge.png"
    path.write_bytes(forge_png_size(good, 60000, 60000))
    assert png_size(path.read_bytes()) == (60000, 60000)
    with pytest.raises(ImageTooLargeError) as refused:
        list(load_pages(path))
    assert refused.value.error_code == "image_too_large"
    assert "60000×60000" in refused.value.message_ja and "claims-huge.png" in refused.value.message_en


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM (Linux)")
def test_a_real_20000_square_png_is_refused_without_decoding(tmp_path):
    """Today it gave an error only after taking 3.7 GB (the venue PC has 4). Measured in a
    fresh process by its own peak (VmHWM: ru_maxrss would carry the parent's across exec)."""
    path = huge_png(tmp_path / "big.png", 20000, 20000)
    probe = ("import json, re, sys\n"
             "from scfn_desktop.omr.images import ScanError, load_pages\n"
             "try:\n    list(load_pages(sys.argv[1])); code = ''\n"
             "except ScanError as e:\n    code = e.error_code\n"
             "status = open('/proc/self/status').read()\n"
             "peak = int(re.search(r'VmHWM:\\s+(\\d+)', status).group(1))\n"
             "print(json.dumps([code, peak]))\n")
    out = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True,
                         text=True, check=True, timeout=120).stdout
    code, max_rss_kib = json.loads(out)
    assert code == "image_too_large"
    assert max_rss_kib < 400 * 1024  # the interpreter, numpy and OpenCV; not the 400 MB page


def test_a_600_dpi_a4_page_is_still_accepted():
    from scfn_desktop.omr.images import check_page_size

    check_page_size(4961, 7016, "a4-600dpi.png")  # no exception


def test_a_pdf_page_of_absurd_size_is_refused_before_rendering(tmp_path):
    path = tmp_path / "poster.pdf"
    Image.new("L", (100, 100), 255).save(path, resolution=1)  # 100 in x 100 in at 200 dpi
    started = time.perf_counter()
    with pytest.raises(ImageTooLargeError):
        list(load_pages(path))
    assert time.perf_counter() - started < 5


def two_page_tiff(forms, fill, tmp_path) -> bytes:
    a, _ = fill(forms, seed=31)
    b, _ = fill(forms, seed=32, page=1)
    path = tmp_path / "two.tif"
    assert cv2.imwritemulti(str(path), [a, b])
    return path.read_bytes()


@pytest.mark.parametrize("keep", [0.75, 0.999])
def test_a_truncated_tiff_yields_its_readable_page_and_reports_the_lost_one(forms, fill, tmp_path,
                                                                             keep):
    """Today page 1 was imported and page 2 lost without a word (exit 0)."""
    raw = two_page_tiff(forms, fill, tmp_path)
    assert len(tiff_directory(raw).pages) == 2
    path = tmp_path / "cut.tif"
    path.write_bytes(raw[: int(len(raw) * keep)])
    pages = []
    with pytest.raises(TruncatedFileError) as lost:
        for page in load_pages(path):
            pages.append(page)
    assert [p.page_number for p in pages] == [1]
    assert read_sheet(pages[0].image, forms.layout).trainee_number == "20250001"
    assert "2ページ目" in lost.value.message_ja and "cut.tif" in lost.value.message_ja
    assert "read 1 page(s)" in lost.value.message_en
    assert lost.value.error_code == "file_truncated"


def test_a_whole_tiff_still_reads_every_page(forms, fill, tmp_path):
    raw = two_page_tiff(forms, fill, tmp_path)
    assert [p.page_number for p in load_pages(tmp_path / "two.tif")] == [1, 2]
    assert tiff_directory(raw).truncated is False


def test_a_jpeg_with_a_forged_size_is_corrupt_not_blank(forms, fill, tmp_path):
    """Today: "blank page". The data fills only the first half of the claimed height; libjpeg
    decodes the rest as flat mid-grey."""
    img, _ = fill(forms, seed=33)
    data = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 85])[1].tobytes()
    path = tmp_path / "forged.jpg"
    path.write_bytes(forge_jpeg_height(data, 3))
    assert jpeg_info(path.read_bytes())[1] == img.shape[0] * 3
    with pytest.raises(CorruptImageError) as corrupt:
        list(load_pages(path))
    assert corrupt.value.error_code == "file_corrupt"
    assert "JPEG" in corrupt.value.message_ja and "data ends early" in corrupt.value.message_en


def test_flat_white_or_grey_pictures_are_not_taken_for_cut_jpegs():
    page = np.full((400, 300), 250, np.uint8)
    page[:100:7] = 20
    assert not ends_in_decoder_filler(page)  # white margin: paper, not filler
    assert not ends_in_decoder_filler(np.full((400, 300), 128, np.uint8))  # all grey
    page[200:] = 128
    assert ends_in_decoder_filler(page)


def test_a_form_of_another_exam_is_recognised_when_its_code_is_elsewhere():
    """A form printed with 4-digit numbers has its QR code where an 8-digit layout has bubbles:
    today it read as "trainee number bubbles unclear" (or as trainee 1111) with 30 marks."""
    theirs = build_layout(30, 4, "digits", 4)
    pdf = render(theirs, ExamInfo("7"), [SheetTrainee("1234")], 0)
    page = rasterize_pdf(pdf, dpi=150)[0]
    marks = [syn.Mark(q, 0, "solid") for q in range(1, 31)]
    img = syn.draw_marks(page, theirs, marks, 150, np.random.default_rng(0))
    ours = build_layout(30, 4, "digits", 8)
    reading = read_sheet(img, ours, expected_exam_id="3")
    codes = reading.issue_codes()
    assert reading.sheet_code is not None and reading.sheet_code.exam_id == "7"
    assert "layout_mismatch" in codes and "exam_mismatch" in codes
    issue = next(i for i in reading.issues if i.code == "layout_mismatch")
    assert issue.message_ja.startswith("別の試験の解答用紙です") and "another exam" in issue.message_en
