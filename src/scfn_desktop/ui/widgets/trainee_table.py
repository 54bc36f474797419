"""Table model over the roster service's `TraineeRow` dataclasses.

The model only displays rows it is given; it never queries. The page fetches rows from
`services.roster.list_trainees` and hands them over with `set_rows`.
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

from scfn_desktop.services.roster import TraineeRow

Index = QModelIndex | QPersistentModelIndex


# (header, value) per column; headers are looked up at display time so they follow the language.
COLUMNS: tuple[tuple[Callable[[], str], Callable[[TraineeRow], str]], ...] = (
    (lambda: QCoreApplication.translate("TraineeTableModel", "Trainee number"), lambda r: r.trainee_number),
    (lambda: QCoreApplication.translate("TraineeTableModel", "Name"), lambda r: r.full_name),
    (lambda: QCoreApplication.translate("TraineeTableModel", "Kana"), lambda r: r.full_kana),
    (lambda: QCoreApplication.translate("TraineeTableModel", "Romaji"), lambda r: r.romaji),
    (lambda: QCoreApplication.translate("TraineeTableModel", "Organisation"), lambda r: r.organisation),
    (lambda: QCoreApplication.translate("TraineeTableModel", "Prefecture"), lambda r: r.prefecture),
    (lambda: QCoreApplication.translate("TraineeTableModel", "Email"), lambda r: r.email),
)


class TraineeTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rows: list[TraineeRow] = []

    def set_rows(self, rows: Sequence[TraineeRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> TraineeRow:
        return self._rows[row]

    def rows(self) -> list[TraineeRow]:
        return list(self._rows)

    def row_of_id(self, trainee_id: int) -> int:
        """The model row showing `trainee_id`, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == trainee_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return COLUMNS[index.column()][1](row)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][0]()
        return str(section + 1)
