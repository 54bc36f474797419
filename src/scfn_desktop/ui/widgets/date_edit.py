"""A date field as every dialog shows one (calendar pop-up, yyyy-MM-dd), and its value as a
`datetime.date`."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit


def date_edit(name: str, day: date | None = None) -> QDateEdit:
    """`day` (default today) in a calendar pop-up field named `name`."""
    d = day or date.today()
    edit = QDateEdit(QDate(d.year, d.month, d.day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def date_value(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())
