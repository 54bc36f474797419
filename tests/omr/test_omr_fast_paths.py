"""The reader's fast paths must give the same answers as the slow ones they short-cut.

Each speed-up (one-window marker pass, QR decode at known corners, vectorised decisions,
affine page warp, reduced JPEG decode) has a fallback or a reference; these tests pin the
two together, and pin the public way to rebuild a stored reading with its page image.
"""

import cv2
import numpy as np
import pytest

from scfn_desktop.omr import geometry, markers, qr
from scfn_desktop.omr.classify import (
    BLANK,
    DOUBTFUL,
    MULTI_CONSISTENCY,
    MULTIPLE,
    SINGLE,
    Decision,
    Thresholds,
    decide,
    decide_rows,
)
from scfn_desktop.omr.images import load_pages
from scfn_desktop.omr.overlay import crop_question, draw_overlay
from scfn_desktop.omr.read import SheetReading, read_sheet

DPI = 200.0  # must match conftest.DPI


def test_quick_marker_pass_finds_all_four(forms):
    work, _scale, detect, _d_scale = geometry.pyramid(forms.pages[0])
    assert set(markers.detect(detect, "quick")) == {0, 1, 2, 3}


def _reference_decide(values: np.ndarray, t: Thresholds) -> Decision:
    """The per-question numpy implementation that decide_rows replaced."""
    marked = tuple(int(i) for i in np.flatnonzero(values >= t.mark))
    unsure = tuple(int(i) for i in np.flatnonzero((values >= t.empty) & (values < t.mark)))
    if unsure:
        if marked:
            return Decision(DOUBTFUL, marked, "faint mark next to a clear mark (erasure?)")
        return Decision(DOUBTFUL, (), "faint or partial mark")
    if not marked:
        return Decision(BLANK, (), "")
    if len(marked) == 1:
        return Decision(SINGLE, marked, "")
    darkest = float(values[list(marked)].max())
    lightest = float(values[list(marked)].min())
    if lightest < MULTI_CONSISTENCY * darkest:
        return Decision(DOUBTFUL, marked, "marks of very different darkness (erasure?)")
    return Decision(MULTIPLE, marked, "more than one choice marked")


def test_decide_rows_matches_the_per_question_rule():
    rng = np.random.default_rng(0)
    t = Thresholds(filled_level=0.6, mark=0.3, empty=0.132)
    levels = np.array([0.0, 0.05, 0.132, 0.2, 0.29, 0.3, 0.31, 0.45, 0.6, 0.7], np.float32)
    values = rng.choice(levels, size=(400, 5), p=[0.3, 0.3, 0.05, 0.05, 0.05] + [0.05] * 5)
    values[0] = 0.0
    expected = [_reference_decide(row, t) for row in values]
    assert decide_rows(values, t) == expected
    assert [decide(row, t) for row in values] == expected
    assert {d.status for d in expected} == {BLANK, SINGLE, MULTIPLE, DOUBTFUL}


def test_affine_fast_warp_is_used_only_when_flat():
    rng = np.random.default_rng(1)
    src = rng.integers(0, 256, (600, 500), dtype=np.uint8)
    flat = np.array([[0.98, 0.03, 5.0], [-0.03, 0.98, 7.0], [0.0, 0.0, 1.0]])
    tilted = flat.copy()
    tilted[2, :2] = (2e-4, 1e-4)
    assert geometry.affine_if_flat(flat, (400, 500)) is not None
    assert geometry.affine_if_flat(tilted, (400, 500)) is None
    nearly_flat = flat.copy()
    nearly_flat[2, :2] = (1e-7, 2e-7)  # marker-corner noise in a flatbed scan
    fast = geometry.warp_region(src, nearly_flat, 0, 0, 60, 80, 5.0)
    ref = cv2.warpPerspective(
        src,
        nearly_flat @ np.diag([0.2, 0.2, 1.0]),
        (300, 400),
        flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
        borderValue=255,
    )
    assert fast.shape == ref.shape
    assert np.abs(fast.astype(int) - ref.astype(int)).mean() < 1.0


def _qr_crop(forms, page):
    work, scale, detect, d_scale = geometry.pyramid(page)
    found = geometry.find_markers(detect, work, scale / d_scale, forms.layout)
    h, _ = geometry.homography(found, forms.layout)
    q, pad = forms.layout.qr, qr.FAST_PAD_MM
    crop = geometry.warp_region(
        work, h, q.x_mm - pad, q.y_mm - pad, q.w_mm + 2 * pad, q.h_mm + 2 * pad, qr.FAST_PX_PER_MM
    )
    return crop, work, h


def test_qr_fast_path_decodes_from_known_corners(forms):
    crop, _work, _h = _qr_crop(forms, forms.pages[0])
    corners = qr._symbol_corners(crop)
    assert corners is not None
    assert qr._decode_at(cv2.QRCodeDetector(), crop, corners).startswith("SCFN1|ER7-01|T20250001")
    assert qr._symbol_corners(np.full_like(crop, 250)) is None


def test_qr_with_a_pencil_stroke_in_its_quiet_zone_still_reads(forms, fill):
    """The stroke spoils the bounding box of the fast path; the full fallback reads it."""
    img, _truth = fill(forms, seed=21)
    q = forms.layout.qr
    ppm = DPI / 25.4
    y = int((q.y_mm + 0.8) * ppm)
    cv2.line(img, (int(q.x_mm * ppm), y), (int((q.x_mm + q.w_mm) * ppm), y + 4), 60, 3)
    r = read_sheet(img, forms.layout)
    assert r.qr_text is not None and r.trainee_number == "20250001"
    assert "qr_unreadable" not in r.issue_codes()


def test_reduced_jpeg_decode_keeps_the_red_channel(tmp_path):
    """A 300 dpi colour JPEG is decoded at half size and must still drop magenta print."""
    bgr = np.full((3508, 2480, 3), 255, np.uint8)
    bgr[1000:1400, 1000:1400] = (200, 60, 250)  # magenta print: red ~250, luminance ~130
    bgr[2000:2400, 1000:1400] = (70, 70, 70)  # graphite
    path = tmp_path / "colour.jpg"
    path.write_bytes(cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, 95])[1].tobytes())
    (page,) = load_pages(path)
    assert page.image.shape == (1754, 1240)
    assert page.image[600, 600] > 235  # magenta is (almost) paper in red light
    assert page.image[1100, 600] < 90  # pencil stays dark


def test_with_page_image_rebuilds_a_stored_reading(forms, fill):
    img, truth = fill(forms, seed=22)
    fresh = read_sheet(img, forms.layout)
    stored_page = fresh.warped.copy()
    fields = dict(
        layout=forms.layout,
        questions=fresh.questions,
        thresholds=fresh.thresholds,
        qr_text=fresh.qr_text,
        sheet_code=None,
        number_from_grid=fresh.number_from_grid,
        number_doubtful=fresh.number_doubtful,
        trainee_number=fresh.trainee_number,
    )
    bare = SheetReading(**fields)
    assert bare.warped is None
    rebuilt = bare.with_page_image(stored_page, px_per_mm=fresh.px_per_mm)
    assert bare.warped is None  # the original is not modified
    assert rebuilt.warped is stored_page and rebuilt.answers() == fresh.answers()
    assert crop_question(rebuilt, 3).shape == crop_question(fresh, 3).shape
    assert draw_overlay(rebuilt).shape == (*stored_page.shape, 3)
    assert rebuilt.with_page_image(None).warped is None
    with pytest.raises(ValueError):
        bare.with_page_image(cv2.cvtColor(stored_page, cv2.COLOR_GRAY2BGR))
    # code written before with_page_image keeps working
    legacy = SheetReading(**fields, _warped=stored_page)
    assert legacy.warped is stored_page
