"""Preview of a roster import before anything is written.

Shows what the service's `ImportPreview` found: rows to add, rows to change (with each changed
field before and after), unchanged rows, and every error with the row number the spreadsheet
shows. 「すべて取り込む」 stays disabled while there are errors, unless the user explicitly ticks
「エラーの行を除いて取り込む」 (the button then says what it does) — importing half a file must be a
conscious choice. The trainees go into the newest open training run unless another is chosen.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.rules.names import join_name
from scfn_desktop.services.roster.fields import LABELS
from scfn_desktop.services.roster.importing import CHANGED, INVALID, NEW, UNCHANGED, ImportPreview
from scfn_desktop.ui.context import AppContext


def _full_name(values: dict[str, object]) -> str:
    return join_name(str(values.get("family_name", "")), str(values.get("given_name", "")))


class ImportPreviewDialog(QDialog):
    """Accepted = import; `skip_bad_rows()` says how. `runChanged(run_id)` asks the caller for a
    new preview against another training run (then `set_preview`)."""

    runChanged = Signal(object)

    def __init__(self, ctx: AppContext, preview: ImportPreview,
                 runs: list[tuple[str, int]], parent: QWidget | None = None,
                 no_run_notice: QWidget | None = None) -> None:
        """`runs`: (label, id) of the open runs; `no_run_notice` is shown when there is none."""
        super().__init__(parent)
        self.ctx = ctx
        self.preview = preview
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(self.tr("Import roster — check before importing"))
        self.resize(900, 560)

        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.warnings = QLabel()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #8a5a00;")

        self.run_combo = QComboBox()
        self.run_combo.setObjectName("runCombo")
        self.run_combo.addItem(self.tr("Do not assign"), None)
        for label, run_id in runs:
            self.run_combo.addItem(label, run_id)
        self.run_combo.setCurrentIndex(max(0, self.run_combo.findData(preview.run_id)))
        self.run_combo.currentIndexChanged.connect(
            lambda _i: self.runChanged.emit(self.run_combo.currentData()))
        run_row = QHBoxLayout()
        run_row.addWidget(QLabel(self.tr("Import the trainees into training run")))
        run_row.addWidget(self.run_combo)
        run_row.addStretch(1)
        self.no_run_warning = QLabel(self.tr(
            "Without a training run these trainees get no answer form until they are "
            "assigned to one."))
        self.no_run_warning.setObjectName("noRunWarning")
        self.no_run_warning.setWordWrap(True)
        self.no_run_warning.setStyleSheet("color: #8a5a00;")

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.new_table = self._table("newTable")
        self.changed_table = self._table("changedTable")
        self.unchanged_table = self._table("unchangedTable")
        self.error_table = self._table("errorTable")

        self.skip_bad_rows_box = QCheckBox(self.tr("Import without the rows that have errors"))
        self.skip_bad_rows_box.setObjectName("skipBadRows")
        self.skip_bad_rows_box.toggled.connect(self._update_buttons)

        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("Import all"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importAllButton")
        self.cancel_button = buttons.addButton(self.tr("Cancel"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        if no_run_notice is not None:
            layout.addWidget(no_run_notice)
        layout.addWidget(self.file_label)
        layout.addLayout(run_row)
        layout.addWidget(self.no_run_warning)
        layout.addWidget(self.summary)
        layout.addWidget(self.warnings)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.skip_bad_rows_box)
        layout.addWidget(buttons)
        self.set_preview(preview)

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget()
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    @staticmethod
    def _fill(table: QTableWidget, headers: list[str], rows: list[list[object]]) -> None:
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(str(value)))

    def set_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        pick = self.ctx.pick
        counts = preview.counts
        sheet = self.tr(" (sheet %1)").replace("%1", preview.sheet) if preview.sheet else ""
        self.file_label.setText(self.tr("File: %1").replace("%1", str(preview.path)) + sheet)
        self.summary.setText(
            self.tr("To add: %1   To change: %2   Unchanged: %3   Rows with errors: %4")
            .replace("%1", str(counts[NEW])).replace("%2", str(counts[CHANGED]))
            .replace("%3", str(counts[UNCHANGED])).replace("%4", str(counts[INVALID])))
        self.warnings.setText("\n".join(pick(ja, en) for ja, en in preview.warnings))
        self.warnings.setVisible(bool(preview.warnings))

        row_no, number = self.tr("Row"), pick(*LABELS["trainee_number"])
        name, org = pick(*LABELS["full_name"]), pick(*LABELS["organisation"])
        pref = pick(*LABELS["prefecture"])
        basic_headers = [row_no, number, name, org, pref]

        def basic(status: str) -> list[list[object]]:
            return [[r.row_number, r.values.get("trainee_number", ""), _full_name(r.values),
                     r.values.get("organisation", ""), r.values.get("prefecture", "")]
                    for r in preview.rows if r.status == status]

        self._fill(self.new_table, basic_headers, basic(NEW))
        self._fill(self.unchanged_table, basic_headers, basic(UNCHANGED))
        changed = [[r.row_number, r.values.get("trainee_number", ""), _full_name(r.values),
                    self._describe_changes(r.before, r.after)]
                   for r in preview.rows if r.status == CHANGED]
        self._fill(self.changed_table, [row_no, number, name, self.tr("Changes")], changed)
        errors = [[e.row_number, pick(*LABELS[e.field]) if e.field in LABELS else e.field,
                   pick(e.message_ja, e.message_en)] for e in preview.errors]
        self._fill(self.error_table, [row_no, self.tr("Field"), self.tr("Reason")], errors)

        self.tabs.clear()
        self.tabs.addTab(self.new_table, self.tr("To add (%1)").replace("%1", str(counts[NEW])))
        self.tabs.addTab(self.changed_table,
                         self.tr("To change (%1)").replace("%1", str(counts[CHANGED])))
        self.tabs.addTab(self.unchanged_table,
                         self.tr("Unchanged (%1)").replace("%1", str(counts[UNCHANGED])))
        error_index = self.tabs.addTab(
            self.error_table, self.tr("Errors (%1)").replace("%1", str(len(preview.errors))))
        if preview.errors:
            self.tabs.setCurrentIndex(error_index)
        self.skip_bad_rows_box.setVisible(bool(preview.errors))
        self.no_run_warning.setVisible(preview.run_id is None)
        self._update_buttons()

    def _describe_changes(self, before: dict[str, object], after: dict[str, object]) -> str:
        parts = []
        for key, new in after.items():
            label = self.ctx.pick(*LABELS[key]) if key in LABELS else key
            parts.append(f"{label}: {before.get(key, '')} → {new}")
        return "; ".join(parts)

    def has_errors(self) -> bool:
        return bool(self.preview.errors)

    def skip_bad_rows(self) -> bool:
        return self.has_errors() and self.skip_bad_rows_box.isChecked()

    def _update_buttons(self) -> None:
        blocked = self.has_errors() and not self.skip_bad_rows_box.isChecked()
        counts = self.preview.counts
        nothing = counts[NEW] + counts[CHANGED] == 0
        self.import_button.setEnabled(not blocked and not nothing)
        skipping = self.skip_bad_rows()
        self.import_button.setText(self.tr("Import without the rows with errors") if skipping
                                   else self.tr("Import all"))
        if blocked:
            tip = self.tr("Fix the errors in the file, or tick the box to leave those rows out.")
        elif nothing:
            tip = self.tr("Nothing to import: every row is already in the roster.")
        else:
            tip = ""
        self.import_button.setToolTip(tip)
