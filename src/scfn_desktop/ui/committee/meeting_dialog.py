"""Open a meeting (date, place or online, members present), or change the members present of
an open one. The chair is chosen per row; the service checks there is exactly one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.ui.committee.common import ServiceDialog

Member = tuple[str, str]


class MeetingDialog(ServiceDialog):
    """`submit(held_on, place, online, members)` opens the meeting (or, with ``members_only``,
    `submit(members)` replaces the members present) and returns the meeting, or raises."""

    def __init__(self, submit: Callable[..., object], language: str,
                 members: Sequence[Member] = (), members_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(language, parent, "meetingError")
        self.setObjectName("meetingDialog")
        self.submit = submit
        self.members_only = members_only
        self.setWindowTitle(self.tr("Members present") if members_only
                            else self.tr("Open a committee meeting"))
        self.held_on = QDateEdit(QDate.currentDate())
        self.held_on.setObjectName("meetingDate")
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.place = QLineEdit()
        self.place.setObjectName("meetingPlace")
        self.place.setPlaceholderText(self.tr("e.g. 出入国在留管理庁 会議室"))
        self.online = QCheckBox(self.tr("Online"))
        self.online.setObjectName("meetingOnline")
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("membersTable")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        for name, role in members or [("", "chair"), ("", "member")]:
            self.add_member(name, role)
        add = QPushButton(self.tr("Add member"))
        add.setObjectName("addMember")
        add.clicked.connect(lambda: self.add_member("", "member"))
        remove = QPushButton(self.tr("Remove member"))
        remove.clicked.connect(self._remove)
        form = QFormLayout()
        if not members_only:
            form.addRow(self.tr("Date:"), self.held_on)
            place_row = QHBoxLayout()
            place_row.addWidget(self.place, 1)
            place_row.addWidget(self.online)
            form.addRow(self.tr("Place:"), place_row)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        buttons_row.addStretch(1)
        box = self.ok_cancel()
        box.button(QDialogButtonBox.StandardButton.Ok).setObjectName("meetingOk")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons_row)
        layout.addWidget(self.error)
        layout.addWidget(box)
        self.resize(560, 420)

    def add_member(self, name: str, role: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        combo = QComboBox()
        combo.addItem(self.tr("Chair"), "chair")
        combo.addItem(self.tr("Member"), "member")
        combo.setCurrentIndex(0 if role == "chair" else 1)
        self.table.setCellWidget(row, 1, combo)

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def members(self) -> list[Member]:
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            combo = self.table.cellWidget(row, 1)
            out.append((item.text() if item else "", combo.currentData()))  # type: ignore[union-attr]
        return out

    def call(self) -> object:
        if self.members_only:
            return self.submit(self.members())
        q = self.held_on.date()
        return self.submit(date(q.year(), q.month(), q.day()), self.place.text(),
                           self.online.isChecked(), self.members())
