"""The top row of a page: its title, large and bold, and the page's main buttons on the right.
One piece, so every page's heading looks the same."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget


def page_header(title: str, *widgets: QWidget) -> QHBoxLayout:
    label = QLabel(title)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    row = QHBoxLayout()
    row.addWidget(label)
    row.addStretch(1)
    for widget in widgets:
        row.addWidget(widget)
    return row
