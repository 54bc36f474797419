"""How dark each choice of a doubtful question is, as one small bar per choice.

The numbers alone do not tell a reviewer why the machine hesitated; the bar does when it shows
the sheet's own two thresholds: above the "mark" line a bubble counts as filled, below the
"empty" line as empty, and between them (orange) nobody can say without looking — a light
tick, a half erasure. The values are the reader's `adjusted` darkness (print baseline removed).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

CELL_W, MIN_CELL_W, BAR_H, CELL_H = 104, 70, 10, 38
FILLED, DOUBTFUL, EMPTY = QColor("#2d2d2d"), QColor("#f08c00"), QColor("#b8b8b8")


class FillBars(QWidget):
    """Labels, values and thresholds in; a row of bars out (nothing to click)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fillBars")
        self.labels = ""
        self.values: tuple[float, ...] = ()
        self.marked: frozenset[str] = frozenset()
        self.mark_level: float | None = None
        self.empty_level: float | None = None
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_values(self, labels: str, values: Sequence[float], marked: Sequence[str] = (),
                   mark_level: float | None = None, empty_level: float | None = None) -> None:
        self.labels, self.values = labels, tuple(values)
        self.marked = frozenset(marked)
        self.mark_level, self.empty_level = mark_level, empty_level
        self.setToolTip(self.tr("Darkness of each choice (0 = white, 1 = black). Above the "
                                "upper line: filled; below the lower line: empty; between "
                                "(orange): needs a person."))
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.set_values("", ())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(max(1, len(self.values)) * CELL_W, CELL_H)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(max(1, len(self.values)) * MIN_CELL_W, CELL_H)

    def colour(self, value: float) -> QColor:
        if self.mark_level is not None and value >= self.mark_level:
            return FILLED
        if self.empty_level is not None and value >= self.empty_level:
            return DOUBTFUL
        return EMPTY if self.mark_level is not None else FILLED

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        if not self.values:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold = QFont(self.font())
        bold.setBold(True)
        text_colour = self.palette().windowText().color()
        cell = max(MIN_CELL_W, min(CELL_W, self.width() // len(self.values)))
        bar_w = cell - 18
        for i, (label, value) in enumerate(zip(self.labels, self.values, strict=False)):
            x = i * cell
            painter.setFont(bold if label in self.marked else self.font())
            painter.setPen(text_colour)
            painter.drawText(QRectF(x, 0, cell - 8, 18),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"{label}   {value:.2f}")
            bar = QRectF(x, 22, bar_w, BAR_H)
            painter.setPen(QPen(QColor("#8a8a8a"), 1))
            painter.setBrush(QColor("#ffffff"))
            painter.drawRect(bar)
            filled = QRectF(bar.x(), bar.y(), bar_w * max(0.0, min(1.0, value)), BAR_H)
            painter.fillRect(filled, self.colour(value))
            painter.setPen(QPen(QColor("#1e64e6"), 1.5))
            for level in (self.empty_level, self.mark_level):
                if level is not None:
                    lx = bar.x() + bar_w * max(0.0, min(1.0, level))
                    painter.drawLine(QPointF(lx, bar.y() - 3), QPointF(lx, bar.bottom() + 3))
        painter.end()
