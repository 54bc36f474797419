"""The audit page's detail pane: one entry's before/after as a list of fields. It only displays
what the service computed (`field_changes`); the tamper check's banner is `verify_banner.py`.
"""

from __future__ import annotations

import json
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

from scfn_desktop.services.admin.audit_view import AuditRow, field_changes, field_label, value_label
from scfn_desktop.ui.admin.audit_table import local_time

KIND_COLOURS = {"added": "#e3f4e3", "removed": "#fbe0e0", "changed": "#fff4c2"}


class AuditDetail(QWidget):
    """Shows one entry: who, when, what, and each recorded field before and after."""

    def __init__(self, language: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
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

    def format_value(self, key: str, value: Any) -> str:
        """A stored value as a person reads it (roles by name, booleans as yes/no)."""
        if value is None:
            return "—"
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, str):
            return value_label(key, value, self.language)
        return json.dumps(value, ensure_ascii=False)

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
        self.target.setText(self.tr("User: %1    Target: %2 (ID %3)")
                            .replace("%1", row.actor)
                            .replace("%2", row.entity_label(self.language))
                            .replace("%3", row.entity_id or "—"))
        self.hashes.setText(self.tr("Hash: %1…  Previous: %2…")
                            .replace("%1", row.entry_hash[:16])
                            .replace("%2", row.prev_hash[:16]))
        changes = field_changes(row)
        self.body.show()
        self.body.setCurrentWidget(self.changes if changes else self.empty)
        kinds = {change.kind for change in changes}
        self.changes.setColumnHidden(1, kinds == {"added"})  # a creation has no "before"
        self.changes.setColumnHidden(2, kinds == {"removed"})
        self.changes.setRowCount(len(changes))
        for r, change in enumerate(changes):
            before = "" if change.kind == "added" else self.format_value(change.key,
                                                                         change.before)
            after = "" if change.kind == "removed" else self.format_value(change.key,
                                                                          change.after)
            cells = [field_label(change.key, self.language), before, after]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(change.key if c == 0 else text)
                colour = KIND_COLOURS.get(change.kind)
                if colour and c > 0:
                    item.setBackground(QColor(colour))
                self.changes.setItem(r, c, item)
        self.changes.resizeRowsToContents()

    def changed_fields(self) -> dict[str, tuple[str, str]]:
        """What the table shows, by field label (for tests and screen readers alike)."""
        return {self.changes.item(r, 0).text(): (self.changes.item(r, 1).text(),
                                                 self.changes.item(r, 2).text())
                for r in range(self.changes.rowCount())}
