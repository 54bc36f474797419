"""Create a training run: its settings and venue days in one step (one transaction in
`services.runs.training_runs.create_run`). A refusal is listed inside the dialog, which stays
open with everything typed (`ValidatingDialog`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QGroupBox,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.runs.training_runs import RunRow
from scfn_desktop.services.runs.validation import DaySpec
from scfn_desktop.ui.runs.run_form import RunSettings, RunSettingsForm
from scfn_desktop.ui.runs.venue_days import VenueDaysEditor
from scfn_desktop.ui.widgets.validating_dialog import ValidatingDialog

Create = Callable[[RunSettings, list[DaySpec]], RunRow]


def next_term(runs: Sequence[RunRow], fiscal_year: int) -> int:
    return max((r.term for r in runs if r.fiscal_year == fiscal_year), default=0) + 1


class NewRunDialog(ValidatingDialog):
    """`create(settings, days)` creates the run or raises the service's refusal."""

    def __init__(self, runs: Sequence[RunRow], create: Create, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(language, parent, "newRunError")
        self.setObjectName("newRunDialog")
        self.setWindowTitle(self.tr("New training run"))
        self.create_run = create
        self.runs = list(runs)
        self.form = RunSettingsForm()
        self.form.term.setValue(next_term(self.runs, self.form.fiscal_year.value()))
        if self.runs:
            self.form.venue.setText(self.runs[0].venue)
        self.form.fiscal_year.valueChanged.connect(
            lambda year: self.form.term.setValue(next_term(self.runs, year)))
        self.days = VenueDaysEditor()
        settings_box = QGroupBox(self.tr("Training run"))
        QVBoxLayout(settings_box).addWidget(self.form)
        days_box = QGroupBox(self.tr("Venue session days"))
        QVBoxLayout(days_box).addWidget(self.days)
        buttons = self.ok_cancel(self.tr("Create"))
        self.ok_button.setObjectName("createRunButton")
        layout = QVBoxLayout(self)
        layout.addWidget(settings_box)
        layout.addWidget(days_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())

    def submit(self) -> RunRow:
        return self.create_run(self.form.settings(), self.days.days())
