"""Search by name, kana, romaji or trainee number (for trainees without their badge) and the
actions on the chosen trainee: check in, leave early, return, absent, from the paper sheet,
excused absence, exclusion, undo.

A barcode scanner fired while the cursor is in the search box types a badge code there; such a
code is recognised on Enter and handled as a scan instead of searched for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.rules.attendance_day import DayVerdict
from scfn_desktop.rules.dates import format_time
from scfn_desktop.services.attendance.board import STATUS_SHORT
from scfn_desktop.services.attendance.desk import TraineeCard
from scfn_desktop.ui.widgets.row_table_model import RowTableModel
from scfn_desktop.ui.widgets.scan_field import normalise_input
from scfn_desktop.ui.widgets.search_field import search_field

_TOKEN = re.compile(r"[0-9A-Za-z\s-]{60,}")
ACTIONS = ("check_in", "leave_early", "return", "absent", "backfill", "excused", "exclude",
           "undo")


@dataclass(frozen=True)
class PanelRow:
    id: int
    number: str
    name: str
    kana: str
    status: str
    arrived: str


class PanelModel(RowTableModel[PanelRow]):
    columns = (
        (lambda: QCoreApplication.translate("TraineePanel", "No."), lambda r: r.number),
        (lambda: QCoreApplication.translate("TraineePanel", "Name"), lambda r: r.name),
        (lambda: QCoreApplication.translate("TraineePanel", "Status"), lambda r: r.status),
        (lambda: QCoreApplication.translate("TraineePanel", "Arrived"), lambda r: r.arrived),
    )


class TraineePanel(QWidget):
    """`action(key, trainee_id)` for a button; `tokenTyped(code)` for a scan into the box."""

    action = Signal(str, int)
    tokenTyped = Signal(str)

    def __init__(self, pick: Callable[[str, str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pick = pick
        self.search_fn: Callable[[str], list[TraineeCard]] = lambda _q: []
        self.statuses: dict[int, DayVerdict] = {}
        self.search = search_field("deskSearch", self.tr("Name, kana, romaji or trainee number"),
                                   self.refresh)
        self.search.returnPressed.connect(self._enter)
        self.model = PanelModel(self)
        self.table = QTableView()
        self.table.setObjectName("deskTrainees")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Fixed widths from the font, not ResizeToContents: that mode re-measures every row on
        # each selection change, tens of milliseconds per verdict on a large roster.
        metrics = self.fontMetrics()
        statuses = [pick(*label) for label in STATUS_SHORT.values()]
        for column, sample in ((0, "00000000"), (1, "グエン\u3000ヴァン\u3000アン"),
                               (2, max(statuses, key=metrics.horizontalAdvance))):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.doubleClicked.connect(lambda _i: self._emit("check_in"))
        labels = {
            "check_in": self.tr("Check in"), "leave_early": self.tr("Leave early"),
            "return": self.tr("Return"), "absent": self.tr("Absent"),
            "backfill": self.tr("From paper…"), "excused": self.tr("Excused absence…"),
            "exclude": self.tr("Exclusion…"), "undo": self.tr("Undo…"),
        }
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for i, key in enumerate(ACTIONS):
            button = QPushButton(labels[key])
            button.setObjectName(f"action_{key}")
            button.clicked.connect(lambda _c=False, k=key: self._emit(k))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            grid.addWidget(button, i // 2, i % 2)
            self.buttons[key] = button
        title = QLabel(self.tr("Search (no badge)"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(grid)

    def _enter(self) -> None:
        text = normalise_input(self.search.text())
        if _TOKEN.fullmatch(text):
            self.search.clear()
            self.tokenTyped.emit(text)
        elif self.model.rowCount() == 1:
            self.table.selectRow(0)

    def refresh(self) -> None:
        """Re-run the search with the latest statuses, keeping the selection."""
        selected = self.selected_id()
        rows = []
        for card in self.search_fn(self.search.text()):
            verdict = self.statuses.get(card.id)
            status = self.pick(*STATUS_SHORT[verdict.status]) if verdict else ""
            arrived = format_time(verdict.check_in.at) if verdict and verdict.check_in else ""
            rows.append(PanelRow(card.id, card.number, card.name, card.kana, status, arrived))
        self.model.set_rows(rows)
        if selected is not None and (row := self.model.row_of_id(selected)) >= 0:
            self.table.selectRow(row)
        elif len(rows) == 1:
            self.table.selectRow(0)

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or not index.isValid():
            return None
        return self.model.data(index, Qt.ItemDataRole.UserRole)

    def select(self, trainee_id: int) -> bool:
        row = self.model.row_of_id(trainee_id)
        if row < 0:
            return False
        if self.selected_id() != trainee_id:
            self.table.selectRow(row)
        return True

    def _emit(self, key: str) -> None:
        trainee_id = self.selected_id()
        if trainee_id is not None:
            self.action.emit(key, trainee_id)
