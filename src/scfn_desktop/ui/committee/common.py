"""Small pieces shared by the committee's pages and dialogs: the training-run chooser, a
read-only table, the refusal line inside a dialog, and running a slow service call off the GUI
thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QWidget

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


class ServiceDialog(QDialog):
    """A dialog whose OK calls a service (`call()`): the result is kept in `result_value` and
    the dialog closes; a refusal is shown inside it and the input stays for correcting."""

    def __init__(self, language: str, parent: QWidget | None = None,
                 error_name: str = "dialogError") -> None:
        super().__init__(parent)
        self.language = language
        self.result_value: object = None
        self.error = error_label(error_name)

    def call(self) -> object:  # pragma: no cover - every dialog says what OK does
        raise NotImplementedError

    def ok_cancel(self) -> QDialogButtonBox:
        """OK (runs `try_accept`) and Cancel, for the bottom of the dialog."""
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.try_accept)
        box.rejected.connect(self.reject)
        return box

    def try_accept(self) -> None:
        try:
            self.result_value = self.call()
        except Exception as exc:  # the service's refusal, shown where the input is
            show_refusal(self.error, exc, self.language)
            self.refused()
            return
        self.accept()

    def refused(self) -> None:
        """Called after a refusal is shown (a dialog may disable its OK, for example)."""


def in_background(call: Callable[[], Any], ja: str, en: str) -> Callable[[], ProgressGen[Any]]:
    """A generator factory for `ui.workers.run_with_progress` that does one slow call (a PDF
    batch, an export) on the worker thread, so the window keeps painting meanwhile."""

    def gen() -> ProgressGen[Any]:
        yield Progress(0, 0, ja, en)
        return call()

    return gen
