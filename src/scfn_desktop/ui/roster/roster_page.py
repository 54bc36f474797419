"""The roster page (受講生名簿): find trainees, open one to view or edit, import and export.

Everything the page shows comes from `services.roster.trainees` dataclasses; every change goes through a
service (validated, audited). The import runs on the worker adapter behind a progress dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.permissions import Permission
from scfn_desktop.services.roster import trainees as roster
from scfn_desktop.services.runs import training_runs as runs
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.messages import show_error
from scfn_desktop.ui.registry import PageSpec
from scfn_desktop.ui.resources import icon
from scfn_desktop.ui.roster.trainee_dialog import TraineeDialog
from scfn_desktop.ui.roster.trainee_table import TraineeTableModel
from scfn_desktop.ui.roster.transfer import RosterTransfer
from scfn_desktop.ui.widgets.page_header import page_header
from scfn_desktop.ui.widgets.search_field import search_field
from scfn_desktop.ui.workers import dispose_when_closed

SEARCH_DEBOUNCE_MS = 250
AUTO_SIZE_MAX_ROWS = 2000


class RosterPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.transfer = RosterTransfer(ctx, self, on_changed=self.reload)

        self.search = search_field(
            "search", self.tr("Search by name, kana, romaji or trainee number"))
        self.run_combo = self._combo("runFilter")
        self.organisation_combo = self._combo("organisationFilter")
        self.organisation_combo.setMinimumContentsLength(16)
        self.prefecture_combo = self._combo("prefectureFilter")
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        self.model = TraineeTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("traineeTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_index)

        can_edit = ctx.actor.can(Permission.EDIT_ROSTER)
        self.open_button = QPushButton(icon("edit.svg"),
                                       self.tr("Edit…") if can_edit else self.tr("Details…"))
        self.open_button.setObjectName("openButton")
        self.open_button.clicked.connect(self._open_selected)
        self.import_button = QPushButton(icon("import.svg"), self.tr("Import…"))
        self.import_button.setObjectName("importButton")
        self.import_button.setVisible(ctx.actor.can(Permission.IMPORT_ROSTER))
        self.import_button.clicked.connect(self.transfer.choose_import_file)
        self.export_button = QPushButton(icon("export.svg"), self.tr("Export…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.setVisible(self.can_export())
        self.export_button.clicked.connect(self.export_data)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.run_combo.currentIndexChanged.connect(self.refresh)
        self.organisation_combo.currentIndexChanged.connect(self.refresh)
        self.prefecture_combo.currentIndexChanged.connect(self._prefecture_changed)

        self._build_layout()
        self.reload()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        return combo

    def _build_layout(self) -> None:
        top = page_header(self.tr("Trainee roster"), self.open_button, self.import_button,
                          self.export_button)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Search")))
        filters.addWidget(self.search, 3)
        filters.addWidget(QLabel(self.tr("Training run")))
        filters.addWidget(self.run_combo, 1)
        filters.addWidget(QLabel(self.tr("Prefecture")))
        filters.addWidget(self.prefecture_combo, 1)
        filters.addWidget(QLabel(self.tr("Organisation")))
        filters.addWidget(self.organisation_combo, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    # data --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Refill the filter choices (an import may add organisations) and the table."""
        self._fill(self.run_combo, self.tr("All training runs"),
                   [(r.label, r.id) for r in runs.list_runs(self.ctx.db)])
        self._fill(self.prefecture_combo, self.tr("All prefectures"),
                   [(p, p) for p in roster.list_prefectures_in_use(self.ctx.db)])
        self._fill_organisations()
        self.refresh()

    @staticmethod
    def _fill(combo: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
        """Replace the items, keeping the current choice when it still exists."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.blockSignals(False)

    def _fill_organisations(self) -> None:
        prefecture = self.prefecture_combo.currentData()
        orgs = roster.list_organisations(self.ctx.db, prefecture)
        self._fill(self.organisation_combo, self.tr("All organisations"),
                   [(f"{o.name}（{o.prefecture}）", o.id) for o in orgs if o.trainee_count])

    def _prefecture_changed(self) -> None:
        self._fill_organisations()
        self.refresh()

    def refresh(self) -> None:
        """Query the service with the current search text and filters."""
        self._debounce.stop()
        rows = roster.list_trainees(
            self.ctx.db, self.search.text(),
            organisation_id=self.organisation_combo.currentData(),
            prefecture=self.prefecture_combo.currentData(),
            run_id=self.run_combo.currentData(),
        )
        self.model.set_rows(rows)
        if len(rows) <= AUTO_SIZE_MAX_ROWS:  # measuring every cell is slow on huge rosters
            self.table.resizeColumnsToContents()
            self.table.horizontalHeader().setStretchLastSection(True)
        self.count_label.setText(
            self.tr("%n trainee(s)", "", len(rows)))  # pyside6-lupdate 6.11 finds tr()

    def visible_count(self) -> int:
        return self.proxy.rowCount()

    # trainee dialog ------------------------------------------------------------------------

    def _selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index, Qt.ItemDataRole.UserRole)

    def _open_index(self, index: QModelIndex) -> None:
        trainee_id = self.proxy.data(index, Qt.ItemDataRole.UserRole)
        if trainee_id is not None:
            self.open_trainee(trainee_id)

    def _open_selected(self) -> None:
        trainee_id = self._selected_id()
        if trainee_id is None and self.proxy.rowCount() == 1:
            trainee_id = self.proxy.data(self.proxy.index(0, 0), Qt.ItemDataRole.UserRole)
        if trainee_id is not None:
            self.open_trainee(trainee_id)

    def open_trainee(self, trainee_id: int) -> TraineeDialog | None:
        """Open the detail/edit dialog (non-blocking); the table refreshes after a save."""
        try:
            detail = roster.get_trainee(self.ctx.db, trainee_id)
        except Exception as exc:  # NotFound after a concurrent delete, or a DB failure
            show_error(self, exc, self.ctx.language)
            return None
        names = sorted({o.name for o in roster.list_organisations(self.ctx.db)})
        dialog = TraineeDialog(self.ctx, detail, names, self)
        dispose_when_closed(dialog)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    # export ------------------------------------------------------------------------------

    def can_export(self) -> bool:
        return self.ctx.actor.can(Permission.EXPORT_ROSTER)

    def export_data(self) -> None:
        self.transfer.choose_export_file()

    def import_file(self, path: Path | str) -> None:
        self.transfer.preview(Path(path))


def _title() -> str:
    return QCoreApplication.translate("RosterPage", "Roster")


PAGE_SPEC = PageSpec(key="roster", title=_title, permission=Permission.VIEW_ROSTER,
                     factory=RosterPage, order=10, icon="roster.svg")
