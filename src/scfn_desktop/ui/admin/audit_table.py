"""Table model over one page of `services.admin.audit_view.AuditRow`s.

It only shows the rows it is handed (the page asks the service for a filtered page); it marks
the entry a failed verification named, so the reader sees where the chain breaks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from scfn_desktop.services.admin.audit_view import AuditRow
from scfn_desktop.ui.formatting import local_date_time
from scfn_desktop.ui.widgets.row_table_model import RowTableModel

BROKEN_BACKGROUND = QColor("#f8c9c9")


def local_time(row: AuditRow) -> str:
    """The entry's time on this PC's clock (stored as UTC)."""
    return local_date_time(row.at, seconds=True)


# (header, value) per column; a value gets the UI language ("ja"/"en") for the readable labels.
# Headers are translated at display time (QCoreApplication.translate spelled out for lupdate).
COLUMNS: tuple[tuple[Callable[[], str], Callable[[AuditRow, str], str]], ...] = (
    (lambda: QCoreApplication.translate("AuditTableModel", "No."),
     lambda r, _lang: str(r.seq)),
    (lambda: QCoreApplication.translate("AuditTableModel", "Date and time"),
     lambda r, _lang: local_time(r)),
    (lambda: QCoreApplication.translate("AuditTableModel", "User"),
     lambda r, _lang: r.actor),
    (lambda: QCoreApplication.translate("AuditTableModel", "Action"),
     lambda r, lang: r.action_label(lang)),
    (lambda: QCoreApplication.translate("AuditTableModel", "Target"),
     lambda r, lang: r.entity_label(lang)),
    (lambda: QCoreApplication.translate("AuditTableModel", "About"),
     lambda r, _lang: r.entity_id),  # replaced by the readable target when known (`targets`)
)
ABOUT = len(COLUMNS) - 1


class AuditTableModel(RowTableModel[AuditRow]):
    """Values depend on the UI language (readable action labels), so `cell` passes it on."""

    columns = COLUMNS

    def __init__(self, language: str = "ja", parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.language = language
        self.broken_id: int | None = None
        self.targets: dict[int, str] = {}  # entry id -> what it is about (受講番号 and name …)

    def set_targets(self, targets: dict[int, str]) -> None:
        self.beginResetModel()
        self.targets = targets
        self.endResetModel()

    def set_broken(self, entry_id: int | None) -> None:
        """Highlight the entry a verification named (None clears it)."""
        self.beginResetModel()
        self.broken_id = entry_id
        self.endResetModel()

    def cell(self, row: AuditRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return row.action  # the readable label is shown; the code is what the CLI shows
        if role == Qt.ItemDataRole.ToolTipRole and column == ABOUT:
            return f"ID {row.entity_id}" if row.entity_id else None  # the stored id, for audits
        if role == Qt.ItemDataRole.DisplayRole and column == ABOUT and row.id in self.targets:
            return self.targets[row.id]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return COLUMNS[column][1](row, self.language)
        if role == Qt.ItemDataRole.BackgroundRole and row.id == self.broken_id:
            return QBrush(BROKEN_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
