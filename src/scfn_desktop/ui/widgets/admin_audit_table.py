"""Table model over one page of `services.audit_view.AuditRow`s.

It only shows the rows it is handed (the page asks the service for a filtered page); it marks
the entry a failed verification named, so the reader sees where the chain breaks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from scfn_desktop.services.audit_view import AuditRow

Index = QModelIndex | QPersistentModelIndex
TIME_FORMAT = "%Y/%m/%d %H:%M:%S"
BROKEN_BACKGROUND = QColor("#f8c9c9")


def local_time(row: AuditRow) -> str:
    """The entry's time on this PC's clock (stored as UTC)."""
    return row.at.astimezone().strftime(TIME_FORMAT)


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
    (lambda: QCoreApplication.translate("AuditTableModel", "Target ID"),
     lambda r, _lang: r.entity_id),
)


class AuditTableModel(QAbstractTableModel):
    def __init__(self, language: str = "ja", parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.language = language
        self._rows: list[AuditRow] = []
        self.broken_id: int | None = None

    def set_rows(self, rows: Sequence[AuditRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_broken(self, entry_id: int | None) -> None:
        """Highlight the entry a verification named (None clears it)."""
        self.beginResetModel()
        self.broken_id = entry_id
        self.endResetModel()

    def row_at(self, row: int) -> AuditRow:
        return self._rows[row]

    def rows(self) -> list[AuditRow]:
        return list(self._rows)

    def row_of_id(self, entry_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == entry_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][1](row, self.language)
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 3:  # the readable label; the code is what the CLI shows
                return row.action
            return COLUMNS[index.column()][1](row, self.language)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.BackgroundRole and row.id == self.broken_id:
            return QBrush(BROKEN_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][0]()
        return str(section + 1)
