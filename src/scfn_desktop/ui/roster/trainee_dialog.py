"""Trainee detail, and editing for those allowed to edit.

The dialog sends only the fields the user changed to `roster.update_trainee`, which validates
them with the same rules as the import and writes the audit entry. A refusal is shown inside
the dialog in the UI language, so the user can correct the field and save again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.permissions import Permission
from scfn_desktop.services.roster import trainees as roster
from scfn_desktop.services.roster.fields import LABELS
from scfn_desktop.services.roster.prefectures import PREFECTURES
from scfn_desktop.ui.context import AppContext

TEXT_FIELDS = ("trainee_number", "family_name", "given_name", "family_kana", "given_kana",
               "romaji", "organisation", "email", "qualification")


class TraineeDialog(QDialog):
    """`detail` holds the saved state after a successful save (the dialog is then accepted)."""

    def __init__(self, ctx: AppContext, detail: roster.TraineeDetail,
                 organisation_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.editable = ctx.actor.can(Permission.EDIT_ROSTER)
        row = detail.trainee
        self.setObjectName("traineeDialog")
        self.setWindowTitle(self.tr("Trainee %1").replace("%1", row.trainee_number))
        self.setMinimumWidth(560)

        self.fields: dict[str, QLineEdit] = {}
        for key in TEXT_FIELDS:
            edit = QLineEdit(str(getattr(row, key)))
            edit.setObjectName(key)
            edit.setReadOnly(not self.editable)
            self.fields[key] = edit
        completer = QCompleter(organisation_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.fields["organisation"].setCompleter(completer)
        self.fields["qualification"].setPlaceholderText(
            self.tr("None, or e.g. 社会福祉士、公認心理師"))
        self.prefecture = QComboBox()
        self.prefecture.setObjectName("prefecture")
        self.prefecture.addItems(list(PREFECTURES))
        if row.prefecture and row.prefecture not in PREFECTURES:
            self.prefecture.addItem(row.prefecture)
        self.prefecture.setCurrentText(row.prefecture)
        self.prefecture.setEnabled(self.editable)
        self.consent = QCheckBox(self.tr("The trainee agreed to publish the name"))
        self.consent.setObjectName("consent_publish_name")
        self.consent.setChecked(row.consent_publish_name)
        self.consent.setEnabled(self.editable)

        form = QFormLayout()
        form.addRow(self._label("trainee_number"), self.fields["trainee_number"])
        form.addRow(self.tr("Name (family / given)"),
                    self._pair(self.fields["family_name"], self.fields["given_name"]))
        form.addRow(self.tr("Kana (family / given)"),
                    self._pair(self.fields["family_kana"], self.fields["given_kana"]))
        form.addRow(self._label("romaji"), self.fields["romaji"])
        form.addRow(self._label("organisation"), self.fields["organisation"])
        form.addRow(self._label("prefecture"), self.prefecture)
        form.addRow(self._label("email"), self.fields["email"])
        form.addRow(self._label("qualification"), self.fields["qualification"])
        form.addRow(self._label("consent_publish_name"), self.consent)
        form.addRow(self.tr("Training run"), QLabel(row.run_label or "—"))

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()

        buttons = QDialogButtonBox()
        if self.editable:
            self.save_button = buttons.addButton(self.tr("Save"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
            self.save_button.setObjectName("saveButton")
            self.save_button.setDefault(True)
            buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        else:
            buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._stage_box())
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _label(self, key: str) -> str:
        return self.ctx.pick(*LABELS[key])

    @staticmethod
    def _pair(first: QWidget, second: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(first)
        row.addWidget(second)
        return box

    def _stage_box(self) -> QWidget:
        """Progress through 養成課程① and 実践: read-only here (recorded by other screens).

        A bold label rather than a QGroupBox title: some styles clip wide CJK group titles."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 8, 0, 0)
        heading = QLabel(self.tr("Progress (online course and practice)"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QFormLayout(frame)
        for step in self.detail.stage:
            when = step.on.isoformat() if step.on else "—"
            grid.addRow(self.ctx.pick(step.label_ja, step.label_en), QLabel(when))
        column.addWidget(heading)
        column.addWidget(frame)
        return box

    def changes(self) -> dict[str, Any]:
        """Only the fields that differ from the stored trainee."""
        row = self.detail.trainee
        current: dict[str, Any] = {key: edit.text() for key, edit in self.fields.items()}
        current["prefecture"] = self.prefecture.currentText()
        current["consent_publish_name"] = self.consent.isChecked()
        return {k: v for k, v in current.items() if v != getattr(row, k)}

    def save(self) -> None:
        changes = self.changes()
        if not changes:
            self.accept()
            return
        try:
            self.detail = roster.update_trainee(self.ctx.db, self.ctx.actor,
                                                self.detail.trainee.id, changes)
        except ServiceError as exc:
            self.error.setText(exc.message(self.ctx.language))
            self.error.show()
            return
        self.accept()
