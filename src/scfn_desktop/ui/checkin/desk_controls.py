"""The desk's top bar: which run and day it checks in, the desk's name (recorded with every
event), sound on/off, the camera, and whether the database answers."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from scfn_desktop.services.attendance.desk import STATION_LIMIT
from scfn_desktop.services.runs.training_runs import RunRow, list_runs
from scfn_desktop.ui.context import AppContext


class DeskControls(QWidget):
    deskChanged = Signal()
    mutedChanged = Signal(bool)
    stationChanged = Signal(str)
    cameraToggled = Signal(bool)

    def __init__(self, ctx: AppContext, station: str, muted: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runs: list[RunRow] = list_runs(ctx.db)
        today = date.today()
        self.run_combo = QComboBox()
        self.run_combo.setObjectName("deskRun")
        for run in self.runs:
            self.run_combo.addItem(run.label, run.id)
        current = next((i for i, r in enumerate(self.runs) if any(d.day == today for d in r.days)),
                       0)
        self.run_combo.setCurrentIndex(current)
        self.day_combo = QComboBox()
        self.day_combo.setObjectName("deskDay")
        self._fill_days(today)
        self.station_edit = QLineEdit(station)
        self.station_edit.setObjectName("deskStation")
        self.station_edit.setMaxLength(STATION_LIMIT)
        self.station_edit.setMaximumWidth(140)
        self.mute = QCheckBox(self.tr("Mute"))
        self.mute.setObjectName("deskMute")
        self.mute.setChecked(muted)
        self.camera_button = QPushButton(self.tr("Camera"))
        self.camera_button.setObjectName("deskCamera")
        self.camera_button.setCheckable(True)
        self.online = QLabel()
        self.online.setObjectName("deskOnline")
        self.show_online(True, "")
        for w in (self.run_combo, self.day_combo, self.mute, self.camera_button):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
        self.run_combo.currentIndexChanged.connect(self._run_changed)
        self.day_combo.currentIndexChanged.connect(lambda _i: self.deskChanged.emit())
        self.mute.toggled.connect(self.mutedChanged)
        self.camera_button.toggled.connect(self.cameraToggled)
        self.station_edit.editingFinished.connect(self._station_done)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Run")))
        row.addWidget(self.run_combo)
        row.addWidget(self.day_combo)
        row.addWidget(QLabel(self.tr("Desk")))
        row.addWidget(self.station_edit)
        row.addStretch(1)
        row.addWidget(self.online)
        row.addWidget(self.camera_button)
        row.addWidget(self.mute)

    def _fill_days(self, today: date) -> None:
        self.day_combo.blockSignals(True)
        self.day_combo.clear()
        run = self.run()
        for d in run.days if run else ():
            self.day_combo.addItem(self.tr("Day %1 (%2)").replace("%1", str(d.day_number))
                                   .replace("%2", d.day.strftime("%m/%d")), d.day_number)
        if run:
            match = next((i for i, d in enumerate(run.days) if d.day == today), 0)
            self.day_combo.setCurrentIndex(match)
        self.day_combo.blockSignals(False)

    def select_day(self, day_number: int) -> None:
        """Choose a day without reloading (the page decides when to load)."""
        index = self.day_combo.findData(day_number)
        if index >= 0:
            self.day_combo.blockSignals(True)
            self.day_combo.setCurrentIndex(index)
            self.day_combo.blockSignals(False)

    def today_is_a_venue_day(self) -> bool:
        run = self.run()
        return bool(run and any(d.day == date.today() for d in run.days))

    def _run_changed(self) -> None:
        self._fill_days(date.today())
        self.deskChanged.emit()

    def _station_done(self) -> None:
        text = " ".join(self.station_edit.text().split())
        if text:
            self.stationChanged.emit(text)

    def run(self) -> RunRow | None:
        index = self.run_combo.currentIndex()
        return self.runs[index] if 0 <= index < len(self.runs) else None

    def run_id(self) -> int | None:
        run = self.run()
        return run.id if run else None

    def day_number(self) -> int | None:
        data = self.day_combo.currentData()
        return int(data) if data is not None else None

    def day_start(self) -> time:
        run, number = self.run(), self.day_number()
        day = next((d for d in run.days if d.day_number == number), None) if run else None
        return day.starts_at if day else time(10, 0)

    def station(self) -> str:
        return " ".join(self.station_edit.text().split()) or self.tr("Desk 1")

    def show_online(self, online: bool, detail: str) -> None:
        if online:
            self.online.setText(self.tr("● Database connected"))
            self.online.setStyleSheet("color: #1b7f3b; font-weight: bold;")
        else:
            self.online.setText(self.tr("● Database unreachable"))
            self.online.setStyleSheet("color: #c62828; font-weight: bold;")
        self.online.setToolTip(detail)
