"""The whole scanned sheet with the detected marks drawn on it (green correct, red wrong,
orange doubtful or decided by a person), scrollable and zoomable by fit-to-width."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from scfn_desktop.services.exam_results import overlay_image
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.widgets.exam_common import to_pixmap


class SheetView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sheet_id: int | None = None
        self.legend = QLabel(self.tr(
            "<span style='color:#28aa28'>■</span> correct　"
            "<span style='color:#dc2828'>■</span> wrong　"
            "<span style='color:#ff9600'>■</span> doubtful or decided by a person"))
        self.image = QLabel()
        self.image.setObjectName("sheetImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.legend)
        layout.addWidget(self.scroll, 1)

    def show_sheet(self, sheet_id: int, focus_y_mm: float | None = None) -> None:
        self.sheet_id = sheet_id
        pix = to_pixmap(overlay_image(self.ctx.db, sheet_id))
        width = max(self.scroll.viewport().width() - 4, 400)
        scaled = pix.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        self.image.setPixmap(scaled)
        if focus_y_mm is not None:
            y = int(focus_y_mm / 297.0 * scaled.height())
            self.scroll.verticalScrollBar().setValue(max(0, y - self.scroll.height() // 2))
