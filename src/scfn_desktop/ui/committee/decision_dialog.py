"""Record a decision about one trainee (認定 / 不認定 / 保留), or amend one after the meeting
closed. The proposal is shown at the top; choosing an outcome that departs from it makes the
reason required (said on screen at once, and enforced by the service, whose refusal is shown
inside the dialog so nothing typed is lost)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.rules.proposal import CATEGORIES, OUTCOMES
from scfn_desktop.services.committee.views import Dossier, category_label
from scfn_desktop.ui.committee.common import STATE_COLOURS, ServiceDialog

#: submit(outcome, category, reason, awaiting, amendment_reason) -> the recorded decision
Submit = Callable[[str, str, str, str, str], object]


class DecisionDialog(ServiceDialog):
    def __init__(self, d: Dossier, submit: Submit, language: str, amending: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(language, parent, "decisionError")
        self.setObjectName("decisionDialog")
        self.dossier = d
        self.submit = submit
        self.amending = amending
        self.setWindowTitle(self.tr("Amend the decision") if amending
                            else self.tr("Record a decision"))
        p = d.proposal
        proposal = QLabel(f"{d.identity.trainee_number} {d.identity.name}\n"
                          + (p.reason_ja if language == "ja" else p.reason_en))
        proposal.setObjectName("proposalLabel")
        proposal.setWordWrap(True)
        proposal.setStyleSheet(f"QLabel {{ background: {STATE_COLOURS[p.status.value]}; "
                               "padding: 6px; }")
        self.outcomes = QButtonGroup(self)
        row = QHBoxLayout()
        self.buttons: dict[str, QRadioButton] = {}
        for key, (ja, en) in OUTCOMES.items():
            b = QRadioButton(ja if language == "ja" else en)
            b.setObjectName(f"outcome_{key}")
            self.outcomes.addButton(b)
            self.buttons[key] = b
            row.addWidget(b)
            b.toggled.connect(self._update)
        row.addStretch(1)
        self.category = QComboBox()
        self.category.setObjectName("categoryCombo")
        for key in CATEGORIES:
            self.category.addItem(category_label(key, language), key)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reasonEdit")
        self.reason.setPlaceholderText(self.tr("Why (required for 不認定 and whenever the "
                                               "decision departs from the proposal)"))
        self.reason.setFixedHeight(90)
        self.awaiting = QLineEdit()
        self.awaiting.setObjectName("awaitingEdit")
        self.awaiting.setPlaceholderText(self.tr("e.g. the attendance record of day 2"))
        self.amendment = QLineEdit()
        self.amendment.setObjectName("amendmentEdit")
        self.amendment.setPlaceholderText(self.tr("Why the closed meeting's decision changes"))
        self.hint = QLabel()
        self.hint.setObjectName("againstHint")
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Decision:"), row)
        form.addRow(self.tr("Reason category:"), self.category)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Awaiting:"), self.awaiting)
        if amending:
            form.addRow(self.tr("Reason for the amendment:"), self.amendment)
        box = self.ok_cancel()
        self.ok_button = box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("decisionOk")
        layout = QVBoxLayout(self)
        layout.addWidget(proposal)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(box)
        self._preselect()
        self.resize(640, self.sizeHint().height())

    def _preselect(self) -> None:
        """Start from the proposal (or the decision being amended)."""
        current = self.dossier.decision if self.amending else None
        outcome = current.outcome if current else self.dossier.proposal.suggested_outcome.value
        self.buttons[outcome].setChecked(True)
        category = (current.category if current else self.dossier.proposal.category) or ""
        index = self.category.findData(category)
        if index >= 0:
            self.category.setCurrentIndex(index)
        if current is not None:
            self.reason.setPlainText(current.reason)
            self.awaiting.setText(current.awaiting)
        self._update()

    def outcome(self) -> str:
        return next(k for k, b in self.buttons.items() if b.isChecked())

    def choose(self, outcome: str) -> None:
        self.buttons[outcome].setChecked(True)

    def _update(self) -> None:
        if not any(b.isChecked() for b in self.buttons.values()):
            return
        outcome = self.outcome()
        self.category.setEnabled(outcome == "not_certified")
        self.awaiting.setEnabled(outcome == "deferred")
        if self.dossier.proposal.agrees_with(outcome):
            self.hint.setText(self.tr("This follows the proposal."))
            self.hint.setStyleSheet("")
        else:
            self.hint.setText(self.tr("This departs from the proposal: write the reason."))
            self.hint.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")

    def call(self) -> object:
        outcome = self.outcome()
        category = self.category.currentData() if outcome == "not_certified" else ""
        awaiting = self.awaiting.text() if outcome == "deferred" else ""
        return self.submit(outcome, category or "", self.reason.toPlainText(), awaiting,
                           self.amendment.text())
