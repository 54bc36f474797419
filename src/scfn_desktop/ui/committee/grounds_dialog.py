"""Record the four 欠格事由 of one trainee as declared (申告) or as checked (確認): ① as a yes/no,
②-④ as the date that starts the 2-year window (or "sentence not yet over" for ② and ③), and
the evidence note a check needs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.rules.disqualification import GROUNDS, Grounds
from scfn_desktop.ui.committee.common import ServiceDialog


class _DatedGround(QWidget):
    """A ground with a date (and, for sentences, "not yet over")."""

    def __init__(self, pending_text: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.applies = QCheckBox(self.tr("Date:"))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setEnabled(False)
        self.applies.toggled.connect(self.day.setEnabled)
        self.pending = QCheckBox(pending_text) if pending_text else None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.applies)
        row.addWidget(self.day)
        if self.pending is not None:
            row.addWidget(self.pending)
            self.pending.toggled.connect(lambda on: self.applies.setEnabled(not on))
        row.addStretch(1)

    def value(self) -> date | None:
        if not self.applies.isChecked() or (self.pending and self.pending.isChecked()):
            return None
        q = self.day.date()
        return date(q.year(), q.month(), q.day())

    def is_pending(self) -> bool:
        return bool(self.pending and self.pending.isChecked())


class GroundsDialog(ServiceDialog):
    """`submit(kind, grounds, evidence)` records or raises the refusal (shown inside)."""

    def __init__(self, title: str, submit: Callable[[str, Grounds, str], object],
                 language: str, parent: QWidget | None = None) -> None:
        super().__init__(language, parent, "groundsError")
        self.setObjectName("groundsDialog")
        self.setWindowTitle(self.tr("Disqualification grounds: %1").replace("%1", title))
        self.submit = submit
        self.declared = QRadioButton(self.tr("As declared by the trainee"))
        self.checked = QRadioButton(self.tr("As checked by the committee"))
        self.checked.setObjectName("groundsChecked")
        self.checked.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.declared)
        kinds.addButton(self.checked)
        self.mental = QCheckBox(self.tr("applies"))
        self.mental.setObjectName("groundMental")
        pending = self.tr("sentence not yet over")
        self.immigration = _DatedGround(pending)
        self.imprisonment = _DatedGround(pending)
        self.revoked = _DatedGround(None)
        self.evidence = QPlainTextEdit()
        self.evidence.setObjectName("groundsEvidence")
        self.evidence.setPlaceholderText(self.tr("What was looked at (required for a check), "
                                                 "e.g. 誓約書, 本人確認書類"))
        self.evidence.setFixedHeight(70)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.declared)
        kind_row.addWidget(self.checked)
        kind_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Record:"), kind_row)
        texts = [ja if language == "ja" else en for ja, en in GROUNDS.values()]
        for text, widget in zip(texts, (self.mental, self.immigration, self.imprisonment,
                                        self.revoked), strict=True):
            label = QLabel(text)
            label.setWordWrap(True)
            form.addRow(label)
            form.addRow("", widget)
        form.addRow(self.tr("Evidence:"), self.evidence)
        note = QLabel(self.tr("For ②-④ give the day the sentence was served or ceased to be "
                              "enforceable, or the day of revocation: the ground applies for two "
                              "years from it."))
        note.setWordWrap(True)
        box = self.ok_cancel()
        box.button(QDialogButtonBox.StandardButton.Ok).setObjectName("groundsOk")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(box)
        self.resize(680, self.sizeHint().height())

    def grounds(self) -> Grounds:
        return Grounds(mental_impairment=self.mental.isChecked(),
                       immigration_penalty_ended_on=self.immigration.value(),
                       immigration_penalty_pending=self.immigration.is_pending(),
                       imprisonment_ended_on=self.imprisonment.value(),
                       imprisonment_pending=self.imprisonment.is_pending(),
                       revoked_on=self.revoked.value())

    def call(self) -> object:
        kind = "checked" if self.checked.isChecked() else "declared"
        return self.submit(kind, self.grounds(), self.evidence.toPlainText())
