"""What reading one sheet produces: per-question readings, issues, and the sheet reading.

Split from read.py (the pipeline) so the result types and the cross-checks can be used
without the image code, e.g. to rebuild a stored reading for review.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from . import geometry
from .align import Alignment
from .classify import DOUBTFUL, Thresholds
from .layout import Layout
from .sheet_code import SheetCode

WARP_PX_PER_MM = 6.0

ERROR = "error"
WARNING = "warning"


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
    #: How far the local alignment moved the bubbles (None for readings rebuilt from
    #: storage that predate it).
    alignment: Alignment | None = None
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
