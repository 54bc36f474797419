"""The tamper check's result on the audit page, large and coloured: green when the chain, the
signed checkpoint and the data all agree; red naming each problem (the first broken entry, a
checkpoint the log no longer matches, the rows changed behind the application's back).

It only displays what `services.admin.integrity` computed. Emits `showEntryRequested(id, seq)`
when the reader asks to see a broken entry, and keeps every line for the details box.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from scfn_desktop.services.admin.integrity import IntegrityReport
from scfn_desktop.services.audit import ChainReport

BANNER_STYLES = {
    "ok": "QFrame#verifyBanner { background: #e3f4e3; border: 2px solid #2e7d32;"
          " border-radius: 6px; } QLabel { color: #1b5e20; }",
    "broken": "QFrame#verifyBanner { background: #fbe0e0; border: 2px solid #c62828;"
              " border-radius: 6px; } QLabel { color: #b71c1c; }",
    "running": "QFrame#verifyBanner { background: #eeeeee; border: 2px solid #9e9e9e;"
               " border-radius: 6px; } QLabel { color: #333333; }",
}
SHOWN_FINDINGS = 4  # the rest are in the details box


class VerifyBanner(QFrame):
    showEntryRequested = Signal(int, int)
    detailsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyBanner")
        self.state = ""
        self.report: ChainReport | None = None
        self.lines: list[str] = []
        self.label = QLabel()
        self.label.setObjectName("verifyText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.label.setFont(font)
        self.show_button = QPushButton(self.tr("Show this entry"))
        self.show_button.setObjectName("showBrokenButton")
        self.show_button.clicked.connect(self._show_entry)
        self.details_button = QPushButton(self.tr("Details…"))
        self.details_button.setObjectName("verifyDetailsButton")
        self.details_button.clicked.connect(self.detailsRequested)
        buttons = QVBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.details_button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.label, 1)
        row.addLayout(buttons)
        self.hide()

    def _set(self, state: str, text: str) -> None:
        self.state = state
        self.setStyleSheet(BANNER_STYLES[state])
        self.label.setText(text)
        self.show_button.setVisible(state == "broken" and self.report is not None
                                    and self.report.broken_id is not None)
        self.details_button.setVisible(state in ("ok", "broken"))
        self.show()

    def show_running(self) -> None:
        self.report = None
        self._set("running", self.tr("Checking the audit log and the data for tampering…"))

    def show_integrity(self, report: IntegrityReport, language: str) -> None:
        self.report = report.chain
        self.lines = report.lines(language)
        if report.ok:
            rows = report.data.rows_checked if report.data is not None else 0
            self._set("ok", self.tr(
                "✔ No tampering found: all %1 entries are intact, the signed checkpoint "
                "matches, and %2 rows of data match the log.")
                .replace("%1", f"{report.chain.checked:,}").replace("%2", f"{rows:,}"))
            return
        parts = []
        chain = report.chain
        if not chain.ok:
            parts.append(self.tr(
                "✖ Tampering detected at entry No. %1 (ID %2): %3\n"
                "The %4 entries before it are intact; this entry and everything after it "
                "cannot be trusted.").replace("%1", str(chain.broken_seq))
                .replace("%2", str(chain.broken_id))
                .replace("%3", chain.reason_ja if language == "ja" else chain.reason_en)
                .replace("%4", f"{chain.checked:,}"))
        for checkpoint in report.checkpoints:
            if not checkpoint.ok:
                parts.append(self.tr("✖ Signed checkpoint: %1").replace(
                    "%1", checkpoint.reason_ja if language == "ja" else checkpoint.reason_en))
        if report.data is not None and not report.data.ok:
            findings = report.data.findings
            text = self.tr("✖ %1 row(s) of data differ from the log:").replace(
                "%1", str(len(findings)))
            shown = [f.text(language) for f in findings[:SHOWN_FINDINGS]]
            if len(findings) > SHOWN_FINDINGS:
                shown.append(self.tr("… and %1 more (Details…)").replace(
                    "%1", str(len(findings) - SHOWN_FINDINGS)))
            parts.append("\n".join([text, *("  " + line for line in shown)]))
        self._set("broken", "\n".join(parts))

    def _show_entry(self) -> None:
        if self.report is not None and self.report.broken_id is not None:
            self.showEntryRequested.emit(self.report.broken_id, self.report.broken_seq or 0)
