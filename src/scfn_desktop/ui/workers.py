"""The one adapter between core progress generators and the GUI thread.

Core work (imports, scans, printing) is a generator yielding `Progress` and returning a result
(see services.progress). Here it runs on `QThreadPool`; a `QObject` bridge created in the GUI
thread carries progress, result and error back as queued signals. Cancelling sets a flag the
worker checks between steps; the worker then calls `gen.close()` itself (a generator may only be
closed by the thread running it), so the generator's `finally` / `with db.transaction()` blocks
run and roll back. Nothing here knows about trainees or SQL.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from scfn_desktop.services.progress import Progress

#: A job that ends sooner shows no progress dialog at all (no flash for a quick check).
SHOW_AFTER_MS = 400

GenFactory = Callable[[], Generator[Progress, None, Any]]

# Tasks still running, kept alive here so neither Python nor Qt frees them mid-flight.
_running: set[ProgressTask] = set()
# Finished tasks and dialogs waiting to be freed by Python (see `_retire`).
_retired: list[QObject] = []


def _retire(*objects: QObject) -> None:
    """Free finished Qt objects from Python, never with `deleteLater()`.

    `deleteLater()` destroys the object from the event loop *without* the GIL; PySide's
    `~QObject` then takes Qt's signal-slot lock and asks for the GIL to look up Python
    overrides. A worker painting in the meantime (e.g. `QPainter.drawImage` onto a printer,
    which PySide calls holding the GIL) can need that same Qt lock: a deadlock, seen in
    tests/ui/exams/test_print_forms.py. Dropping the last Python reference in a Python
    callback frees the object while this thread already holds the GIL, so it cannot happen.
    """
    for obj in objects:
        obj.setParent(None)  # Python owns it now, so releasing the reference deletes it
    _retired.extend(objects)
    QTimer.singleShot(0, _release_retired)


def _release_retired() -> None:
    _retired.clear()


class _Bridge(QObject):
    """Lives in the GUI thread; signals emitted from the worker arrive there queued."""

    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _GeneratorRunnable(QRunnable):
    def __init__(self, factory: GenFactory, bridge: _Bridge, cancel: threading.Event,
                 done: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._factory = factory
        self._bridge = bridge
        self._cancel = cancel
        self._done = done

    def run(self) -> None:
        try:
            self._run()
        finally:
            self._done.set()

    def _run(self) -> None:
        gen = None
        try:
            gen = self._factory()
            while True:
                if self._cancel.is_set():
                    gen.close()
                    self._bridge.cancelled.emit()
                    return
                try:
                    step = next(gen)
                except StopIteration as stop:
                    self._bridge.succeeded.emit(stop.value)
                    return
                self._bridge.progress.emit(step)
        except Exception as exc:  # any failure of the core work is reported, never lost
            if gen is not None:
                gen.close()
            self._bridge.failed.emit(exc)


class ProgressTask(QObject):
    """A running generator. Signals fire in the GUI thread; exactly one of
    `succeeded`/`failed`/`cancelled` fires, followed by `finished`."""

    progress = Signal(object)  # Progress
    succeeded = Signal(object)  # the generator's return value
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()

    def __init__(self, gen_factory: GenFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._bridge = _Bridge()
        self._bridge.progress.connect(self.progress)
        self._bridge.succeeded.connect(self._on_succeeded)
        self._bridge.failed.connect(self._on_failed)
        self._bridge.cancelled.connect(self._on_cancelled)
        self._runnable = _GeneratorRunnable(gen_factory, self._bridge, self._cancel, self._done)
        self.is_running = False
        if parent is not None:  # a closed window must not leave its work running
            parent.destroyed.connect(lambda *_: self._cancel.set())

    def start(self, pool: QThreadPool | None = None) -> ProgressTask:
        _running.add(self)
        self.is_running = True
        (pool or QThreadPool.globalInstance()).start(self._runnable)
        return self

    def cancel(self) -> None:
        """Ask the worker to stop before its next step (safe to call more than once)."""
        self._cancel.set()

    def _finish(self) -> None:
        # The outcome signal is the worker's last act, but its thread is still unwinding:
        # wait (GIL released) until `run()` has returned, so nobody deletes this task, its
        # bridge or its runnable while the pool thread still uses them.
        self._done.wait(5.0)
        self.is_running = False
        _running.discard(self)
        self.finished.emit()

    def _on_succeeded(self, value: object) -> None:
        self.succeeded.emit(value)
        self._finish()

    def _on_failed(self, exc: object) -> None:
        self.failed.emit(exc)
        self._finish()

    def _on_cancelled(self) -> None:
        self.cancelled.emit()
        self._finish()


def _runs_under(task: ProgressTask, widget: QObject) -> bool:
    owner = task.parent()
    while owner is not None:
        if owner is widget:
            return True
        owner = owner.parent()
    return False


def dispose_when_closed(dialog: QDialog) -> None:
    """Free `dialog` once it is closed and no task it (or a child) parents is still running.

    Use this instead of `WA_DeleteOnClose`, which destroys the dialog from the event loop
    with `deleteLater()`: the deadlock described in `_retire`, and a dialog freed under a
    print worker still painting for it. Here the adapter that runs the work owns the timing.
    """
    ref = weakref.ref(dialog)  # the connection must not keep the dialog alive

    def release(*_: object) -> None:
        closed = ref()
        if closed is None:
            return
        busy = [task for task in _running if _runs_under(task, closed)]
        if busy:
            busy[0].finished.connect(release)  # look again when that one is done
            return
        _retire(closed)

    dialog.finished.connect(release)


def cancel_all(wait_ms: int = 5000) -> bool:
    """Cancel every running task and wait for the pool (at application exit).

    Returns True when all workers stopped within `wait_ms`.
    """
    for task in list(_running):
        task.cancel()
    return QThreadPool.globalInstance().waitForDone(wait_ms)


def run_with_progress(
    parent: QWidget | None,
    title: str,
    gen_factory: GenFactory,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    pick: Callable[[str, str], str] = lambda ja, en: ja,
) -> ProgressTask:
    """Run `gen_factory()` in the background behind a window-modal progress dialog.

    `pick(ja, en)` chooses which language of each `Progress` message to show. The dialog's
    Cancel button cancels the task. Returns the task (tests wait on its signals).

    The dialog appears only when the job is still running after `SHOW_AFTER_MS` (or looks
    long by QProgressDialog's own estimate). It is never shown by `show()` here: the dialog
    has its own show timer, restarted by every step at 0 %, and a timer that fired after the
    job had ended brought the hidden dialog back, stuck at 0 % beside the result. So closing
    first stops that timer (`reset()`), then hides.
    """
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setRange(0, 0)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setMinimumWidth(420)

    task = ProgressTask(gen_factory, parent)

    def show_progress(step: Progress) -> None:
        if step.total:
            dialog.setRange(0, step.total)
            dialog.setValue(min(step.done, step.total))
        text = pick(step.message_ja, step.message_en)
        if text:
            dialog.setLabelText(text)

    def close_dialog() -> None:
        dialog.reset()  # stops the dialog's show timer, so nothing shows it again
        dialog.hide()
        _retire(dialog, task)

    task.progress.connect(show_progress)
    dialog.canceled.connect(task.cancel)
    task.finished.connect(close_dialog)
    if on_done:
        task.succeeded.connect(on_done)
    if on_error:
        task.failed.connect(on_error)
    if on_cancel:
        task.cancelled.connect(on_cancel)
    dialog.setValue(0)  # starts the dialog's show timer: it appears if the job is still running
    return task.start()
