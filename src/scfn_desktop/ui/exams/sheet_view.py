"""The whole scanned sheet with the detected marks drawn on it (green correct, red wrong,
orange doubtful or decided by a person), zoomable, and centred on the question under review.

The overlay is a full A4 page, far taller than the space beside the review queue, so the view
scrolls to put the current question's row in the middle and frames it in blue: orange frames
every doubtful row of the sheet, and the reviewer must see which one the keys act on. Fit to
width is recomputed when the view is resized (also when it is first shown, since a hidden
view has no size yet), and the row is centred again each time.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.exams.results import overlay_image
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.exams.common import to_pixmap

PAGE_W_MM, PAGE_H_MM = 210.0, 297.0
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)  # relative to "fit width"
FOCUS_COLOUR = QColor(30, 100, 230)

FocusRect = tuple[float, float, float, float]  # x0, y0, x1, y1 in mm on the page


class _SheetScroll(QScrollArea):
    """Ctrl + wheel zooms (as in viewers); plain wheel scrolls."""

    def __init__(self, view: SheetView) -> None:
        super().__init__()
        self._view = view

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt API)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._view.zoom_by(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
        else:
            super().wheelEvent(event)


class SheetView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sheet_id: int | None = None
        self.focus_y_mm: float | None = None
        self.focus_rect: FocusRect | None = None
        self.zoom_index = ZOOMS.index(1.0)
        self._page: QPixmap | None = None
        self._rendered_width = 0
        self.legend = QLabel(self.tr(
            "<span style='color:#28aa28'>■</span> correct　"
            "<span style='color:#dc2828'>■</span> wrong　"
            "<span style='color:#ff9600'>■</span> doubtful or decided by a person"))
        self.focus_legend = QLabel(self.tr("<span style='color:#1e64e6'>▶</span> "
                                           "current question"))
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        buttons = []
        for text, tip, slot in (("−", self.tr("Zoom out (Ctrl + wheel)"), lambda: self.zoom_by(-1)),
                                ("＋", self.tr("Zoom in (Ctrl + wheel)"), lambda: self.zoom_by(1)),
                                (self.tr("Fit width"), self.tr("Fit the page width"),
                                 self.fit_width)):
            b = QPushButton(text)
            b.setToolTip(tip)
            if len(text) == 1:
                b.setFixedWidth(32)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the review keys stay with the page
            b.clicked.connect(slot)
            buttons.append(b)
        self.image = QLabel()
        self.image.setObjectName("sheetImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.scroll = _SheetScroll(self)
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bar = QHBoxLayout()
        bar.addWidget(self.legend)
        bar.addWidget(self.focus_legend)
        bar.addStretch(1)
        bar.addWidget(self.zoom_label)
        for b in buttons:
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self._update_zoom_label()

    # --- public -------------------------------------------------------------------------------
    def show_sheet(self, sheet_id: int, focus_y_mm: float | None = None,
                   focus_rect: FocusRect | None = None) -> None:
        """Show a sheet, centred on `focus_rect` (framed) or on the height `focus_y_mm`."""
        self.sheet_id = sheet_id
        self.focus_rect = focus_rect
        self.focus_y_mm = ((focus_rect[1] + focus_rect[3]) / 2 if focus_rect is not None
                           else focus_y_mm)
        self._page = to_pixmap(overlay_image(self.ctx.db, sheet_id))
        self._render()

    def clear(self) -> None:
        self.sheet_id, self._page, self.focus_rect, self.focus_y_mm = None, None, None, None
        self.image.clear()
        self.image.resize(0, 0)

    def zoom(self) -> float:
        return ZOOMS[self.zoom_index]

    def zoom_by(self, steps: int) -> None:
        self.zoom_index = max(0, min(len(ZOOMS) - 1, self.zoom_index + steps))
        self._update_zoom_label()
        self._render()

    def fit_width(self) -> None:
        self.zoom_index = ZOOMS.index(1.0)
        self._update_zoom_label()
        self._render()

    def focus_point(self) -> tuple[int, int] | None:
        """The focus in image pixels (what the view centres on), for tests and docs."""
        if self.focus_y_mm is None or self.image.pixmap().isNull():
            return None
        w, h = self.image.width(), self.image.height()
        x_mm = ((self.focus_rect[0] + self.focus_rect[2]) / 2 if self.focus_rect
                else PAGE_W_MM / 2)
        return round(x_mm / PAGE_W_MM * w), round(self.focus_y_mm / PAGE_H_MM * h)

    # --- drawing ------------------------------------------------------------------------------
    def _fit_width_px(self) -> int:
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        return max(self.scroll.width() - 2 * self.scroll.frameWidth() - bar - 2, 200)

    def _render(self) -> None:
        if self._page is None:
            return
        self._rendered_width = self._fit_width_px()
        self.scroll.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if self.zoom() <= 1.0
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        width = round(self._rendered_width * self.zoom())
        scaled = self._page.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        if self.focus_rect is not None:
            self._draw_focus(scaled)
        self.image.setPixmap(scaled)
        self.image.resize(scaled.size())
        self._centre()

    def _draw_focus(self, pix: QPixmap) -> None:
        sx, sy = pix.width() / PAGE_W_MM, pix.height() / PAGE_H_MM
        x0, y0, x1, y1 = self.focus_rect  # type: ignore[misc]
        rect = QRectF(x0 * sx, y0 * sy, (x1 - x0) * sx, (y1 - y0) * sy).adjusted(-3, -3, 3, 3)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(FOCUS_COLOUR)
        fill.setAlpha(40)
        painter.fillRect(rect, fill)
        painter.setPen(QPen(FOCUS_COLOUR, max(2.0, 0.5 * sx)))
        painter.drawRoundedRect(rect, 3, 3)
        # an arrow in the margin, visible even when zoomed out
        tip_x, mid_y, size = rect.left() - 4, rect.center().y(), max(8.0, 2.5 * sx)
        painter.setBrush(FOCUS_COLOUR)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon([QPointF(tip_x, mid_y), QPointF(tip_x - size, mid_y - size * 0.6),
                             QPointF(tip_x - size, mid_y + size * 0.6)])
        painter.end()

    def _centre(self) -> None:
        """Put the focus in the middle of the viewport (ranges set now: the scroll area
        would only update them on its next layout pass)."""
        point = self.focus_point()
        viewport = self.scroll.viewport()
        v, h = self.scroll.verticalScrollBar(), self.scroll.horizontalScrollBar()
        v.setRange(0, max(0, self.image.height() - viewport.height()))
        h.setRange(0, max(0, self.image.width() - viewport.width()))
        if point is None:
            v.setValue(0)
            return
        h.setValue(point[0] - viewport.width() // 2)
        v.setValue(point[1] - viewport.height() // 2)

    def _update_zoom_label(self) -> None:
        self.zoom_label.setText(self.tr("Zoom %1%").replace("%1", str(round(self.zoom() * 100))))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if self._page is not None and self._fit_width_px() != self._rendered_width:
            self._render()
