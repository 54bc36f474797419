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

from dataclasses import dataclass, field, replace

import numpy as np

from . import geometry
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
from .qr import decode_sheet_qr
from .sheet_code import SheetCode, SheetCodeError, parse_sheet_code

WORK_PX_PER_MM = 6.0  # ~152 dpi: enough for 4.6 mm bubbles, fast to process
WARP_PX_PER_MM = 6.0
INNER_DISC_RATIO = 0.68  # measure inside 68 % of the radius: clear of the printed outline
MAX_REPROJECTION_MM = 1.0

ERROR = "error"
WARNING = "warning"

__all__ = [
    "BLANK",
    "DOUBTFUL",
    "MULTIPLE",
    "SINGLE",
    "Issue",
    "NotOurFormError",
    "QuestionReading",
    "SheetReading",
    "read_sheet",
]


class NotOurFormError(ScanError):
    """No (or too few) corner markers: not an SCFN answer sheet, or badly cropped."""

    error_code = "markers_not_found"


@dataclass(frozen=True)
class Issue:
    code: str
    severity: str  # "error" (sheet cannot be graded as is) or "warning"
    message_ja: str
    message_en: str


@dataclass(frozen=True)
class QuestionReading:
    number: int
    status: str  # blank | single | multiple | doubtful
    answer: tuple[str, ...]  # labels read as marked (empty for blank; candidates if doubtful)
    fills: tuple[float, ...]  # raw inner-disc darkness per choice, for audit
    adjusted: tuple[float, ...]  # fills minus the sheet's blank level
    reason: str = ""


@dataclass
class SheetReading:
    layout: Layout
    questions: list[QuestionReading]
    thresholds: Thresholds
    qr_text: str | None
    sheet_code: SheetCode | None
    number_from_grid: str  # "" when nothing is marked; "?" marks an unreadable digit
    number_doubtful: bool
    trainee_number: str | None  # resolved number, None when it cannot be trusted
    issues: list[Issue] = field(default_factory=list)
    px_per_mm: float = WARP_PX_PER_MM  # resolution of ``warped``
    homography: np.ndarray | None = None  # page mm -> original image pixels
    upside_down: bool = False
    markers_found: tuple[int, ...] = ()
    _source: np.ndarray | None = field(default=None, repr=False)
    _source_homography: np.ndarray | None = field(default=None, repr=False)
    #: Storage behind :attr:`warped`.  Kept as an init argument only for code written
    #: before :meth:`with_page_image` existed; new code should use that method.
    _warped: np.ndarray | None = field(default=None, repr=False)

    @property
    def warped(self) -> np.ndarray | None:
        """Upright grey page at ``px_per_mm`` for crops and overlays, or None.

        For a fresh reading it is warped from the scan on first use (5-9 ms for a flatbed
        scan, ~15 ms with photo perspective), because only the review UI and the stored
        page image need it, not the reading itself.
        """
        if self._warped is None and self._source is not None:
            lay = self.layout
            self._warped = geometry.warp_region(
                self._source,
                self._source_homography,
                0.0,
                0.0,
                lay.page_width_mm,
                lay.page_height_mm,
                self.px_per_mm,
            )
        return self._warped

    def with_page_image(
        self, image: np.ndarray | None, px_per_mm: float | None = None
    ) -> SheetReading:
        """A copy of this reading whose :attr:`warped` page is ``image``.

        This is the supported way to rebuild a stored reading for review: construct the
        ``SheetReading`` from the saved fields, then attach the saved upright page (the
        image written from :attr:`warped` at scan time)::

            reading = SheetReading(layout=..., questions=..., ...).with_page_image(
                stored_page, px_per_mm=stored_px_per_mm
            )

        ``image`` must be a 2-D uint8 grey page at ``px_per_mm`` (default: this reading's
        ``px_per_mm``) covering the whole layout page; None means "no page image", and
        then :func:`~scfn_desktop.omr.overlay.crop_question` and ``draw_overlay`` raise.
        The original reading is not modified.
        """
        if image is not None and (image.ndim != 2 or image.dtype != np.uint8):
            raise ValueError(
                f"page image must be 2-D uint8 grey, got shape {image.shape} {image.dtype}"
            )
        return replace(
            self,
            issues=list(self.issues),
            px_per_mm=self.px_per_mm if px_per_mm is None else float(px_per_mm),
            _source=None,
            _source_homography=None,
            _warped=image,
        )

    @property
    def ok(self) -> bool:
        return not any(i.severity == ERROR for i in self.issues)

    @property
    def doubtful_questions(self) -> list[int]:
        return [q.number for q in self.questions if q.status == DOUBTFUL]

    def answers(self) -> dict[int, tuple[str, ...]]:
        return {q.number: q.answer for q in self.questions}

    def issue_codes(self) -> list[str]:
        return [i.code for i in self.issues]


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


def _issue(code: str, severity: str, ja: str, en: str) -> Issue:
    return Issue(code, severity, ja, en)


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
    both = geometry.measure(work, h_work, bg, d_scale / scale, np.vstack([q_xy, n_xy]), radius)
    fills = both[: len(q_xy)].reshape(layout.num_questions, layout.num_choices)
    n_fills = both[len(q_xy) :]

    base = blank_baseline(fills)
    adjusted = np.clip(fills - base[None, :], 0.0, None)
    t = sheet_thresholds(adjusted)
    n_adjusted = np.clip(n_fills - float(np.median(n_fills)), 0.0, None)

    questions = [
        QuestionReading(
            number=q.number,
            status=d.status,
            answer=tuple(q.choices[i].label for i in d.marked),
            fills=tuple(round(v, 4) for v in f_row),
            adjusted=tuple(round(v, 4) for v in a_row),
            reason=d.reason,
        )
        for q, d, f_row, a_row in zip(
            layout.questions,
            decide_rows(adjusted, t),
            fills.tolist(),
            adjusted.tolist(),
            strict=True,
        )
    ]

    number, number_doubtful = _read_number(n_adjusted, t, layout.number_digits)
    h_grey = np.diag([1 / scale, 1 / scale, 1.0]) @ h_work
    qr_text = decode_sheet_qr(work, h_work, grey, h_grey, layout)

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
        _source=work,
        _source_homography=h_work,
    )
    _cross_check(reading, expected_exam_id)
    return reading


def _is_upside_down(found: dict[int, np.ndarray], layout: Layout) -> bool:
    top = layout.markers[0].id
    bottom = layout.markers[3].id
    if top in found and bottom in found:
        return bool(found[top][:, 1].mean() > found[bottom][:, 1].mean())
    return False


def _cross_check(r: SheetReading, expected_exam_id: str | None) -> None:
    """Resolve the trainee number from QR and grid, and record every inconsistency."""
    issues = r.issues
    code: SheetCode | None = None
    if r.qr_text is None:
        issues.append(
            _issue(
                "qr_unreadable",
                WARNING,
                "QR コードを読み取れません。マーク欄の受講番号を使用します。",
                "QR code could not be read; using the trainee number from the bubble grid",
            )
        )
    else:
        try:
            code = parse_sheet_code(r.qr_text)
        except SheetCodeError as exc:
            issues.append(
                _issue(
                    "qr_foreign",
                    ERROR,
                    "QR コードが本システムのものではありません。",
                    f"QR code is not an SCFN sheet code: {exc}",
                )
            )
    r.sheet_code = code
    if code is not None and code.layout_fingerprint != r.layout.fingerprint:
        issues.append(
            _issue(
                "layout_mismatch",
                ERROR,
                "この用紙は別の試験形式用に印刷されたものです。",
                f"sheet was printed for another layout ({code.layout_fingerprint}, "
                f"expected {r.layout.fingerprint})",
            )
        )
    if code is not None and expected_exam_id is not None and code.exam_id != expected_exam_id:
        issues.append(
            _issue(
                "exam_mismatch",
                ERROR,
                f"別の試験の用紙です（試験ID {code.exam_id}）。",
                f"sheet belongs to exam {code.exam_id}, expected {expected_exam_id}",
            )
        )

    qr_number = code.trainee_number if code is not None else ""
    grid = r.number_from_grid
    if r.number_doubtful:
        issues.append(
            _issue(
                "number_doubtful",
                WARNING if qr_number else ERROR,
                f"受講番号のマークが不明瞭です（読取: {grid}）。",
                f"trainee number bubbles are unclear (read: {grid})",
            )
        )
    if qr_number and grid and not r.number_doubtful and grid != qr_number:
        issues.append(
            _issue(
                "number_mismatch",
                ERROR,
                f"QR コードの受講番号 {qr_number} とマーク欄の番号 {grid} が一致しません。",
                f"QR trainee number {qr_number} differs from the bubble grid {grid}",
            )
        )
        r.trainee_number = None
    elif qr_number:
        r.trainee_number = qr_number
    elif grid and not r.number_doubtful:
        r.trainee_number = grid

    any_mark = any(q.status != BLANK for q in r.questions)
    if not any_mark and not qr_number and not grid:
        issues.append(
            _issue(
                "blank_form",
                ERROR,
                "白紙の用紙です（解答も受講番号もありません）。",
                "blank form: no answers and no trainee number",
            )
        )
    elif not any_mark:
        issues.append(
            _issue(
                "no_answers",
                WARNING,
                "解答のマークが1つもありません。",
                "no answer is marked on this sheet",
            )
        )
    if r.trainee_number is None and not any(
        i.code in ("number_mismatch", "number_doubtful") for i in issues
    ):
        issues.append(
            _issue(
                "number_missing",
                ERROR,
                "受講番号が読み取れません。",
                "no trainee number on this sheet",
            )
        )
