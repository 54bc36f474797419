"""How errors reach the user: a `ServiceError` speaks the UI language; anything else is a bug
and says so briefly instead of showing a traceback to office staff."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from scfn_desktop.services.errors import ServiceError
from scfn_desktop.ui.workers import dispose_when_closed


def error_text(exc: BaseException, language: str) -> str:
    if isinstance(exc, ServiceError):
        return exc.message(language)
    return QCoreApplication.translate(
        "Messages", "An unexpected error occurred: %1").replace("%1", f"{type(exc).__name__}: {exc}")


def problem_text(exc: BaseException, language: str, limit: int = 8) -> str:
    """A refusal with its list of problems, for an error line inside a dialog: the person
    fixes the input where they typed it instead of losing it to a closed dialog. Problems the
    message already says are not repeated."""
    text = error_text(exc, language)
    problems = [_in_language(str(p), language) for p in getattr(exc, "problems", None) or []]
    problems = [p for p in problems if p not in text]
    if problems:
        shown = problems[:limit]
        if len(problems) > limit:
            shown.append(QCoreApplication.translate("Messages", "… and %1 more").replace(
                "%1", str(len(problems) - limit)))
        text += "\n" + "\n".join(f"・{p}" for p in shown)
    return text


def _in_language(problem: str, language: str) -> str:
    """Services word each problem 'ja / en'; show the half the person reads."""
    ja, sep, en = problem.partition(" / ")
    return (ja if language == "ja" else en) if sep else problem


def show_error(parent: QWidget | None, exc: BaseException, language: str,
               title: str = "") -> QMessageBox:
    """A non-blocking error box (tests and the event loop keep running while it is open)."""
    box = QMessageBox(QMessageBox.Icon.Warning,
                      title or QCoreApplication.translate("Messages", "Error"),
                      error_text(exc, language), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    dispose_when_closed(box)
    box.open()
    return box


def show_info(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("infoBox")
    dispose_when_closed(box)
    box.open()
    return box
