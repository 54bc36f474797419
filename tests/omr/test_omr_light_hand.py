"""A light-handed trainee's sheet reads right; a blank one stays blank; in-between marks
still go to a person (issue 8, part 1)."""

from __future__ import annotations

import numpy as np
import pytest

from scfn_desktop.omr import synthetic as syn
from scfn_desktop.omr.classify import (
    BLANK,
    DEFAULT_FILLED_LEVEL,
    DOUBTFUL,
    SINGLE,
    decide_rows,
    sheet_thresholds,
)
from scfn_desktop.omr.read import read_sheet

DPI = 200.0  # must match conftest.DPI
SCAN = syn.Condition("scan", dpi=200, rotation_deg=2, blur_sigma_px=0.5, noise_sigma=3)


def _sheet(forms, seed: int, hand: float, realistic: bool = False, extra=()):
    rng = np.random.default_rng(seed)
    marks, truth = syn.plan_marks(forms.layout, rng, realistic=realistic)
    img = syn.draw_marks(forms.pages[0], forms.layout, [*marks, *extra], DPI, rng, hand=hand)
    return syn.degrade(img, DPI, SCAN, rng), truth


@pytest.mark.parametrize("hand", [0.45, 0.33])
def test_light_sheet_reads_right(forms, hand):
    """A third to a half as dark as a firm fill: every answer read, nothing flagged (the old
    reader sent all of them to review: its bar stayed at the firm default)."""
    scan, truth = _sheet(forms, seed=11, hand=hand)
    r = read_sheet(scan, forms.layout)
    assert [q.answer for q in r.questions] == [t.answer for t in truth]
    assert all(q.status == SINGLE for q in r.questions)
    assert r.thresholds.filled_level < 0.3
    assert r.ok, r.issues


def test_very_light_sheet_reads_right_or_flags(forms):
    """A quarter to a third as dark, with the realistic mix (erasures, ticks, partial fills):
    never a silent error, and the flags stay on the marks a person would hesitate over."""
    for seed in (12, 13, 14):
        scan, truth = _sheet(forms, seed=seed, hand=0.27, realistic=True)
        r = read_sheet(scan, forms.layout)
        for q, t in zip(r.questions, truth, strict=True):
            if q.status == DOUBTFUL:
                assert t.ambiguous, (q, t)
            else:
                assert q.answer == t.answer, (q, t)
        assert r.thresholds.filled_level < 0.2


def test_blank_sheet_is_blank_and_keeps_the_safe_default(forms):
    """No answers: no marked population, so the level is the firm default and the empty bar
    drops to the noise floor (a faint mark would be doubtful, not blank)."""
    scan = syn.degrade(forms.pages[0], DPI, SCAN, np.random.default_rng(15))
    r = read_sheet(scan, forms.layout)
    assert r.thresholds.filled_level == DEFAULT_FILLED_LEVEL
    assert r.thresholds.empty < 0.05
    assert all(q.status == BLANK for q in r.questions)
    assert "no_answers" in r.issue_codes()


def test_one_dark_mark_among_light_ones(forms):
    """The dark mark neither raises the bar for the light ones nor reads as anything but the
    one answer of its question."""
    rng = np.random.default_rng(16)
    layout = forms.layout
    light = [syn.Mark(q, (q * 3) % 4, "solid") for q in range(2, layout.num_questions + 1)]
    img = syn.draw_marks(forms.pages[0], layout, light, DPI, rng, hand=0.35)
    img = syn.draw_marks(img, layout, [syn.Mark(1, 2, "solid")], DPI, rng, hand=1.0)
    r = read_sheet(syn.degrade(img, DPI, SCAN, rng), layout)
    assert (r.questions[0].status, r.questions[0].answer) == (SINGLE, ("3",))
    assert [q.answer for q in r.questions[1:]] == [
        (str((q * 3) % 4 + 1),) for q in range(2, layout.num_questions + 1)]
    assert all(q.status == SINGLE for q in r.questions)


def test_one_light_mark_among_dark_ones_goes_to_a_person(forms):
    """Never guess: on a firm sheet a mark a third as dark is in between, so it is doubtful."""
    rng = np.random.default_rng(17)
    layout = forms.layout
    firm = [syn.Mark(q, q % 4, "solid") for q in range(2, layout.num_questions + 1)]
    img = syn.draw_marks(forms.pages[0], layout, firm, DPI, rng)
    img = syn.draw_marks(img, layout, [syn.Mark(1, 1, "solid")], DPI, rng, hand=0.3)
    r = read_sheet(syn.degrade(img, DPI, SCAN, rng), layout)
    assert r.questions[0].status == DOUBTFUL
    assert all(q.status == SINGLE for q in r.questions[1:])


def test_thresholds_follow_the_whole_distribution():
    """The issue's reproduction: 50 questions, one mark each, at a light level."""
    for level in (0.12, 0.25, 0.31, 0.55):
        fills = np.zeros((50, 4))
        fills[np.arange(50), np.arange(50) % 4] = level
        t = sheet_thresholds(fills)
        assert t.filled_level == pytest.approx(level)
        assert {d.status for d in decide_rows(fills, t)} == {SINGLE}


def test_too_few_or_too_faint_marks_fall_back_to_review_not_blank():
    """Two answers, or marks fainter than smudges can be told from: the fallback level holds,
    and the faint marks land in the uncertain band (doubtful), never silently blank."""
    two = np.zeros((50, 4))
    two[0, 1] = two[1, 2] = 0.5
    assert sheet_thresholds(two).filled_level == DEFAULT_FILLED_LEVEL
    assert [d.status for d in decide_rows(two, sheet_thresholds(two))][:3] == [
        SINGLE, SINGLE, BLANK]
    ghost = np.zeros((50, 4))
    ghost[np.arange(50), np.arange(50) % 4] = 0.05
    t = sheet_thresholds(ghost)
    assert t.filled_level == DEFAULT_FILLED_LEVEL
    assert {d.status for d in decide_rows(ghost, t)} == {DOUBTFUL}
