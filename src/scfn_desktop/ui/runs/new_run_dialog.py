"""Create a training run: its settings and venue days in one step (one transaction in
`services.runs.training_runs.create_run`). A refusal is listed inside the dialog, which stays
open with everything typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.runs.training_runs import RunRow
from scfn_desktop.services.runs.validation import DaySpec
from scfn_desktop.ui.messages import error_text
from scfn_desktop.ui.runs.run_form import RunSettings, RunSettingsForm
from scfn_desktop.ui.runs.venue_days import VenueDaysEditor

ERROR_STYLE = "QLabel { color: #b00020; }"

Submit = Callable[[RunSettings, list[DaySpec]], RunRow]


def next_term(runs: Sequence[RunRow], fiscal_year: int) -> int:
    return max((r.term for r in runs if r.fiscal_year == fiscal_year), default=0) + 1


class NewRunDialog(QDialog):
    """`submit(settings, days)` creates the run or raises the service's refusal."""

    def __init__(self, runs: Sequence[RunRow], submit: Submit, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newRunDialog")
        self.setWindowTitle(self.tr("New training run"))
        self.submit = submit
        self.language = language
        self.runs = list(runs)
        self.result_value: RunRow | None = None
        self.form = RunSettingsForm()
        self.form.term.setValue(next_term(self.runs, self.form.fiscal_year.value()))
        if self.runs:
            self.form.venue.setText(self.runs[0].venue)
        self.form.fiscal_year.valueChanged.connect(
            lambda year: self.form.term.setValue(next_term(self.runs, year)))
        self.days = VenueDaysEditor()
        self.error = QLabel()
        self.error.setObjectName("newRunError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        settings_box = QGroupBox(self.tr("Training run"))
        QVBoxLayout(settings_box).addWidget(self.form)
        days_box = QGroupBox(self.tr("Venue session days"))
        QVBoxLayout(days_box).addWidget(self.days)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("createRunButton")
        self.ok_button.setText(self.tr("Create"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(settings_box)
        layout.addWidget(days_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())

    def try_accept(self) -> None:
        try:
            self.result_value = self.submit(self.form.settings(), self.days.days())
        except Exception as exc:  # the service's refusal, shown where the input is
            self.error.setText(error_text(exc, self.language))
            self.error.show()
            return
        self.accept()
