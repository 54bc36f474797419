"""Local alignment after the corner markers' homography (issue 8, part 2): curled paper and a
drifting printer feed are followed row by row and reported; a row that cannot be found is
flagged, never guessed."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from scfn_desktop.omr import align
from scfn_desktop.omr import synthetic as syn
from scfn_desktop.omr.classify import DOUBTFUL, SINGLE
from scfn_desktop.omr.read import UNCONFIRMED_REASON, read_sheet
from scfn_desktop.omr.synthetic_paper import paper_displacement

DPI = 200.0  # must match conftest.DPI
FLAT = syn.Condition("flat", dpi=200, rotation_deg=2, blur_sigma_px=0.5, noise_sigma=3)
PHONE = {"dpi": 170, "rotation_deg": 8, "perspective": 0.03, "blur_sigma_px": 0.8,
         "noise_sigma": 5, "jpeg_quality": 80, "shading": 0.4, "photo_border": True}


def _expected_shift(layout, cond: syn.Condition) -> np.ndarray:
    """Where each bubble really is, relative to where the corner markers' homography puts it."""
    rows = align._rows(layout)
    mk = np.array([m.corners_mm() for m in layout.markers], np.float64).reshape(-1, 2)
    args = (cond.print_scale, cond.feed_stretch, cond.curl_mm)
    h, _ = cv2.findHomography(mk, paper_displacement(mk, *args), 0)
    pred = cv2.perspectiveTransform(rows.centres.reshape(-1, 1, 2), h).reshape(-1, 2)
    return paper_displacement(rows.centres, *args) - pred


def test_flat_scan_moves_nothing(forms, fill):
    img, truth = fill(forms, seed=21, realistic=True)
    r = read_sheet(syn.degrade(img, DPI, FLAT, np.random.default_rng(21)), forms.layout)
    a = r.alignment
    assert a is not None and a.rows == forms.layout.num_questions + 20
    assert a.rows_failed == 0 and a.rows_measured == a.rows
    assert a.max_shift_mm < 0.1
    assert "alignment_unconfirmed" not in r.issue_codes()


@pytest.mark.parametrize("cond", [
    syn.Condition("curled photo", curl_mm=12.0, **PHONE),
    syn.Condition("printer 98.5 % with feed drift", dpi=200, rotation_deg=2, noise_sigma=3,
                  print_scale=0.985, feed_stretch=0.012),
], ids=["curl", "printer"])
def test_bent_sheet_is_followed_and_reported(forms, fill, cond):
    img, truth = fill(forms, seed=22)
    r = read_sheet(syn.degrade(img, DPI, cond, np.random.default_rng(22)), forms.layout)
    assert [q.answer for q in r.questions] == [t.answer for t in truth]
    assert all(q.status == SINGLE for q in r.questions)
    assert r.trainee_number == "20250001" and not r.number_doubtful
    # the reading says how far it moved, and that matches the paper's known geometry
    per_bubble = _expected_shift(forms.layout, cond)
    need = max(np.linalg.norm(per_bubble[m].mean(axis=0)) for m in align._rows(forms.layout).members)
    assert need > 0.5
    assert r.alignment.max_shift_mm == pytest.approx(need, abs=0.3)
    assert r.alignment.rows_failed == 0


def test_measured_shifts_match_the_paper_geometry(forms, fill):
    """Row by row, within a quarter of a millimetre of where the bent paper put the bubbles."""
    from scfn_desktop.omr import geometry
    from scfn_desktop.omr.images import to_grey

    cond = syn.Condition("curled photo", curl_mm=10.0, **PHONE)
    img, _ = fill(forms, seed=23)
    grey = to_grey(syn.degrade(img, DPI, cond, np.random.default_rng(23)))
    work, scale, detect, d_scale = geometry.pyramid(grey)
    found = geometry.find_markers(detect, work, scale / d_scale, forms.layout)
    h_work, _ = geometry.homography(found, forms.layout)
    shift, unconfirmed, _a = align.refine(work, h_work, forms.layout)
    rows = align._rows(forms.layout)
    n_q = sum(len(m) for m in rows.members[: rows.question_rows])
    need = _expected_shift(forms.layout, cond)[:n_q]  # question bubbles share the order
    assert not unconfirmed.any()
    assert np.abs(shift[:n_q] - need).max() < 0.25


def test_a_fold_beyond_the_bound_is_flagged_not_guessed(forms, fill):
    """Part of a column pushed 3 mm sideways (a crease): more than the search may move, so
    those rows cannot be confirmed; their questions go to a person, the rest read normally."""
    img, truth = fill(forms, seed=24)
    layout = forms.layout
    ppm = DPI / 25.4
    moved = [q for q in layout.questions if q.choices[0].x_mm == layout.questions[0].choices[0].x_mm
             and q.number > 8]
    x0 = int((moved[0].choices[0].x_mm - 4) * ppm)
    x1 = int((moved[0].choices[-1].x_mm + 4) * ppm)
    y0 = int((moved[0].choices[0].y_mm - 3.4) * ppm)
    y1 = int((moved[-1].choices[0].y_mm + 3.4) * ppm)
    region = img[y0:y1, x0:x1].copy()
    img[y0:y1, x0:x1] = 255
    dx = int(round(3.0 * ppm))
    img[y0:y1, x0 + dx : x1 + dx] = np.minimum(img[y0:y1, x0 + dx : x1 + dx], region)
    r = read_sheet(syn.degrade(img, DPI, FLAT, np.random.default_rng(24)), layout)
    flagged = {q.number for q in r.questions if q.status == DOUBTFUL}
    assert {q.number for q in moved} <= flagged
    assert all(r.questions[n - 1].reason == UNCONFIRMED_REASON for n in (q.number for q in moved))
    for q, t in zip(r.questions, truth, strict=True):
        if q.number not in flagged:
            assert q.answer == t.answer
    assert "alignment_unconfirmed" in r.issue_codes()
    assert r.alignment.rows_failed >= len(moved)


def test_a_colour_scan_aligns_on_the_faint_red_channel_rings(forms):
    """Colour scans keep only the red channel, where the magenta rings almost vanish."""
    from scfn_desktop.printing.answer_sheets import rasterize_pdf, render_answer_sheets_bytes

    from .conftest import EXAM, TRAINEES

    colour = rasterize_pdf(render_answer_sheets_bytes(forms.layout, EXAM, TRAINEES[:1]), DPI,
                           grey=False)[0]
    rng = np.random.default_rng(25)
    marks, truth = syn.plan_marks(forms.layout, rng, realistic=False)
    img = syn.draw_marks(np.ascontiguousarray(colour[..., 2]), forms.layout, marks, DPI, rng)
    r = read_sheet(syn.degrade(img, DPI, FLAT, rng), forms.layout)
    assert r.alignment.rows_failed == 0
    assert [q.answer for q in r.questions] == [t.answer for t in truth]
    assert r.trainee_number == "20250001" and not r.number_doubtful
