"""The search box of a list page: named for tests, a hint of what it matches, a clear button,
and the page's filter run on every keystroke (the lists are a run's trainees: instant)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit


def search_field(name: str, placeholder: str,
                 on_change: Callable[[], None] | None = None) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setPlaceholderText(placeholder)
    field.setClearButtonEnabled(True)
    if on_change is not None:
        field.textChanged.connect(lambda _text: on_change())
    return field
