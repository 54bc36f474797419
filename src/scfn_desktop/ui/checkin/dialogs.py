"""The desk's dialogs: an event with its reason category and note (override, excused absence,
exclusion, leave early, absent, return), a check-in typed from the paper sheet, and the undo of
a mistaken event.

When the logged-in user's role does not allow the action (e.g. venue staff and an exclusion,
which is the secretariat's judgement), the dialog asks for the name and password of a user who
may: that person is recorded as having acted, at this desk.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.rules.attendance import OVERRIDE_REASONS
from scfn_desktop.rules.attendance_day import EXCUSED_REASONS, EventKind
from scfn_desktop.rules.dates import format_time
from scfn_desktop.services.attendance.events import EventRow

Pick = Callable[[str, str], str]


@dataclass(frozen=True)
class EventRequest:
    kind: EventKind
    reason: str
    note: str
    at: time | None  # a typed time (from paper), else now
    approver: str  # "" = the logged-in user acts
    approver_password: str


class EventDialog(QDialog):
    """Collects what one event needs; `request()` after it was accepted."""

    def __init__(self, kind: EventKind, who: str, *, pick: Pick, needs_approver: bool,
                 backfill: bool = False, default_time: time | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventDialog")
        self.kind = kind
        self.backfill = backfill
        self.setWindowTitle(self._title(kind, backfill))
        self.reasons: Mapping[str, tuple[str, str]] = {
            EventKind.OVERRIDE: OVERRIDE_REASONS, EventKind.EXCUSED: EXCUSED_REASONS}.get(kind, {})
        self.note_required = kind in (EventKind.OVERRIDE, EventKind.EXCLUDE)
        form = QFormLayout()
        heading = QLabel(who)
        heading.setObjectName("eventWho")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        form.addRow(heading)
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.addItem(self.tr("Choose…"), "")
        for key, (ja, en) in self.reasons.items():
            self.category.addItem(pick(ja, en), key)
        if self.reasons:
            form.addRow(self.tr("Reason category"), self.category)
        self.time = QTimeEdit()
        self.time.setObjectName("eventTime")
        self.time.setDisplayFormat("HH:mm")
        if default_time is not None:
            self.time.setTime(QTime(default_time.hour, default_time.minute))
        if backfill:
            form.addRow(self.tr("Time on the paper sheet"), self.time)
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("Required") if self.note_required
                                     else self.tr("Optional"))
        self.note.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        form.addRow(self.tr("Note"), self.note)
        self.approver = QLineEdit()
        self.approver.setObjectName("approver")
        self.approver_password = QLineEdit()
        self.approver_password.setObjectName("approverPassword")
        self.approver_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.needs_approver = needs_approver
        if needs_approver:
            hint = QLabel(self.tr("Your role may not record this. A user who may (the "
                                  "secretariat) enters their name and password:"))
            hint.setWordWrap(True)
            form.addRow(hint)
            form.addRow(self.tr("User name"), self.approver)
            form.addRow(self.tr("Password"), self.approver_password)
        self.problem = QLabel()
        self.problem.setObjectName("dialogProblem")
        self.problem.setStyleSheet("color: #b71c1c;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _title(self, kind: EventKind, backfill: bool) -> str:
        if backfill:
            return self.tr("Check in from the paper sheet")
        return {
            EventKind.OVERRIDE: self.tr("Override: admit despite the lateness"),
            EventKind.LEAVE_EARLY: self.tr("Leave early"),
            EventKind.RETURN: self.tr("Return"),
            EventKind.ABSENT: self.tr("Absent"),
            EventKind.EXCUSED: self.tr("Excused absence (accepted by the secretariat)"),
            EventKind.EXCLUDE: self.tr("Exclusion (secretariat's judgement)"),
        }.get(kind, self.tr("Record"))

    def _accept(self) -> None:
        if self.reasons and not self.category.currentData():
            self.problem.setText(self.tr("Choose a reason category."))
            return
        if self.note_required and not self.note.toPlainText().strip():
            self.problem.setText(self.tr("Enter a note: it is required for this record."))
            return
        if self.needs_approver and not (self.approver.text().strip()
                                        and self.approver_password.text()):
            self.problem.setText(self.tr("Enter the name and password of a user who may "
                                         "record this."))
            return
        self.accept()

    def request(self) -> EventRequest:
        at = self.time.time()
        return EventRequest(
            kind=self.kind, reason=str(self.category.currentData() or ""),
            note=self.note.toPlainText().strip(),
            at=time(at.hour(), at.minute()) if self.backfill else None,
            approver=self.approver.text().strip() if self.needs_approver else "",
            approver_password=self.approver_password.text() if self.needs_approver else "")


class UndoDialog(QDialog):
    """Choose one of the trainee's events of the day to undo (the history keeps it)."""

    def __init__(self, who: str, history: Sequence[EventRow], *, pick: Pick,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoDialog")
        self.setWindowTitle(self.tr("Undo a mistaken record"))
        self.events = QListWidget()
        self.events.setObjectName("undoEvents")
        for e in history:
            if e.undone or e.kind is EventKind.UNDO:
                continue
            text = f"{format_time(e.at)}  {pick(e.label_ja, e.label_en)}  {e.station}  {e.actor}"
            item = QListWidgetItem(text + (f"  {e.note}" if e.note else ""))
            item.setData(256, e.id)
            self.events.addItem(item)
        if self.events.count():
            self.events.setCurrentRow(self.events.count() - 1)
        self.note = QLineEdit()
        self.note.setObjectName("undoNote")
        self.note.setPlaceholderText(self.tr("Why (e.g. wrong person selected)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(who))
        layout.addWidget(self.events)
        layout.addWidget(self.note)
        layout.addWidget(QLabel(self.tr("The record stays in the history, marked as undone.")))
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def chosen(self) -> int | None:
        item = self.events.currentItem()
        return int(item.data(256)) if item is not None else None
