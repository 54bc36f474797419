"""The cards page's dialogs for one certificate: 再交付 (reason: lost, damaged, name changed,
other), 更新 after the 認証更新研修 (the completion date; the rule gives the new validity) and
取消 (the committee's revocation record, with its date and reason). Each calls its service on
OK; a refusal is shown inside the dialog, which keeps what was typed."""

from __future__ import annotations

from datetime import date

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.rules.certification import RenewalStatus, evaluate_renewal
from scfn_desktop.rules.dates import format_date_en, format_date_ja
from scfn_desktop.services.certificates import cards
from scfn_desktop.services.certificates.status import CardRow
from scfn_desktop.services.committee.certification import revoke_certificate
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.widgets.date_edit import date_edit, date_value
from scfn_desktop.ui.widgets.validating_dialog import ValidatingDialog


class _CardDialog(ValidatingDialog):
    def __init__(self, ctx: AppContext, row: CardRow, name: str, parent: QWidget | None
                 ) -> None:
        super().__init__(ctx.language, parent, f"{name}Error")
        self.setObjectName(f"{name}Dialog")
        self.ctx, self.row = ctx, row
        self.form = QFormLayout()
        self.form.addRow(self.tr("Certificate:"), QLabel(f"{row.number}  {row.name}"))

    def _finish(self, note: str) -> None:
        label = QLabel(note)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(label)
        layout.addWidget(self.error)
        layout.addWidget(self.ok_cancel())
        self.setMinimumWidth(520)

    def _date(self, d: date) -> str:
        return format_date_ja(d) if self.ctx.language == "ja" else format_date_en(d)


class ReissueDialog(_CardDialog):
    """再交付: `result_value` is the new `IssuedCard`."""

    def __init__(self, ctx: AppContext, row: CardRow, key: Ed25519PrivateKey,
                 printed_name: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, row, "reissue", parent)
        self.key = key
        self.setWindowTitle(self.tr("Reissue the card"))
        self.reason = QComboBox()
        self.reason.setObjectName("reissueReason")
        for code, label in (("loss", self.tr("Lost")), ("damage", self.tr("Damaged")),
                            ("name_change", self.tr("Name changed")), ("", self.tr("Other"))):
            self.reason.addItem(label, code)
        self.other = QLineEdit()
        self.other.setObjectName("reissueOther")
        self.other.setPlaceholderText(self.tr("The reason, when it is another one"))
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.form.addRow("", self.other)
        self.form.addRow(self.tr("Name on the new card:"), QLabel(printed_name))
        self._finish(self.tr("The new card gets the next revision; every earlier card of this "
                             "certificate is superseded and refused by the verifier. A name "
                             "change must be made in the roster first."))

    def submit(self) -> object:
        code = self.reason.currentData()
        reason = code or self.other.text()
        return cards.reissue_card(self.ctx.db, self.ctx.actor, self.key, self.row.number, reason)


class RenewDialog(_CardDialog):
    """更新: `result_value` is the new `IssuedCard` with the new validity."""

    def __init__(self, ctx: AppContext, row: CardRow, key: Ed25519PrivateKey,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, row, "renew", parent)
        self.key = key
        self.setWindowTitle(self.tr("Renew the certification"))
        self.completed_on = date_edit("renewCompletedOn")
        self.completed_on.dateChanged.connect(lambda _d: self._preview())
        self.new_until = QLabel()
        self.new_until.setObjectName("renewNewUntil")
        self.form.addRow(self.tr("Valid until now:"), QLabel(self._date(row.valid_until)))
        self.form.addRow(self.tr("Renewal training completed on:"), self.completed_on)
        self.form.addRow(self.tr("New validity:"), self.new_until)
        self._finish(self.tr("A new card with the new validity is issued; the current card is "
                             "superseded. A renewal completed after the validity ended is "
                             "refused: the certification has lapsed."))
        self._preview()

    def _preview(self) -> None:
        verdict = evaluate_renewal(self.row.valid_until, date_value(self.completed_on))
        if verdict.status is RenewalStatus.RENEWED and verdict.new_valid_until:
            self.new_until.setText(self._date(verdict.new_valid_until))
        else:
            self.new_until.setText(self.tr("none: the certification has lapsed"))

    def submit(self) -> object:
        return cards.renew_certificate(self.ctx.db, self.ctx.actor, self.key, self.row.number,
                                       completed_on=date_value(self.completed_on))


class RevokeCardDialog(_CardDialog):
    """取消: the committee's revocation record (one record withdraws every revision)."""

    def __init__(self, ctx: AppContext, row: CardRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, row, "revokeCard", parent)
        self.setWindowTitle(self.tr("Revoke the certification"))
        self.revoked_on = date_edit("revokeOn")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("revokeCardReason")
        self.reason.setFixedHeight(80)
        self.form.addRow(self.tr("Revocation date:"), self.revoked_on)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self._finish(self.tr("Every card of this certificate is withdrawn at once. Export the "
                             "revocation list (or a new verifier page) and hand it out, so that "
                             "other PCs refuse the card too. For two years, disqualification "
                             "ground ④ applies to the person."))

    def submit(self) -> object:
        return revoke_certificate(self.ctx.db, self.ctx.actor, self.row.number,
                                  date_value(self.revoked_on), self.reason.toPlainText())
