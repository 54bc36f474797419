"""UI language: choose it, install every translator for it, swap it at run time.

Each feature ships its own catalogue (`scfn_ja.qm`, later `exams_ja.qm`, ...), so we load every
`*_<lang>.qm` in `resources/translations/` rather than naming files here. Source strings are
English, so "en" needs no catalogue of ours, only Qt's own (which is English already).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from scfn_desktop.config import Settings
from scfn_desktop.ui.resources import translations_dir

LANGUAGES = ("ja", "en")
_installed: list[QTranslator] = []


def system_language() -> str:
    """Japanese when the system locale is Japanese, English otherwise."""
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def choose_language(cli_language: str | None, settings: Settings) -> str:
    """`--lang` beats the remembered choice, which beats the system locale."""
    for candidate in (cli_language, settings.language):
        if candidate in LANGUAGES:
            return candidate
    return system_language()


def catalogue_files(language: str) -> list[Path]:
    """Our own compiled catalogues for `language` (sorted, so loading order is stable)."""
    folder = translations_dir()
    return sorted(folder.glob(f"*_{language}.qm")) if folder.is_dir() else []


def qt_catalogue_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_translators(language: str) -> list[str]:
    """Replace the installed translators with those of `language`; return what was loaded.

    Failing to load Qt's own `qtbase_<lang>` is not fatal (the standard buttons stay English).
    Translators must be installed before the widgets are built: a widget translates its
    strings when it is made (or on a LanguageChange event), so the app installs them first.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translators needs a QApplication")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    loaded: list[str] = []
    QLocale.setDefault(QLocale(QLocale.Language.Japanese if language == "ja"
                               else QLocale.Language.English))
    if language == "en":
        return loaded
    for path in catalogue_files(language):
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(path.name)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_catalogue_dir()):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
        loaded.append(f"qtbase_{language}")
    for path in qt_supplement_files(language):  # after qtbase: what its catalogue lacks
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(path.name)
    return loaded


def qt_supplement_files(language: str) -> list[Path]:
    """Our translations of Qt's own strings that Qt's catalogue for `language` lacks
    (resources/translations/qt/): Qt 6's file dialog asks for strings the qtbase_ja.qm
    shipped with PySide6 was not made from, so "Look in:" stayed English."""
    folder = translations_dir() / "qt"
    return sorted(folder.glob(f"*_{language}.qm")) if folder.is_dir() else []


def language_name(code: str) -> str:
    """Each language named in itself, so a user who cannot read the current one finds theirs."""
    return {"ja": "日本語", "en": "English"}.get(code, code)
