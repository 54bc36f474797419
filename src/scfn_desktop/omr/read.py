"""Reading one scanned answer sheet: markers -> homography -> bubble fills -> decisions.

Pipeline (see docs/omr.md for the reasoning and docs/benchmarks.md for the numbers):

1. Halve the scan with ``cv2.pyrDown`` to a *work* image (4.5-9 px/mm) and once more to
   a *detection* image; nothing ever runs on the full-resolution page except the last
   QR fallbacks.
2. Detect the four ArUco corner markers on the detection image (escalating only when one
   is missed).  Their ids say which corner is which, so a page scanned upside down or
   photographed at an angle maps correctly without special cases.
3. Fit a homography page-mm -> work image from all marker corners.  The page is *not*
   warped: only the sample points and the QR crop go through the homography.
4. Divide by an estimate of the paper background to cancel shadows and uneven light.
5. Measure the mean darkness of each bubble's inner disc (the printed outline is outside
   it) with one ``cv2.remap`` for all bubbles, subtract the sheet's blank-bubble level and
   classify with thresholds adapted to the sheet (:mod:`.classify`).
6. Decode the QR code (:mod:`.qr`) and the trainee-number grid and cross-check them.

The upright page image for the review UI (:attr:`SheetReading.warped`) is produced only
when somebody asks for it.
"""

from __future__ import annotations

import numpy as np

from . import align, geometry
from .checks import alignment_issue, cross_check
from .classify import (
    BLANK,
    DOUBTFUL,
    MULTIPLE,
    SINGLE,
    Thresholds,
    blank_baseline,
    decide_rows,
    sheet_thresholds,
)
from .images import ScanError
from .layout import Layout
from .qr import decode_sheet_qr, find_code_anywhere
from .reading import (
    ERROR,
    WARNING,
    WARP_PX_PER_MM,
    Issue,
    QuestionReading,
    SheetReading,
)

WORK_PX_PER_MM = 6.0  # ~152 dpi: enough for 4.6 mm bubbles, fast to process
INNER_DISC_RATIO = 0.68  # measure inside 68 % of the radius: clear of the printed outline
MAX_REPROJECTION_MM = 1.0
#: Why a question is doubtful when the local alignment could not find its row.
UNCONFIRMED_REASON = "bubble position could not be confirmed (curled or distorted sheet?)"

__all__ = [
    "BLANK",
    "DOUBTFUL",
    "ERROR",
    "MULTIPLE",
    "SINGLE",
    "WARNING",
    "WARP_PX_PER_MM",
    "Issue",
    "NotOurFormError",
    "QuestionReading",
    "SheetReading",
    "read_sheet",
]


class NotOurFormError(ScanError):
    """No (or too few) corner markers: not an SCFN answer sheet, or badly cropped."""

    error_code = "markers_not_found"


def _read_number(adjusted: np.ndarray, t: Thresholds, digits: int) -> tuple[str, bool]:
    """Digits from the grid (digit columns x 10); returns (number, doubtful)."""
    out, doubtful, empty_cols = [], False, 0
    for d in decide_rows(adjusted.reshape(digits, 10), t):
        if d.status == SINGLE:
            out.append(str(d.marked[0]))
        elif d.status == BLANK:
            out.append("?")
            empty_cols += 1
        else:
            out.append("?")
            doubtful = True
    if empty_cols == digits and not doubtful:
        return "", False
    number = "".join(out)
    return number, doubtful or "?" in number


def read_sheet(
    image: np.ndarray, layout: Layout, expected_exam_id: str | None = None
) -> SheetReading:
    """Read one page.  Raises NotOurFormError when the markers cannot be found.

    Everything else (blank form, QR/number disagreement, foreign QR, doubtful marks) is
    reported in ``SheetReading.issues`` and per-question statuses, so the UI can show the
    page to a human instead of losing it.
    """
    from .images import to_grey

    grey = to_grey(image)
    work, scale, detect, d_scale = geometry.pyramid(grey)
    found = geometry.find_markers(detect, work, scale / d_scale, layout)
    if len(found) < 3:
        raise NotOurFormError(
            "用紙の四隅のマーカーが見つかりません。本システムの解答用紙でないか、"
            "端が切れています。",
            f"corner markers not found ({len(found)} of 4): not an SCFN answer sheet, "
            "or the page is cropped",
        )
    h_work, err_mm = geometry.homography(found, layout)
    if err_mm > MAX_REPROJECTION_MM * (3 if len(found) == 3 else 1):
        raise NotOurFormError(
            "マーカーの位置関係が解答用紙と一致しません。",
            f"corner markers are inconsistent with the sheet layout (error {err_mm:.1f} mm)",
        )

    work_ppm = max(grey.shape) / 297.0 * scale
    bg = geometry.background(detect, work_ppm * d_scale / scale)
    radius = INNER_DISC_RATIO * layout.questions[0].choices[0].r_mm
    q_xy = np.array([(b.x_mm, b.y_mm) for q in layout.questions for b in q.choices], np.float32)
    n_xy = np.array(
        [(b.x_mm, b.y_mm) for c in layout.trainee_number for b in c.bubbles], np.float32
    )
    shift, unconfirmed, alignment = align.refine(work, h_work, layout)
    centres = np.vstack([q_xy, n_xy]) + shift
    both = geometry.measure(work, h_work, bg, d_scale / scale, centres, radius)
    fills = both[: len(q_xy)].reshape(layout.num_questions, layout.num_choices)
    n_fills = both[len(q_xy) :]
    q_unconfirmed = unconfirmed[: len(q_xy)].reshape(fills.shape).any(axis=1).tolist()

    base = blank_baseline(fills)
    adjusted = np.clip(fills - base[None, :], 0.0, None)
    t = sheet_thresholds(adjusted)
    n_adjusted = np.clip(n_fills - float(np.median(n_fills)), 0.0, None)

    questions = [
        QuestionReading(
            number=q.number,
            status=DOUBTFUL if lost else d.status,
            answer=tuple(q.choices[i].label for i in d.marked),
            fills=tuple(round(v, 4) for v in f_row),
            adjusted=tuple(round(v, 4) for v in a_row),
            reason=UNCONFIRMED_REASON if lost else d.reason,
        )
        for q, d, f_row, a_row, lost in zip(
            layout.questions,
            decide_rows(adjusted, t),
            fills.tolist(),
            adjusted.tolist(),
            q_unconfirmed,
            strict=True,
        )
    ]

    number, number_doubtful = _read_number(n_adjusted, t, layout.number_digits)
    number_doubtful = number_doubtful or bool(unconfirmed[len(q_xy) :].any())
    h_grey = np.diag([1 / scale, 1 / scale, 1.0]) @ h_work
    qr_text = decode_sheet_qr(work, h_work, grey, h_grey, layout) or find_code_anywhere(work)

    reading = SheetReading(
        layout=layout,
        questions=questions,
        thresholds=t,
        qr_text=qr_text,
        sheet_code=None,
        number_from_grid=number,
        number_doubtful=number_doubtful,
        trainee_number=None,
        homography=h_grey,
        upside_down=_is_upside_down(found, layout),
        markers_found=tuple(sorted(found)),
        alignment=alignment,
        _source=work,
        _source_homography=h_work,
    )
    if alignment.rows_failed:
        reading.issues.append(alignment_issue(alignment))
    cross_check(reading, expected_exam_id)
    return reading


def _is_upside_down(found: dict[int, np.ndarray], layout: Layout) -> bool:
    top = layout.markers[0].id
    bottom = layout.markers[3].id
    if top in found and bottom in found:
        return bool(found[top][:, 1].mean() > found[bottom][:, 1].mean())
    return False
