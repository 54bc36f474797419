"""The one big scan field: what a keyboard-wedge barcode scanner (or a person) types, then Enter.
Shared by the check-in desk (badges) and the verify page (certificate cards).

The input method is disabled on it: with a Japanese IME on, a wedge scanner's "A" arrives as
"あ" and the code is lost. What arrives is still NFKC-normalised (a full-width "ＡＢ１" typed
with the IME of another window becomes "AB1"), so the token codec sees plain ASCII.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


def normalise_input(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


class ScanField(QLineEdit):
    """Emits `codeEntered(text)` (normalised) on Enter and clears itself."""

    codeEntered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanField")
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly
                                 | Qt.InputMethodHint.ImhNoPredictiveText
                                 | Qt.InputMethodHint.ImhNoAutoUppercase
                                 | Qt.InputMethodHint.ImhSensitiveData)
        self.setMaxLength(1024)  # a badge is 127 characters, a card 140; far longer is noise
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setStyleHint(font.StyleHint.Monospace)
        self.setFont(font)
        self.setMinimumHeight(self.fontMetrics().height() + 18)
        self.returnPressed.connect(self._submit)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        super().keyPressEvent(event)

    def _submit(self) -> None:
        text = normalise_input(self.text())
        self.clear()
        if text:
            self.codeEntered.emit(text)
