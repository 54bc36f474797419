"""Demo runs only: a practice clock and sample codes, so a new user sees every verdict at once
without a scanner, a camera or waiting for a venue day (services.demo.attendance).

The clock sets the arrival time of the next scans on the desk's day; the sample codes (a valid
badge, a superseded one, one of another run, a forged and an altered one, an incomplete scan)
are handled exactly like scanned ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QTimeEdit,
    QWidget,
)

from scfn_desktop.services.demo.attendance import SampleCode


class PracticeBar(QFrame):
    codeChosen = Signal(str)

    def __init__(self, samples: Sequence[SampleCode], pick: Callable[[str, str], str],
                 start: time, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceBar")
        self.setStyleSheet("#practiceBar { background: #fff8e1; border: 1px solid #ffcc80;"
                           " border-radius: 4px; }")
        self.start = start
        self.enabled = QCheckBox(self.tr("Practice clock (demo)"))
        self.enabled.setObjectName("practiceEnabled")
        self.enabled.setChecked(True)
        self.clock = QTimeEdit()
        self.clock.setObjectName("practiceClock")
        self.clock.setDisplayFormat("HH:mm")
        self.set_offset(-10)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.enabled)
        row.addWidget(self.clock)
        for minutes, label in ((-10, self.tr("Before the start")), (30, self.tr("+30 min")),
                               (65, self.tr("+65 min"))):
            button = QPushButton(label)
            button.setObjectName(f"practice{minutes:+d}")
            button.clicked.connect(lambda _c=False, m=minutes: self.set_offset(m))
            row.addWidget(button)
        row.addStretch(1)
        self.codes = QComboBox()
        self.codes.setObjectName("practiceCodes")
        self.codes.addItem(self.tr("Try a sample code…"), "")
        for sample in samples:
            self.codes.addItem(pick(sample.label_ja, sample.label_en), sample.code)
        self.codes.activated.connect(self._chosen)
        row.addWidget(self.codes)

    def set_offset(self, minutes: int) -> None:
        at = datetime.combine(datetime(2000, 1, 1), self.start) + timedelta(minutes=minutes)
        self.clock.setTime(QTime(at.hour, at.minute))

    def arrival(self) -> time | None:
        """The practice time for the next scan, or None to use the PC clock."""
        if not self.enabled.isChecked():
            return None
        t = self.clock.time()
        return time(t.hour(), t.minute())

    def _chosen(self, index: int) -> None:
        code = self.codes.itemData(index)
        self.codes.setCurrentIndex(0)
        if code:
            self.codeChosen.emit(str(code))
