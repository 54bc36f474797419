"""The secretariat's dialogs: record the agency's 認証 for a list of trainees (date and the
agency's reference), and record a revocation (取消) with its date and reason."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.ui.committee.common import ServiceDialog
from scfn_desktop.ui.widgets.date_edit import date_edit, date_value


class CertifyDialog(ServiceDialog):
    """`submit(certified_on, reference)` records the 認証 of the listed trainees."""

    def __init__(self, who: Sequence[str], submit: Callable[[date, str], object],
                 language: str, parent: QWidget | None = None) -> None:
        super().__init__(language, parent, "certifyError")
        self.setObjectName("certifyDialog")
        self.box = self.ok_cancel()
        self.setWindowTitle(self.tr("Record the agency's certification"))
        self.submit = submit
        listing = QLabel(self.tr("Certified by the agency (%1):").replace("%1", str(len(who)))
                         + "\n" + "\n".join(who))
        listing.setObjectName("certifyList")
        listing.setWordWrap(True)
        self.certified_on = date_edit("certifiedOn")
        self.reference = QLineEdit()
        self.reference.setObjectName("agencyReference")
        self.reference.setPlaceholderText(self.tr("e.g. the agency's letter number"))
        form = QFormLayout()
        form.addRow(self.tr("Certification date:"), self.certified_on)
        form.addRow(self.tr("Agency's reference:"), self.reference)
        note = QLabel(self.tr("Each trainee gets a certificate number; the validity ends three "
                              "years after 31 March of the certification's fiscal year."))
        note.setWordWrap(True)
        self.box.button(QDialogButtonBox.StandardButton.Ok).setObjectName("certifyOk")
        layout = QVBoxLayout(self)
        layout.addWidget(listing)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.box)
        self.resize(560, self.sizeHint().height())

    def call(self) -> object:
        return self.submit(date_value(self.certified_on), self.reference.text())


class RevokeDialog(ServiceDialog):
    """`submit(revoked_on, reason)` records the revocation of one certificate."""

    def __init__(self, number: str, holder: str, submit: Callable[[date, str], object],
                 language: str, parent: QWidget | None = None) -> None:
        super().__init__(language, parent, "revokeError")
        self.setObjectName("revokeDialog")
        self.box = self.ok_cancel()
        self.setWindowTitle(self.tr("Record a revocation"))
        self.submit = submit
        self.revoked_on = date_edit("revokedOn")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("revokeReason")
        self.reason.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Certificate:"), QLabel(f"{number} {holder}"))
        form.addRow(self.tr("Revocation date:"), self.revoked_on)
        form.addRow(self.tr("Reason:"), self.reason)
        note = QLabel(self.tr("The number is kept and never given again. For two years from "
                              "the revocation date, disqualification ground ④ applies to the "
                              "person."))
        note.setWordWrap(True)
        self.box.button(QDialogButtonBox.StandardButton.Ok).setObjectName("revokeOk")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.box)
        self.resize(520, self.sizeHint().height())

    def call(self) -> object:
        return self.submit(date_value(self.revoked_on), self.reason.toPlainText())
