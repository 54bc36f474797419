import shutil
import subprocess

import cv2
import numpy as np
import pytest

from scfn_desktop.omr.layout import build_layout
from scfn_desktop.omr.sheet_code import parse_sheet_code
from scfn_desktop.printing import fonts
from scfn_desktop.printing.answer_sheets import (
    ExamInfo,
    SheetTrainee,
    iter_answer_sheets,
    rasterize_pdf,
    render_answer_sheets,
)

EXAM = ExamInfo("R7-01", "修了認定テスト", "令和7年度 第1期")
TRAINEES = [
    SheetTrainee("20250001", "山田 太郎", "YAMADA Taro"),
    SheetTrainee("20250002", "グエン・ヴァン・アン", "NGUYEN Van An"),
]
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler missing")


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("sheets") / "解答用紙.pdf"
    calls = []
    pages = render_answer_sheets(
        path,
        build_layout(30, 4),
        EXAM,
        TRAINEES,
        blank=2,
        progress=lambda d, t: calls.append((d, t)),
    )
    assert pages == 4
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    return path


@needs_poppler
def test_text_is_japanese_and_personalised(pdf_path):
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for needle in (
        "修了認定テスト",
        "令和7年度 第1期",
        "山田 太郎",
        "YAMADA Taro",
        "HB",
        "消しゴム",
        "折り曲げ",
        "20250002",
        "NGUYEN Van An",
    ):
        assert needle in text
    assert text.count("\f") == 4
    # One word for the number, the glossary's (受講番号), in the box, the grid and the notes.
    first_page = text.split("\f")[0]
    assert first_page.count("受講番号") == 3 and "受験番号" not in text


@needs_poppler
def test_fonts_are_embedded(pdf_path):
    out = subprocess.run(
        ["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True
    ).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        assert " yes " in row, f"font not embedded: {row}"


def _qr_texts(pdf_path):
    pages = rasterize_pdf(pdf_path.read_bytes(), dpi=200)
    layout = build_layout(30, 4)
    ppm = 200 / 25.4
    q = layout.qr
    crops = []
    for img in pages:
        y0, y1 = int((q.y_mm - 3) * ppm), int((q.y_mm + q.h_mm + 3) * ppm)
        x0, x1 = int((q.x_mm - 3) * ppm), int((q.x_mm + q.w_mm + 3) * ppm)
        crops.append(img[y0:y1, x0:x1])
    return layout, crops


def test_qr_decodes_with_opencv(pdf_path):
    layout, crops = _qr_texts(pdf_path)
    numbers = []
    for crop in crops:
        text, _, _ = cv2.QRCodeDetector().detectAndDecode(crop)
        code = parse_sheet_code(text)
        assert code.exam_id == "R7-01" and code.layout_fingerprint == layout.fingerprint
        numbers.append(code.trainee_number)
    assert numbers == ["20250001", "20250002", "", ""]


def test_qr_decodes_with_independent_decoder(pdf_path):
    pyzbar = pytest.importorskip("pyzbar.pyzbar")
    _, crops = _qr_texts(pdf_path)
    decoded = pyzbar.decode(crops[0])
    assert decoded and decoded[0].data.decode().startswith("SCFN1|ER7-01|T20250001|L")


def test_markers_and_prefilled_number_are_black(pdf_path):
    img = rasterize_pdf(pdf_path.read_bytes(), dpi=100)[0]
    layout = build_layout(30, 4)
    ppm = 100 / 25.4
    col = layout.trainee_number[3]  # digit "5" of 20250001
    b = col.bubbles[5]
    assert img[int(b.y_mm * ppm), int(b.x_mm * ppm)] < 60
    blank = col.bubbles[4]
    assert img[int(blank.y_mm * ppm), int(blank.x_mm * ppm)] > 150
    # nothing printed within 8 mm of the paper edge
    margin = int(8 * ppm)
    for edge in (img[:margin], img[-margin:], img[:, :margin], img[:, -margin:]):
        assert edge.min() > 240


def test_generator_reports_progress(tmp_path):
    gen = iter_answer_sheets(tmp_path / "x.pdf", build_layout(5, 3), EXAM, TRAINEES[:1], blank=1)
    assert list(gen) == [(1, 2), (2, 2)]
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")


def test_wrong_number_length_is_refused(tmp_path):
    with pytest.raises(ValueError):
        render_answer_sheets(tmp_path / "x.pdf", build_layout(5, 3), EXAM, [SheetTrainee("123")])


def test_missing_font_error_lists_searched_paths(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "_registered", None)
    monkeypatch.setattr(fonts, "CANDIDATES", ())
    monkeypatch.setenv(fonts.ENV_VAR, str(tmp_path / "nope.ttf"))
    with pytest.raises(fonts.FontNotFoundError, match="nope.ttf"):
        fonts.register_japanese_font()


def test_env_override_is_used(monkeypatch):
    monkeypatch.setattr(fonts, "_registered", None)
    monkeypatch.setenv(fonts.ENV_VAR, "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf")
    if not np.any([p.is_file() for p, _ in fonts.CANDIDATES]):
        pytest.skip("IPAex fonts not installed")
    font = fonts.register_japanese_font()
    assert font.path.name == "ipaexm.ttf"
    monkeypatch.setattr(fonts, "_registered", None)
