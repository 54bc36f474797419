"""The automatic-backup settings dialog: where, how often, how many to keep, on or off.

The service validates and stores the policy (`services.backup.schedule.save_policy`); a refusal
is shown in the dialog, which stays open.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.backup import schedule
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.widgets.account_form import error_label


class AutoBackupDialog(QDialog):
    """On success `policy` holds what was saved and the dialog is accepted."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.policy = schedule.load_policy()
        self.setObjectName("autoBackupDialog")
        self.setWindowTitle(self.tr("Automatic backups"))
        self.setMinimumWidth(560)
        self.enabled = QCheckBox(self.tr("Back up automatically on venue days"))
        self.enabled.setObjectName("autoEnabled")
        self.enabled.setChecked(self.policy.enabled)
        self.folder = QLineEdit(self.policy.folder)
        self.folder.setObjectName("autoFolder")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.every = QSpinBox()
        self.every.setObjectName("autoEvery")
        self.every.setRange(5, 24 * 60)
        self.every.setValue(self.policy.every_minutes)
        self.every.setSuffix(self.tr(" minutes"))
        self.keep = QSpinBox()
        self.keep.setObjectName("autoKeep")
        self.keep.setRange(1, 1000)
        self.keep.setValue(self.policy.keep)
        note = QLabel(self.tr(
            "On the days of a training run's venue session, a backup of the database, the "
            "scans and the audit checkpoint is written to this folder at the interval chosen, "
            "and only the newest ones are kept. Choose a second disk or a USB stick, not the "
            "data folder: the copy must survive the PC."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.enabled)
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("Every"), self.every)
        form.addRow(self.tr("Keep the newest"), self.keep)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveButton")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for automatic backups"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def save(self) -> None:
        policy = schedule.AutoBackupPolicy(self.folder.text().strip(), self.every.value(),
                                           self.keep.value(), self.enabled.isChecked())
        try:
            schedule.save_policy(self.ctx.actor, policy)
        except ServiceError as exc:
            self.error.setText(exc.message(self.ctx.language))
            self.error.show()
            return
        self.policy = policy
        self.accept()
