"""Find the `resources/` folder (icons, translations) wherever the app runs from.

The lookup itself lives in `config.py` (Qt-free, shared with the core); this module adds what
needs Qt (icons).

Three layouts must work: a source checkout or editable install (the repository's `resources/`
next to `src/`), a PyInstaller bundle (`sys._MEIPASS/resources`), and an explicit override for
unusual installs (`SCFN_RESOURCES`). Looking the folder up in one place keeps the self-test,
the translators and the icons in agreement.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

from ..config import ENV_RESOURCES, resource_path, resources_dir

__all__ = ["ENV_RESOURCES", "icon", "resource_path", "resources_dir", "translations_dir"]


def translations_dir() -> Path:
    return resource_path("translations")


@cache
def icon(name: str) -> QIcon:
    """An icon from `resources/icons/` (an empty icon when the file is missing, never an error)."""
    if not name:
        return QIcon()
    path = resource_path("icons", name)
    return QIcon(str(path)) if path.is_file() else QIcon()
