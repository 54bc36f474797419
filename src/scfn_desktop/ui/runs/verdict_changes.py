"""Asks before a schedule change re-judges check-ins: lists every trainee whose verdict would
change (day, arrival time, before → after), from services.attendance.rejudge. Nothing is
re-judged silently: Cancel keeps the old schedule."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.rules.dates import format_time
from scfn_desktop.services.attendance.board import STATUS_LABELS
from scfn_desktop.services.attendance.rejudge import VerdictChange


class VerdictChangesDialog(QDialog):
    def __init__(self, changes: Sequence[VerdictChange], pick: Callable[[str, str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictChangesDialog")
        self.setWindowTitle(self.tr("Check-in verdicts would change"))
        intro = QLabel(self.tr("Check-ins have begun. With the new schedule the verdict of "
                               "%n trainee(s) changes. Save and re-judge them?", "",
                               len(changes)))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(changes), 5)
        self.table.setObjectName("verdictChanges")
        self.table.setHorizontalHeaderLabels([
            self.tr("Trainee"), self.tr("Day"), self.tr("Arrived"), self.tr("Now"),
            self.tr("After the change")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, c in enumerate(changes):
            values = (f"{c.number} {c.name}", str(c.day_number),
                      format_time(c.arrived_at) if c.arrived_at else "",
                      pick(*STATUS_LABELS[c.before]), pick(*STATUS_LABELS[c.after]))
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(pick(c.after_ja, c.after_en) if col == 4
                                else pick(c.before_ja, c.before_en))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(self.tr("Save and re-judge"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("applyScheduleChange")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)
