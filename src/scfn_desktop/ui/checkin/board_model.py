"""Table model over the board service's rows (services.attendance.board.BoardRow)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from scfn_desktop.rules.attendance_day import DayStatus
from scfn_desktop.rules.dates import format_time
from scfn_desktop.services.attendance.board import STATUS_LABELS, BoardRow
from scfn_desktop.ui.widgets.row_table_model import RowTableModel

STATUS_COLOURS = {
    DayStatus.ON_TIME: "#1b7f3b", DayStatus.LATE: "#f2b200", DayStatus.REFUSED: "#c62828",
    DayStatus.OVERRIDDEN: "#00796b", DayStatus.NOT_ARRIVED: "#90a4ae",
    DayStatus.LEFT_EARLY: "#6a1b9a", DayStatus.ABSENT: "#546e7a", DayStatus.EXCUSED: "#1565c0",
    DayStatus.EXCLUDED: "#3e2723",
}


class BoardModel(RowTableModel[BoardRow]):
    language = "ja"

    def _status(self, r: BoardRow) -> str:
        ja, en = STATUS_LABELS[r.status]
        return ja if self.language == "ja" else en

    def _reason(self, r: BoardRow) -> str:
        return r.verdict.reason_ja if self.language == "ja" else r.verdict.reason_en

    @property
    def columns(self):  # type: ignore[override]
        return (
            (lambda: QCoreApplication.translate("BoardModel", "No."), lambda r: r.number),
            (lambda: QCoreApplication.translate("BoardModel", "Name"), lambda r: r.name),
            (lambda: QCoreApplication.translate("BoardModel", "Kana"), lambda r: r.kana),
            (lambda: QCoreApplication.translate("BoardModel", "Organisation"), lambda r: r.organisation),
            (lambda: QCoreApplication.translate("BoardModel", "Group"), lambda r: r.group),
            (lambda: QCoreApplication.translate("BoardModel", "Status"), self._status),
            (lambda: QCoreApplication.translate("BoardModel", "Arrived"),
             lambda r: format_time(r.arrived_at) if r.arrived_at else ""),
            (lambda: QCoreApplication.translate("BoardModel", "Min. late"),
             lambda r: str(r.minutes_late) if r.minutes_late else ""),
            (lambda: QCoreApplication.translate("BoardModel", "Desk"), lambda r: r.station),
            (lambda: QCoreApplication.translate("BoardModel", "By"), lambda r: r.actor),
            (lambda: QCoreApplication.translate("BoardModel", "Paper"),
             lambda r: QCoreApplication.translate("BoardModel", "yes") if r.backfilled else ""),
            (lambda: QCoreApplication.translate("BoardModel", "Reason"), self._reason),
        )

    def cell(self, row: BoardRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and column == 5:
            return QColor(STATUS_COLOURS[row.status])
        return super().cell(row, column, role)
