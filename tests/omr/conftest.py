"""Shared synthetic sheets for the OMR tests, rendered once per session at 200 dpi."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from scfn_desktop.omr import synthetic as syn
from scfn_desktop.omr.layout import Layout, build_layout
from scfn_desktop.printing.answer_sheets import (
    ExamInfo,
    SheetTrainee,
    rasterize_pdf,
    render_answer_sheets_bytes,
)

DPI = 200.0  # also used by the tests via conftest.DPI
EXAM = ExamInfo("R7-01", "修了認定テスト", "令和7年度 第1期")
TRAINEES = [
    SheetTrainee("20250001", "山田 太郎", "YAMADA Taro"),
    SheetTrainee("20250002", "グエン・ヴァン・アン", "NGUYEN Van An"),
]


@dataclass
class Forms:
    layout: Layout
    pages: list[np.ndarray]  # [trainee 1, trainee 2, blank spare]


@pytest.fixture(scope="session")
def forms() -> Forms:
    layout = build_layout(30, 4)
    pdf = render_answer_sheets_bytes(layout, EXAM, TRAINEES, blank=1)
    return Forms(layout, rasterize_pdf(pdf, DPI))


def _fill(
    forms: Forms, seed: int, realistic: bool = False, page: int = 0, extra=()
) -> tuple[np.ndarray, list[syn.QuestionTruth]]:
    """A filled upright page at DPI plus its ground truth."""
    rng = np.random.default_rng(seed)
    marks, truth = syn.plan_marks(forms.layout, rng, realistic=realistic)
    img = syn.draw_marks(forms.pages[page], forms.layout, [*marks, *extra], DPI, rng)
    return img, truth


@pytest.fixture(scope="session")
def fill():
    """fill(forms, seed, realistic=False, page=0, extra=()) -> (image, truth)."""
    return _fill
