"""The issuer key for the actions that sign (issue, reissue, renew, revocation list, verifier,
Open Badges): unlocked once per window session and kept in memory only.

When the key file does not exist yet, the person is told a key is being made and may give it a
passphrase (twice); when the file is protected, the passphrase is asked; a wrong one is said
inside the dialog, which stays open. The passphrase itself is never stored.
"""

from __future__ import annotations

from collections.abc import Callable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from scfn_desktop.services.certificates import issuer_keys
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.messages import show_error
from scfn_desktop.ui.widgets.validating_dialog import ValidatingDialog
from scfn_desktop.ui.workers import dispose_when_closed


class PassphraseDialog(ValidatingDialog):
    """Asks the passphrase of the issuer key (or, `new=True`, an optional one for a new key)
    and unlocks it; `result_value` is the key."""

    def __init__(self, ctx: AppContext, new: bool, parent: QWidget | None = None,
                 explanation: str = "") -> None:
        super().__init__(ctx.language, parent, "passphraseError")
        self.setObjectName("passphraseDialog")
        self.ctx, self.new = ctx, new
        self.setWindowTitle(self.tr("Issuer key"))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("passphraseRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        explain = QLabel(explanation or self.tr(
            "This PC has no issuer key yet: one is made now and signs every card. You may "
            "protect it with a passphrase (8 characters or more), asked whenever a card is "
            "signed; leave both fields empty for none. A lost passphrase cannot be recovered.")
            if new else self.tr("The issuer key is protected. Enter its passphrase."))
        explain.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Passphrase"), self.passphrase)
        if new:
            self.form.addRow(self.tr("Repeat"), self.repeat)
        else:
            self.repeat.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.ok_cancel())
        self.setMinimumWidth(460)

    def submit(self) -> Ed25519PrivateKey:
        text = self.passphrase.text()
        if self.new and text != self.repeat.text():
            raise ValidationFailed("パスフレーズが一致しません。", "The passphrases do not match.")
        try:
            return issuer_keys.unlock_issuer_key(self.ctx.db, self.ctx.actor, text or None)
        finally:
            self.passphrase.clear()
            self.repeat.clear()


class IssuerKeyHolder:
    """Hands the unlocked key to an action, asking for it first when needed."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.key: Ed25519PrivateKey | None = None
        self.dialog: PassphraseDialog | None = None

    def forget(self) -> None:
        self.key = None

    def with_key(self, parent: QWidget, then: Callable[[Ed25519PrivateKey], object]) -> None:
        """Call `then(key)` now if the key is at hand or needs no passphrase, else after the
        passphrase dialog was accepted (nothing happens when it is cancelled)."""
        if self.key is not None:
            then(self.key)
            return
        exists = issuer_keys.issuer_key_exists()
        if exists and not issuer_keys.issuer_key_protected():
            try:
                self.key = issuer_keys.unlock_issuer_key(self.ctx.db, self.ctx.actor)
            except Exception as exc:  # a damaged key file: say so
                show_error(parent, exc, self.ctx.language)
                return
            then(self.key)
            return
        dialog = PassphraseDialog(self.ctx, new=not exists, parent=parent)
        dispose_when_closed(dialog)

        def unlocked() -> None:
            self.key = dialog.result_value  # type: ignore[assignment]
            if self.key is not None:
                then(self.key)

        dialog.accepted.connect(unlocked)
        self.dialog = dialog
        dialog.open()
