"""Table model over the roster service's `TraineeRow` dataclasses.

The model only displays rows it is given; it never queries. The page fetches rows from
`services.roster.trainees.list_trainees` and hands them over with `set_rows`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from scfn_desktop.services.roster.trainees import TraineeRow
from scfn_desktop.ui.widgets.row_table_model import RowTableModel

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


class TraineeTableModel(RowTableModel[TraineeRow]):
    columns = COLUMNS
