"""The pieces of a big verdict block (the check-in desk's answer, the verify page's answer):
labels scaled up to be read from a distance, and the block's colours set through the palette
(a style sheet would be re-parsed and every child re-polished on each scan)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget


def big_label(name: str, scale: float, bold: bool = False) -> QLabel:
    """A word-wrapped, selectable label with its font scaled by `scale`."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)
    return label


def paint(widget: QWidget, background: str, foreground: str) -> None:
    """Fill `widget` (with autoFillBackground on) and colour its text."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(background))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(foreground))
    widget.setPalette(palette)
