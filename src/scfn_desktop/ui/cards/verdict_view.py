"""The verify page's big answer: one of the six states in a colour block readable at arm's
length, the reason, and the card's details (number, revision, dates, key, the withdrawal and
its reason). Green only for a valid card; every refusal is red or orange, never green."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from scfn_desktop.credentials import CardVerdict
from scfn_desktop.ui.widgets.verdict_block import big_label, paint

# state -> (background, text colour)
COLOURS = {
    "idle": ("#eceff1", "#263238"),
    "valid": ("#1b7f3b", "#ffffff"),
    "expired": ("#f2b200", "#1a1a1a"),
    "revoked": ("#c62828", "#ffffff"),
    "superseded": ("#ef6c00", "#ffffff"),
    "unknown_key": ("#b71c1c", "#ffffff"),
    "forged": ("#8e1b1b", "#ffffff"),
}


class VerdictView(QFrame):
    def __init__(self, pick, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("cardVerdict")
        self.setAutoFillBackground(True)
        self.pick = pick  # (ja, en) -> the UI language's text
        self.state = "idle"
        self.verdict: CardVerdict | None = None
        self.title = big_label("verdictTitle", 3.0, bold=True)
        self.reason = big_label("verdictReason", 1.3)
        self.details = big_label("verdictDetails", 1.05)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 14)
        layout.addWidget(self.title)
        layout.addWidget(self.reason)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.show_idle()

    def _paint(self, state: str) -> None:
        self.state = state
        paint(self, *COLOURS[state])

    def show_idle(self, hint: str = "") -> None:
        self.verdict = None
        self._paint("idle")
        self.title.setText(self.tr("Scan a certificate card"))
        self.reason.setText(hint or self.tr("Barcode scanner or camera, type the code printed "
                                            "under the QR code, or open an image or a PDF."))
        self.details.clear()
        self.details.hide()

    def show_message(self, title: str, text: str) -> None:
        """Not a verdict (e.g. no code in a file): said on the red of a refusal."""
        self.verdict = None
        self._paint("forged")
        self.title.setText(title)
        self.reason.setText(text)
        self.details.clear()
        self.details.hide()

    def show_verdict(self, verdict: CardVerdict) -> None:
        self.verdict = verdict
        self._paint(verdict.status.value)
        self.title.setText(self.pick(verdict.label_ja, verdict.label_en))
        self.reason.setText(self.pick(verdict.reason_ja, verdict.reason_en))
        rows = "".join(
            f"<tr><td style='padding-right:18px'>{html.escape(self.pick(ja, en))}</td>"
            f"<td><b>{html.escape(value)}</b></td></tr>"
            for ja, en, value in verdict.details())
        self.details.setText(f"<table>{rows}</table>")
        self.details.show()
