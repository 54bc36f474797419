"""The settings of a training run as a form: fiscal year (shown as 令和N年度), term (第N期),
capacity, venue and the lateness threshold. Only input: the rules are the service's
(`services.runs.validation`), whose refusal the page or dialog shows beside the form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from scfn_desktop.rules.fiscal import REIWA_FIRST_YEAR, fiscal_year, reiwa_label
from scfn_desktop.services.runs.training_runs import RunRow
from scfn_desktop.services.runs.validation import (
    LAST_FISCAL_YEAR,
    MAX_CAPACITY,
    MAX_THRESHOLD_MINUTES,
    VENUE_MAX_LENGTH,
)


@dataclass(frozen=True)
class RunSettings:
    fiscal_year: int
    term: int
    venue: str
    capacity: int
    lateness_threshold_minutes: int


class RunSettingsForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runSettingsForm")
        self.fiscal_year = QSpinBox()
        self.fiscal_year.setObjectName("fiscalYearSpin")
        self.fiscal_year.setRange(REIWA_FIRST_YEAR, LAST_FISCAL_YEAR)
        self.fiscal_year.setValue(fiscal_year(date.today()))
        self.era = QLabel()
        self.era.setObjectName("eraLabel")
        self.term = QSpinBox()
        self.term.setObjectName("termSpin")
        self.term.setRange(1, 99)
        prefix, _, suffix = self.tr("Term %1").partition("%1")  # 第1期: text on both sides
        self.term.setPrefix(prefix)
        self.term.setSuffix(suffix)
        self.capacity = QSpinBox()
        self.capacity.setObjectName("capacitySpin")
        self.capacity.setRange(1, MAX_CAPACITY)
        self.capacity.setValue(60)
        self.capacity.setSuffix(self.tr(" trainees"))
        self.venue = QLineEdit()
        self.venue.setObjectName("venueEdit")
        self.venue.setMaxLength(VENUE_MAX_LENGTH)
        self.venue.setPlaceholderText(self.tr("e.g. Tokyo Women's Plaza"))
        self.threshold = QSpinBox()
        self.threshold.setObjectName("thresholdSpin")
        self.threshold.setRange(1, MAX_THRESHOLD_MINUTES)
        self.threshold.setValue(60)
        self.threshold.setSuffix(self.tr(" minutes"))
        self.threshold.setToolTip(self.tr(
            "Arriving this many minutes or more after a day's start time refuses attendance "
            "(60 in the rules), unless staff record an unavoidable delay."))

        year_row = QHBoxLayout()
        year_row.addWidget(self.fiscal_year)
        year_row.addWidget(self.era)
        year_row.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Fiscal year:"), year_row)
        form.addRow(self.tr("Term:"), self.term)
        form.addRow(self.tr("Capacity:"), self.capacity)
        form.addRow(self.tr("Venue:"), self.venue)
        form.addRow(self.tr("Refused when late by:"), self.threshold)
        for spin in (self.fiscal_year, self.term, self.capacity, self.threshold):
            spin.valueChanged.connect(self._changed)
        self.venue.textChanged.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        self.era.setText(reiwa_label(self.fiscal_year.value()))
        self.changed.emit()

    def settings(self) -> RunSettings:
        return RunSettings(self.fiscal_year.value(), self.term.value(), self.venue.text(),
                           self.capacity.value(), self.threshold.value())

    def set_settings(self, value: RunSettings | RunRow) -> None:
        for spin in (self.fiscal_year, self.term, self.capacity, self.threshold):
            spin.blockSignals(True)
        self.venue.blockSignals(True)
        self.fiscal_year.setValue(value.fiscal_year)
        self.term.setValue(value.term)
        self.venue.setText(value.venue)
        self.capacity.setValue(value.capacity)
        self.threshold.setValue(value.lateness_threshold_minutes)
        for w in (self.fiscal_year, self.term, self.capacity, self.threshold, self.venue):
            w.blockSignals(False)
        self._changed()

    def set_read_only(self, read_only: bool) -> None:
        for spin in (self.fiscal_year, self.term, self.capacity, self.threshold):
            spin.setReadOnly(read_only)
            spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons if read_only
                                  else QSpinBox.ButtonSymbols.UpDownArrows)
        self.venue.setReadOnly(read_only)


def settings_of(run: RunRow) -> RunSettings:
    return RunSettings(run.fiscal_year, run.term, run.venue, run.capacity,
                       run.lateness_threshold_minutes)
