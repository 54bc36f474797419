"""The audit page's detail pane: one entry's before/after as a list of fields. It only displays
what the service computed (`field_changes`); the tamper check's banner is `verify_banner.py`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.admin.audit_labels import field_label
from scfn_desktop.services.admin.audit_reading import ReadableField
from scfn_desktop.services.admin.audit_view import AuditRow, field_changes
from scfn_desktop.ui.admin.audit_table import local_time

Describe = Callable[[AuditRow], tuple[str, list[ReadableField]]]
KIND_COLOURS = {"added": "#e3f4e3", "removed": "#fbe0e0", "changed": "#fff4c2"}


class AuditDetail(QWidget):
    """Shows one entry: who, when, what, and each recorded field before and after."""

    def __init__(self, language: str = "ja", parent: QWidget | None = None,
                 describe: Describe | None = None) -> None:
        """`describe(row)` gives the entry's readable target and fields (the page passes
        `services.admin.audit_reading`); without it the stored values are shown as they are."""
        super().__init__(parent)
        self.language = language
        self.describe = describe
        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.target = QLabel()
        self.target.setObjectName("detailTarget")
        self.target.setWordWrap(True)
        self.changes = QTableWidget(0, 3)
        self.changes.setObjectName("changesTable")
        self.changes.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Before"),
                                                self.tr("After")])
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.setWordWrap(True)
        self.changes.verticalHeader().setVisible(False)
        header = self.changes.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("This entry records no before/after values."))
        self.empty.setObjectName("detailEmpty")
        self.empty.setStyleSheet("color: #555;")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty.setWordWrap(True)
        self.body = QStackedWidget()  # the field table, or the "nothing recorded" note
        self.body.addWidget(self.changes)
        self.body.addWidget(self.empty)
        self.hashes = QLabel()
        self.hashes.setObjectName("detailHashes")
        self.hashes.setStyleSheet("color: #777;")
        self.hashes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.target)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.hashes)
        self.show_row(None)

    def show_row(self, row: AuditRow | None) -> None:
        self.changes.setRowCount(0)
        if row is None:
            self.heading.setText(self.tr("Select an entry to see what it changed."))
            self.target.clear()
            self.hashes.clear()
            self.body.hide()
            return
        self.heading.setText(self.tr("No. %1 — %2 — %3").replace("%1", str(row.seq))
                             .replace("%2", local_time(row))
                             .replace("%3", row.action_label(self.language)))
        target, fields = (self.describe(row) if self.describe is not None
                          else (row.entity_id or "—", self._plain_fields(row)))
        self.target.setText(self.tr("User: %1    Target: %2 — %3")
                            .replace("%1", row.actor)
                            .replace("%2", row.entity_label(self.language))
                            .replace("%3", target))
        self.hashes.setText(self.tr("ID %1 · Hash: %2…  Previous: %3…")
                            .replace("%1", row.entity_id or "—")
                            .replace("%2", row.entry_hash[:16])
                            .replace("%3", row.prev_hash[:16]))
        self.body.show()
        self.body.setCurrentWidget(self.changes if fields else self.empty)
        kinds = {f.kind for f in fields}
        self.changes.setColumnHidden(1, kinds == {"added"})  # a creation has no "before"
        self.changes.setColumnHidden(2, kinds == {"removed"})
        self.changes.setRowCount(len(fields))
        for r, f in enumerate(fields):
            for c, text in enumerate((f.label, f.before, f.after)):
                item = QTableWidgetItem(text)
                item.setToolTip(f.key if c == 0 else text)
                colour = KIND_COLOURS.get(f.kind)
                if colour and c > 0:
                    item.setBackground(QColor(colour))
                self.changes.setItem(r, c, item)
        self.changes.resizeRowsToContents()

    def _plain_fields(self, row: AuditRow) -> list[ReadableField]:
        """Without a describer: field names translated, values as stored."""
        return [ReadableField(c.key, field_label(c.key, self.language),
                              "" if c.kind == "added" else _plain(c.before),
                              "" if c.kind == "removed" else _plain(c.after), c.kind)
                for c in field_changes(row)]

    def changed_fields(self) -> dict[str, tuple[str, str]]:
        """What the table shows, by field label (for tests and screen readers alike)."""
        return {self.changes.item(r, 0).text(): (self.changes.item(r, 1).text(),
                                                 self.changes.item(r, 2).text())
                for r in range(self.changes.rowCount())}


def _plain(value: Any) -> str:
    return "—" if value is None else value if isinstance(value, str) else json.dumps(
        value, ensure_ascii=False)
