"""Keys and what verifiers need: the issuer key's fingerprint (to read out or compare with
the published one), every trusted public key, and the files to hand out — the public keys
(PEM), the signed revocation list, the standalone HTML verifier — plus, on a verifying PC,
importing the issuer's public key. Creating and rotating the key are here too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.rules.dates import format_date_en, format_date_ja
from scfn_desktop.services.certificates import issuer_keys, publishing
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.exports import write_file
from scfn_desktop.services.permissions import Permission
from scfn_desktop.ui.cards.issuer_key import IssuerKeyHolder, PassphraseDialog
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.messages import show_error, show_info
from scfn_desktop.ui.widgets.read_only_table import read_only_table
from scfn_desktop.ui.workers import dispose_when_closed


class KeysDialog(QDialog):
    def __init__(self, ctx: AppContext, holder: IssuerKeyHolder, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("keysDialog")
        self.setWindowTitle(self.tr("Keys and verifier files"))
        self.ctx, self.holder = ctx, holder
        self.dialog: QDialog | None = None
        can = ctx.actor.can
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("issuerFingerprint")
        font = self.fingerprint.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.fingerprint.setFont(font)
        self.table = read_only_table("keysTable", [
            self.tr("Key id"), self.tr("Fingerprint"), self.tr("Kind"), self.tr("Key name"),
            self.tr("Since")])
        self.table.setMinimumHeight(160)
        buttons = [
            ("exportPublicKey", self.tr("Export public keys…"), self.export_public_keys, True),
            ("exportRevocations", self.tr("Export revocation list…"),
             lambda: self.export_signed("revocations"), can(Permission.ISSUE_CARDS)),
            ("exportVerifier", self.tr("Export verifier page…"),
             lambda: self.export_signed("verifier"), can(Permission.ISSUE_CARDS)),
            ("importPublicKey", self.tr("Import a public key…"), lambda: self.import_key(),
             can(Permission.MANAGE_ISSUER_KEYS)),
            ("createKey", self.tr("Create the issuer key…"), self.create_key,
             can(Permission.MANAGE_ISSUER_KEYS)),
            ("rotateKey", self.tr("Rotate the issuer key…"), self.rotate_key,
             can(Permission.MANAGE_ISSUER_KEYS)),
        ]
        self.buttons: dict[str, QPushButton] = {}
        rows = [QHBoxLayout(), QHBoxLayout()]
        for i, (name, text, slot, allowed) in enumerate(buttons):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            button.setVisible(allowed)
            self.buttons[name] = button
            rows[i // 3].addWidget(button)
        note = QLabel(self.tr(
            "Hand out the public keys with their fingerprints (read them out, or print them) "
            "and the verifier page; a verifying PC imports the public key after comparing the "
            "fingerprint. Export the revocation list again after every revocation or reissue."))
        note.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.table, 1)
        for row in rows:
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(close)
        self.resize(860, 440)
        self.reload()

    def reload(self) -> None:
        current = issuer_keys.current_key(self.ctx.db)
        self.fingerprint.setText(
            self.tr("Issuer key fingerprint: %1").replace("%1", current.fingerprint)
            if current else self.tr("This PC has no issuer key (it is made when the first "
                                    "card is issued)."))
        self.buttons["createKey"].setEnabled(not issuer_keys.issuer_key_exists())
        self.buttons["rotateKey"].setEnabled(issuer_keys.issuer_key_exists())
        kinds = {"own": self.tr("Issuer key (this installation)"),
                 "imported": self.tr("Imported")}
        keys = issuer_keys.trusted_keys(self.ctx.db)
        self.table.setRowCount(0)
        for info in keys:
            kind = kinds.get(info.origin, info.origin)
            if info.signs_new_cards:
                kind += self.tr(" (signs new cards)")
            elif info.retired_at is not None:
                kind += self.tr(" (retired)")
            day = info.created_at.date()
            since = format_date_ja(day) if self.ctx.language == "ja" else format_date_en(day)
            row = self.table.rowCount()
            self.table.insertRow(row)
            for col, value in enumerate((info.key_id, info.fingerprint, kind, info.label,
                                         since)):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def _save_as(self, title: str, name: str, pattern: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, title, name, pattern)
        return Path(chosen) if chosen else None

    def export_public_keys(self, path: Path | None = None) -> Path | None:
        path = path or self._save_as(self.tr("Export public keys"), "認定証_公開鍵.pem",
                                     "PEM (*.pem)")
        if path is None:
            return None
        try:
            write_file(path, issuer_keys.export_public_keys(self.ctx.db).encode("ascii"))
        except Exception as exc:
            show_error(self, exc, self.ctx.language)
            return None
        show_info(self, self.tr("Export public keys"), self.tr("Saved %1").replace("%1",
                                                                                    str(path)))
        return path

    def export_signed(self, what: str, path: Path | None = None) -> None:
        """The revocation list or the verifier page: both are signed now, with the key."""
        if path is None:
            path = (self._save_as(self.tr("Export revocation list"), "認定証_失効リスト.json",
                                  "JSON (*.json)") if what == "revocations" else
                    self._save_as(self.tr("Export verifier page"), "認定証_確認用ページ.html",
                                  "HTML (*.html)"))
        if path is not None:
            self.holder.with_key(self, lambda key: self._export_signed(what, key, path))

    def _export_signed(self, what: str, key, path: Path) -> None:  # type: ignore[no-untyped-def]
        db, actor = self.ctx.db, self.ctx.actor
        try:
            if what == "revocations":
                text, _count = publishing.signed_revocation_list(db, actor, key)
                write_file(path, text.encode("utf-8"))
            else:
                publishing.export_verifier(db, actor, key, path)
        except Exception as exc:
            show_error(self, exc, self.ctx.language)
            return
        show_info(self, self.windowTitle(), self.tr("Saved %1").replace("%1", str(path)))
        self.reload()

    def import_key(self, path: Path | None = None, label: str | None = None) -> bool:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import a public key"), "",
                                                    "PEM (*.pem *.txt)")
            if not chosen:
                return False
            path = Path(chosen)
        if label is None:
            label, ok = QInputDialog.getText(self, self.tr("Import a public key"),
                                             self.tr("A name for the key (e.g. the issuer):"))
            if not ok:
                return False
        try:
            data = path.read_bytes()[: issuer_keys.MAX_IMPORT_BYTES + 1]
            added = issuer_keys.import_public_keys(self.ctx.db, self.ctx.actor, data, label)
        except Exception as exc:
            show_error(self, exc, self.ctx.language)
            return False
        self.reload()
        text = "\n".join(f"{k.key_id}  {k.fingerprint}" for k in added) or self.tr(
            "The key is trusted already.")
        show_info(self, self.tr("Import a public key"), self.tr(
            "Compare the fingerprint with the one the issuer published:\n%1").replace("%1", text))
        return True

    def create_key(self) -> None:
        self.holder.with_key(self, lambda _key: self.reload())

    def rotate_key(self) -> RotateDialog:
        dialog = RotateDialog(self.ctx, self)
        dispose_when_closed(dialog)
        dialog.accepted.connect(self._rotated)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _rotated(self) -> None:
        self.holder.forget()
        self.reload()


class RotateDialog(PassphraseDialog):
    """Rotation: the current key's passphrase (when it has one, as proof of holding it) and an
    optional passphrase, typed twice, for the new key."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, new=True, parent=parent, explanation=QCoreApplication.translate(
            "RotateDialog", "A new key signs new cards from now on; the current key is retired but stays "
            "trusted, so every card it signed still verifies. Hand out the public keys and the "
            "verifier page again afterwards. You may protect the new key with a passphrase "
            "(8 characters or more); leave both fields empty for none."))
        self.setObjectName("rotateDialog")
        self.setWindowTitle(self.tr("Rotate the issuer key"))
        self.old = QLineEdit()
        self.old.setObjectName("rotateOldPassphrase")
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        if issuer_keys.issuer_key_protected():
            self.form.insertRow(0, self.tr("Current key's passphrase"), self.old)

    def submit(self) -> object:
        if self.passphrase.text() != self.repeat.text():
            raise ValidationFailed("パスフレーズが一致しません。", "The passphrases do not match.")
        return issuer_keys.rotate_issuer_key(self.ctx.db, self.ctx.actor,
                                             self.old.text() or None,
                                             self.passphrase.text() or None)
