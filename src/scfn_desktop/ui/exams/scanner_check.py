"""The scanner check report: what a scan of the check form says about the scanner settings.

Shown after 「スキャナーの確認…」 on the import tab reads a scan of the form made on the print
tab (or by ``scfn sheets calibration``). The verdict comes first, in the colour of the
answer; then every check with its measured value and what to change, then the darkness
steps as printed and as read. The texts of the checks are the engine's (Japanese and
English); the dialog only lays them out.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.omr.calibration import OK, UNFIT, CalibrationReport
from scfn_desktop.ui.workers import dispose_when_closed

COLOURS = {OK: "#e3f4e3", "warning": "#fff1d6", UNFIT: "#fbe0e0"}
Pick = Callable[[str, str], str]


class ScannerCheckDialog(QDialog):
    def __init__(self, report: CalibrationReport, pick: Pick, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("scannerCheckDialog")
        self.setWindowTitle(self.tr("Scanner check"))
        self.report = report
        fit = report.fit
        self.verdict = QLabel(
            self.tr("These settings are fit for the exam.") if fit else
            self.tr("These settings are NOT fit for the exam: change what is marked "
                    "'Not fit' and check again."))
        self.verdict.setObjectName("scannerVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet(
            "QLabel { font-size: 15px; font-weight: bold; padding: 8px; border-radius: 4px; "
            f"background: {COLOURS[OK if fit else UNFIT]}; }}")
        modes = {"colour": self.tr("Colour"), "grey": self.tr("Grey"),
                 "black-and-white": self.tr("Black and white (1-bit)")}
        facts = QFormLayout()
        facts.addRow(self.tr("File:"), QLabel(Path(report.file).name))
        facts.addRow(self.tr("Resolution:"), QLabel(f"{report.dpi:.0f} dpi"))
        facts.addRow(self.tr("Colour mode:"), QLabel(modes.get(report.colour_mode,
                                                              report.colour_mode)))
        facts.addRow(self.tr("Trainee number read:"), QLabel(report.number or "-"))
        facts.addRow(self.tr("QR code:"), QLabel(self.tr("read") if report.qr_text else
                                                 self.tr("not read")))

        results = {OK: self.tr("OK"), "warning": self.tr("Note"), UNFIT: self.tr("Not fit")}
        self.checks = QTableWidget(len(report.checks), 2)
        self.checks.setObjectName("scannerChecks")
        self.checks.setHorizontalHeaderLabels([self.tr("Result"), self.tr("What was found")])
        for row, c in enumerate(report.checks):
            for col, text in enumerate((results[c.status], pick(c.message_ja, c.message_en))):
                item = QTableWidgetItem(text)
                item.setBackground(QColor(COLOURS[c.status]))
                item.setToolTip(text)
                self.checks.setItem(row, col, item)
        self._tidy(self.checks)
        self.checks.setWordWrap(True)
        self.checks.resizeColumnToContents(0)
        self.checks.resizeRowsToContents()

        self.steps = QTableWidget(2, len(report.steps))
        self.steps.setObjectName("scannerSteps")
        self.steps.setVerticalHeaderLabels([self.tr("Printed"), self.tr("Read")])
        self.steps.horizontalHeader().setVisible(False)
        for col, (printed, read) in enumerate(report.steps):
            self.steps.setItem(0, col, QTableWidgetItem(f"{printed:.0%}"))
            self.steps.setItem(1, col, QTableWidgetItem(f"{read:.0%}"))
        self._tidy(self.steps)
        self.steps.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.steps.setFixedHeight(self.steps.verticalHeader().length()
                                  + 2 * self.steps.frameWidth())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addLayout(facts)
        layout.addWidget(self.checks, 1)
        layout.addWidget(QLabel(self.tr("Darkness of the printed steps, as the scanner read "
                                        "them:")))
        layout.addWidget(self.steps)
        layout.addWidget(buttons)
        self.resize(820, 540)

    @staticmethod
    def _tidy(table: QTableWidget) -> None:
        """Read-only, no row numbers, no scroll bars (everything fits)."""
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(table.objectName() == "scannerSteps")
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.horizontalHeader().setStretchLastSection(True)


def show_scanner_check(parent: QWidget, report: CalibrationReport, pick: Pick
                       ) -> ScannerCheckDialog:
    """Open the report (non-blocking) and free it when closed."""
    dialog = ScannerCheckDialog(report, pick, parent)
    dispose_when_closed(dialog)
    dialog.open()
    return dialog
