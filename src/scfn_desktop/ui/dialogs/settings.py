"""Preferences: for now the UI language. The choice is remembered in `Settings` and applied
at once: the main window is rebuilt in the new language (no restart, no re-login)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.ui.i18n import LANGUAGES, language_name


class SettingsDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        for code in LANGUAGES:
            self.language_combo.addItem(language_name(code), code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))

        self.note = QLabel(self.tr("The window switches to the chosen language immediately."))
        self.note.setObjectName("languageNote")
        # One short sentence: kept on one line (wrapping it in a narrow dialog left 「す。」 alone
        # on the second line), so the dialog is as wide as the sentence.
        self.note.setWordWrap(False)
        form = QFormLayout()
        form.addRow(self.tr("Language / 言語"), self.language_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def language(self) -> str:
        return str(self.language_combo.currentData())
