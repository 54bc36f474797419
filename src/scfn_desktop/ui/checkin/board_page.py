"""The attendance board (出欠状況): per venue day, a tile per status with its count (click to
filter), the list with search, refreshed every few seconds so it shows the other desk's
check-ins; export, the paper sign-in sheet and the badges from its buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.rules.attendance_day import DayStatus
from scfn_desktop.services.attendance.board import (
    STATUS_LABELS,
    STATUS_ORDER,
    STATUS_SHORT,
    DayBoard,
)
from scfn_desktop.services.permissions import Permission
from scfn_desktop.services.runs.training_runs import list_runs
from scfn_desktop.ui.checkin import desk_actions
from scfn_desktop.ui.checkin.board_model import STATUS_COLOURS, BoardModel
from scfn_desktop.ui.checkin.board_printing import BoardPrinting
from scfn_desktop.ui.checkin.desk_runner import DeskRunner
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.registry import PageSpec
from scfn_desktop.ui.widgets.search_field import search_field

REFRESH_MS = 3000


class StatusTile(QPushButton):
    def __init__(self, status: DayStatus, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.label = label
        self.setObjectName(f"tile_{status.value}")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        colour = STATUS_COLOURS[status]
        self.setStyleSheet(
            f"QPushButton {{ border: 2px solid {colour}; border-radius: 6px; padding: 4px;"
            f" text-align: left; }} QPushButton:checked {{ background: {colour}; color: white; }}")
        self.set_count(0)

    def set_count(self, count: int) -> None:
        self.count = count
        self.setText(f"{count}\n{self.label}")


class BoardPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.board: DayBoard | None = None
        self.runner = DeskRunner(ctx.db, self)
        self.runner.finished.connect(self._loaded)
        self.runner.onlineChanged.connect(self._online)
        self.runner.failed.connect(lambda *_: self._load_ended())
        self.runner.expired.connect(lambda *_: self._load_ended())
        self._loading = False
        self.runs = list_runs(ctx.db)
        self.run_combo = QComboBox()
        self.run_combo.setObjectName("boardRun")
        for run in self.runs:
            self.run_combo.addItem(run.label, run.id)
        self.day_combo = QComboBox()
        self.day_combo.setObjectName("boardDay")
        self.search = search_field("boardSearch",
                                   self.tr("Search by name, kana, romaji, number"))
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("boardStatus")
        self.status_combo.addItem(self.tr("All statuses"), None)
        self.tiles: dict[DayStatus, StatusTile] = {}
        for status in STATUS_ORDER:
            self.status_combo.addItem(ctx.pick(*STATUS_LABELS[status]), status.value)
            tile = StatusTile(status, ctx.pick(*STATUS_SHORT[status]))
            tile.setToolTip(ctx.pick(*STATUS_LABELS[status]))
            tile.clicked.connect(lambda _c=False, s=status: self.filter_status(s))
            self.tiles[status] = tile
        self.updated = QLabel()
        self.updated.setObjectName("boardUpdated")
        self.model = BoardModel(self)
        self.model.language = ctx.language
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("boardTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self._sized = False
        self.printing = BoardPrinting(self)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.run_combo.currentIndexChanged.connect(self._run_changed)
        self.day_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search.textChanged.connect(lambda _t: self.apply_filter())
        self.status_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self._build_layout()
        self._fill_days()
        self.refresh()

    def _build_layout(self) -> None:
        title = QLabel(self.tr("Attendance"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title.setFont(font)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.run_combo)
        top.addWidget(self.day_combo)
        top.addWidget(self.updated)
        top.addStretch(1)
        for button in self.printing.buttons():
            top.addWidget(button)
        tiles = QGridLayout()
        for i, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, 0, i)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status_combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    def _fill_days(self) -> None:
        self.day_combo.blockSignals(True)
        self.day_combo.clear()
        run = self.current_run()
        for d in run.days if run else ():
            self.day_combo.addItem(self.tr("Day %1 (%2)").replace("%1", str(d.day_number))
                                   .replace("%2", d.day.strftime("%Y-%m-%d")), d.day_number)
        self.day_combo.blockSignals(False)

    def _run_changed(self) -> None:
        self._fill_days()
        self.refresh()

    def current_run(self):  # type: ignore[no-untyped-def]
        index = self.run_combo.currentIndex()
        return self.runs[index] if 0 <= index < len(self.runs) else None

    def day_number(self) -> int | None:
        data = self.day_combo.currentData()
        return int(data) if data is not None else None

    # data --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the day in the background (skipped while a load is still running)."""
        run, day = self.current_run(), self.day_number()
        if run is None or day is None or self._loading:
            return
        self._loading = True
        db, run_id = self.ctx.db, run.id
        self.runner.submit(lambda _d: desk_actions.load_board(db, run_id, day), 10.0)

    def _loaded(self, _request: int, board: object) -> None:
        self._loading = False
        assert isinstance(board, DayBoard)
        if board.run.id != self.run_combo.currentData() or board.day.day_number != self.day_number():
            return
        self.board = board
        selected = self.selected_id()
        self.model.set_rows(board.rows)
        for status, count in board.counts.items():
            self.tiles[status].set_count(count)
        self.apply_filter()
        if not self._sized and board.rows:
            self.table.resizeColumnsToContents()
            self.table.setColumnWidth(3, min(self.table.columnWidth(3), 220))
            self._sized = True
        if selected is not None and (row := self.model.row_of_id(selected)) >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self.updated.setText(self.tr("Updated %1 (every %2 s)")
                             .replace("%1", board.refreshed_at.strftime("%H:%M:%S"))
                             .replace("%2", str(REFRESH_MS // 1000)))

    def _load_ended(self) -> None:
        self._loading = False

    def _online(self, online: bool, detail: str) -> None:
        if not online:
            self.updated.setText(self.tr("Database unreachable: %1").replace("%1", detail))
        self._loading = self._loading and online

    def filter_status(self, status: DayStatus) -> None:
        current = self.status_combo.currentData()
        target = None if current == status.value else status.value
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(target)))

    def apply_filter(self) -> None:
        if self.board is None:
            return
        value = self.status_combo.currentData()
        status = DayStatus(value) if value else None
        for s, tile in self.tiles.items():
            tile.setChecked(s is status)
        rows = self.board.filtered(status, self.search.text())
        keep = {r.trainee_id for r in rows}
        for row in range(self.model.rowCount()):
            hidden = self.model.row_at(row).trainee_id not in keep
            self.table.setRowHidden(self.proxy.mapFromSource(self.model.index(row, 0)).row(),
                                    hidden)

    def visible_numbers(self) -> list[str]:
        return [self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).number
                for r in range(self.proxy.rowCount()) if not self.table.isRowHidden(r)]

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index, Qt.ItemDataRole.UserRole)

    # export through File ▸ Export --------------------------------------------------------

    def can_export(self) -> bool:
        return True

    def export_data(self) -> None:
        self.printing.export()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._timer.start()
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self._timer.stop()
        self.runner.stop()
        self._loading = False
        super().hideEvent(event)


def _title() -> str:
    return QCoreApplication.translate("BoardPage", "Attendance")


PAGE_SPEC = PageSpec(key="attendance", title=_title, permission=Permission.VIEW_ATTENDANCE,
                     factory=BoardPage, order=25, icon="attendance.svg")
