"""The worker adapter: results arrive in the GUI thread, cancel closes the generator."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from scfn_desktop.services.progress import Progress
from scfn_desktop.ui.workers import SHOW_AFTER_MS, ProgressTask, run_with_progress


def test_generator_runs_to_completion(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[int] = []
    threads: set[object] = set()

    def work():
        threads.add(QThread.currentThread())
        for i in range(5):
            yield Progress(i, 5, f"{i} 件目", f"item {i}")
        return "done"

    results: list[object] = []
    task = run_with_progress(parent, "work", work, on_done=results.append)
    task.progress.connect(lambda p: seen.append(p.done))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == ["done"]
    assert QApplication.instance().thread() not in threads  # it really ran off the GUI thread
    assert not parent.findChildren(QProgressDialog) or all(
        not d.isVisible() for d in parent.findChildren(QProgressDialog))


def test_cancel_closes_the_generator(qtbot):
    step_taken = threading.Event()
    may_continue = threading.Event()
    closed = threading.Event()

    def work():
        try:
            for i in range(1000):
                yield Progress(i, 1000)
                step_taken.set()
                may_continue.wait(5)
            return "finished anyway"
        finally:
            closed.set()

    task = ProgressTask(work)
    outcomes: list[str] = []
    task.succeeded.connect(lambda _v: outcomes.append("succeeded"))
    task.cancelled.connect(lambda: outcomes.append("cancelled"))
    with qtbot.waitSignal(task.progress, timeout=5000):
        task.start()
    step_taken.wait(5)
    task.cancel()
    may_continue.set()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert outcomes == ["cancelled"]
    assert closed.is_set()  # the generator's finally ran: a transaction would have rolled back


def test_progress_dialog_cancel_button_cancels(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    gate = threading.Event()
    closed = threading.Event()

    def work():
        try:
            while True:
                yield Progress(0, 0)
                gate.wait(0.05)
        finally:
            closed.set()

    cancelled: list[bool] = []
    task = run_with_progress(parent, "endless", work,
                             on_cancel=lambda: cancelled.append(True))
    # Cancel only once the generator is inside its try block (an unstarted generator has no
    # finally to run); waiting for a progress signal guarantees that.
    qtbot.waitSignal(task.progress, timeout=5000).wait()
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=SHOW_AFTER_MS + 2000)  # a long job shows it
    cancel_button = dialog.findChild(QPushButton)
    with qtbot.waitSignal(task.finished, timeout=5000):
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert cancelled == [True]
    assert closed.is_set()


def test_errors_reach_the_gui_thread(qtbot):
    def work():
        yield Progress(0, 1)
        raise ValueError("broken file")

    task = ProgressTask(work)
    errors: list[BaseException] = []
    task.failed.connect(errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert isinstance(errors[0], ValueError)


def test_a_closed_dialog_is_freed_only_after_the_work_it_parents(qtbot):
    """dispose_when_closed: closing a dialog while a worker still runs for it keeps the dialog
    alive until the worker has finished, then frees it (no WA_DeleteOnClose, no deleteLater)."""
    import shiboken6
    from PySide6.QtWidgets import QDialog

    from scfn_desktop.ui.workers import dispose_when_closed

    release = threading.Event()

    def work():
        yield Progress(0, 1)
        release.wait(5)
        return "printed"

    window = QWidget()
    qtbot.addWidget(window)
    dialog = QDialog(window)  # owned by its window, as every dialog of the app is
    dispose_when_closed(dialog)
    task = ProgressTask(work, dialog)
    with qtbot.waitSignal(task.progress, timeout=5000):
        task.start()
    dialog.open()
    dialog.reject()  # closed mid-job
    qtbot.wait(50)
    assert shiboken6.isValid(dialog) and task.is_running
    destroyed: list[bool] = []
    dialog.destroyed.connect(lambda *_: destroyed.append(True))
    del dialog
    with qtbot.waitSignal(task.finished, timeout=5000):
        release.set()
    qtbot.waitUntil(lambda: destroyed == [True], timeout=2000)


def test_a_closed_idle_dialog_is_freed(qtbot):
    from PySide6.QtWidgets import QDialog

    from scfn_desktop.ui.workers import dispose_when_closed

    window = QWidget()
    qtbot.addWidget(window)
    dialog = QDialog(window)
    destroyed: list[bool] = []
    dialog.destroyed.connect(lambda *_: destroyed.append(True))
    dispose_when_closed(dialog)
    dialog.open()
    dialog.accept()
    del dialog
    qtbot.waitUntil(lambda: destroyed == [True], timeout=2000)


def visible_progress_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


def test_a_sub_second_job_leaves_no_progress_dialog_visible(qtbot):
    """The audit page's tamper check finished in milliseconds and its progress dialog came
    back at 0 % beside the result: QProgressDialog's own show timer fired after the adapter
    had hidden it. A quick job never shows the dialog, and nothing shows it afterwards."""
    window = QWidget()
    qtbot.addWidget(window)
    window.show()

    def work():  # shaped like audit_view.check_chain_steps on a short log: one step at 0 %
        yield Progress(0, 40, "確認中", "checking")
        return "intact"

    for _ in range(2):  # the report said: twice in a row
        results: list[object] = []
        task = run_with_progress(window, "Tamper check", work, on_done=results.append)
        with qtbot.waitSignal(task.finished, timeout=5000):
            pass
        assert results == ["intact"]
        qtbot.wait(SHOW_AFTER_MS + 300)  # past every timer that could show it
        assert visible_progress_dialogs() == []


def test_a_long_job_shows_its_dialog_and_closes_it(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    gate = threading.Event()

    def work():
        yield Progress(0, 2, "一件目", "first")
        gate.wait(5)
        yield Progress(1, 2, "二件目", "second")
        return "done"

    task = run_with_progress(window, "Long job", work)
    qtbot.waitUntil(lambda: len(visible_progress_dialogs()) == 1, timeout=SHOW_AFTER_MS + 2000)
    with qtbot.waitSignal(task.finished, timeout=5000):
        gate.set()
    qtbot.wait(SHOW_AFTER_MS + 300)
    assert visible_progress_dialogs() == []
