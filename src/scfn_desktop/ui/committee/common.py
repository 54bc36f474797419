"""Small pieces shared by the committee's pages and dialogs: the training-run chooser, a
read-only table, the refusal line inside a dialog, and running a slow service call off the GUI
thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QTableWidget, QWidget

from scfn_desktop.services.progress import Progress, ProgressGen
from scfn_desktop.services.runs.training_runs import list_runs
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.messages import error_text

ERROR_STYLE = "QLabel { color: #b00020; }"
#: Background of a row by the trainee's state (or the proposal when undecided).
STATE_COLOURS = {"certify": "#e3f4e3", "not_certified": "#fbe0e0", "cannot_decide": "#fff1d6",
                 "deferred": "#fff1d6", "awaiting_certification": "#e3f4e3",
                 "certified": "#d3ecd3", "revoked": "#eeeeee"}


class RunPicker(QComboBox):
    """The training runs, newest first; emits `runChanged(id)` (0 = none)."""

    runChanged = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("runPicker")
        self.setMinimumContentsLength(16)
        self.currentIndexChanged.connect(lambda _i: self.runChanged.emit(self.run_id()))
        self.reload()

    def reload(self) -> None:
        current = self.run_id()
        self.blockSignals(True)
        self.clear()
        for r in list_runs(self.ctx.db):
            self.addItem(r.label, r.id)
        index = self.findData(current)
        self.setCurrentIndex(index if index >= 0 else (0 if self.count() else -1))
        self.blockSignals(False)
        if self.run_id() != current:
            self.runChanged.emit(self.run_id())

    def run_id(self) -> int:
        data = self.currentData()
        return int(data) if data is not None else 0

    def select(self, run_id: int) -> None:
        index = self.findData(run_id)
        if index >= 0:
            self.setCurrentIndex(index)


def read_only_table(name: str, headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.verticalHeader().setVisible(False)
    t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 8)
    t.setWordWrap(False)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def show_refusal(label: QLabel, exc: BaseException, language: str) -> None:
    """A service's refusal inside the dialog, with each problem on its own line."""
    text = error_text(exc, language)
    label.setText(text)
    label.show()


def in_background(call: Callable[[], Any], ja: str, en: str) -> Callable[[], ProgressGen[Any]]:
    """A generator factory for `ui.workers.run_with_progress` that does one slow call (a PDF
    batch, an export) on the worker thread, so the window keeps painting meanwhile."""

    def gen() -> ProgressGen[Any]:
        yield Progress(0, 0, ja, en)
        return call()

    return gen
