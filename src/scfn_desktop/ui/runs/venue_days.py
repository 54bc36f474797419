"""The venue days of a run (養成課程②, 集合研修): for each day its date, start and end time.

A widget of its own, because the days are edited apart from the rest of the run
(`services.runs.editing.set_venue_days`): the lateness rule measures against the start times,
and check-in adds its own settings beside this widget. The second day can be switched off for
a one-day session; the service checks the order of the days and the times.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time, timedelta

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QTimeEdit,
    QWidget,
)

from scfn_desktop.services.runs.validation import DaySpec

DAY_COUNT = 2  # 養成課程② is a two-day session
DEFAULT_START, DEFAULT_END = time(10, 0), time(17, 0)


class VenueDaysEditor(QWidget):
    """Emits `changed` on every edit; `days()` is what `set_venue_days` takes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("venueDaysEditor")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Date")), 0, 1)
        grid.addWidget(QLabel(self.tr("Start")), 0, 2)
        grid.addWidget(QLabel(self.tr("End")), 0, 3)
        self.dates: list[QDateEdit] = []
        self.starts: list[QTimeEdit] = []
        self.ends: list[QTimeEdit] = []
        self.used: list[QCheckBox | None] = []
        for i in range(DAY_COUNT):
            name = self.tr("Day %1").replace("%1", str(i + 1))
            if i == 0:
                grid.addWidget(QLabel(name), i + 1, 0)
                self.used.append(None)
            else:
                box = QCheckBox(name)
                box.setObjectName(f"day{i + 1}Used")
                box.setChecked(True)
                box.toggled.connect(self._sync)
                grid.addWidget(box, i + 1, 0)
                self.used.append(box)
            day = QDateEdit()
            day.setObjectName(f"day{i + 1}Date")
            day.setCalendarPopup(True)
            day.setDisplayFormat("yyyy/MM/dd (ddd)")
            start, end = QTimeEdit(), QTimeEdit()
            start.setObjectName(f"day{i + 1}Start")
            end.setObjectName(f"day{i + 1}End")
            for edit in (start, end):
                edit.setDisplayFormat("HH:mm")
                edit.timeChanged.connect(self.changed)
            day.dateChanged.connect(self.changed)
            grid.addWidget(day, i + 1, 1)
            grid.addWidget(start, i + 1, 2)
            grid.addWidget(end, i + 1, 3)
            self.dates.append(day)
            self.starts.append(start)
            self.ends.append(end)
        grid.setColumnStretch(4, 1)
        self.read_only = False
        first = date.today() + timedelta(days=30)
        self.set_days([(first + timedelta(days=i), DEFAULT_START, DEFAULT_END)
                       for i in range(DAY_COUNT)])

    def set_days(self, days: Sequence[DaySpec]) -> None:
        """Show these days; a missing second day is shown switched off (the day after)."""
        self.blockSignals(True)
        last = days[-1] if days else (date.today(), DEFAULT_START, DEFAULT_END)
        for i in range(DAY_COUNT):
            present = i < len(days)
            day, start, end = days[i] if present else (last[0] + timedelta(days=i),
                                                       last[1], last[2])
            self.dates[i].setDate(QDate(day.year, day.month, day.day))
            self.starts[i].setTime(QTime(start.hour, start.minute))
            self.ends[i].setTime(QTime(end.hour, end.minute))
            box = self.used[i]
            if box is not None:
                box.setChecked(present)
        self.blockSignals(False)
        self._sync()

    def days(self) -> list[DaySpec]:
        out: list[DaySpec] = []
        for i in range(DAY_COUNT):
            box = self.used[i]
            if box is not None and not box.isChecked():
                continue
            d, s, e = self.dates[i].date(), self.starts[i].time(), self.ends[i].time()
            out.append((date(d.year(), d.month(), d.day()), time(s.hour(), s.minute()),
                        time(e.hour(), e.minute())))
        return out

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._sync()

    def _sync(self) -> None:
        for i in range(DAY_COUNT):
            box = self.used[i]
            on = box is None or box.isChecked()
            if box is not None:
                box.setEnabled(not self.read_only)
            for w in (self.dates[i], self.starts[i], self.ends[i]):
                w.setEnabled(on and not self.read_only)
        self.changed.emit()
