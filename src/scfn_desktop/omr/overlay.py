"""Visual helpers for the review UI: crops of a question row and a colour overlay."""

from __future__ import annotations

import cv2
import numpy as np

from .classify import DOUBTFUL, MULTIPLE
from .read import SheetReading

GREEN = (40, 170, 40)
RED = (40, 40, 220)
ORANGE = (0, 150, 255)
BLUE = (200, 120, 0)


def _require_warped(reading: SheetReading) -> np.ndarray:
    if reading.warped is None:
        raise ValueError("reading has no warped image")
    return reading.warped


def crop_question(reading: SheetReading, number: int, margin_mm: float = 2.0) -> np.ndarray:
    """The upright row of one question (number + all bubbles) from the warped page."""
    warped = _require_warped(reading)
    q = reading.layout.question(number)
    ppm = reading.px_per_mm
    r = q.choices[0].r_mm
    x0 = q.label_x_mm - 4.0 - margin_mm
    x1 = q.choices[-1].x_mm + r + margin_mm
    y0 = q.label_y_mm - r - margin_mm
    y1 = q.label_y_mm + r + margin_mm
    h, w = warped.shape[:2]
    return warped[
        max(int(y0 * ppm), 0) : min(int(np.ceil(y1 * ppm)), h),
        max(int(x0 * ppm), 0) : min(int(np.ceil(x1 * ppm)), w),
    ].copy()


def draw_overlay(
    reading: SheetReading, answer_key: dict[int, str | tuple[str, ...]] | None = None
) -> np.ndarray:
    """BGR page with green (correct), red (wrong) and orange (doubtful, needs a human).

    Without an answer key, marked bubbles are blue.  Doubtful and multiple-mark rows get
    an orange frame so a reviewer's eye goes there first.
    """
    warped = _require_warped(reading)
    img = cv2.cvtColor(warped, cv2.COLOR_GRAY2BGR)
    ppm = reading.px_per_mm
    layout = reading.layout

    def circle(x_mm: float, y_mm: float, r_mm: float, colour: tuple[int, int, int]) -> None:
        cv2.circle(
            img, (int(x_mm * ppm), int(y_mm * ppm)), int((r_mm + 0.6) * ppm), colour, 2, cv2.LINE_AA
        )

    for qr in reading.questions:
        q = layout.question(qr.number)
        key = None if answer_key is None else answer_key.get(qr.number)
        correct = {key} if isinstance(key, str) else set(key or ())
        for b in q.choices:
            if b.label in qr.answer:
                if qr.status == DOUBTFUL:
                    colour = ORANGE
                elif answer_key is None:
                    colour = BLUE
                else:
                    colour = GREEN if (b.label in correct and qr.status != MULTIPLE) else RED
                circle(b.x_mm, b.y_mm, b.r_mm, colour)
            elif b.label in correct and qr.status != DOUBTFUL:
                cv2.circle(
                    img,
                    (int(b.x_mm * ppm), int(b.y_mm * ppm)),
                    int((b.r_mm + 0.6) * ppm),
                    GREEN,
                    1,
                    cv2.LINE_AA,
                )
        if qr.status in (DOUBTFUL, MULTIPLE):
            r = q.choices[0].r_mm + 1.0
            cv2.rectangle(
                img,
                (int((q.label_x_mm - 4) * ppm), int((q.label_y_mm - r) * ppm)),
                (int((q.choices[-1].x_mm + r) * ppm), int((q.label_y_mm + r) * ppm)),
                ORANGE,
                2,
            )
    digits = reading.number_from_grid
    for col in layout.trainee_number:
        ch = digits[col.position] if col.position < len(digits) else ""
        for b in col.bubbles:
            if b.label == ch:
                circle(b.x_mm, b.y_mm, b.r_mm, ORANGE if reading.number_doubtful else BLUE)
    return img
