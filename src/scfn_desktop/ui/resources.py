"""Find the `resources/` folder (icons, translations) wherever the app runs from.

Three layouts must work: a source checkout or editable install (the repository's `resources/`
next to `src/`), a PyInstaller bundle (`sys._MEIPASS/resources`), and an explicit override for
unusual installs (`SCFN_RESOURCES`). Looking the folder up in one place keeps the self-test,
the translators and the icons in agreement.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

ENV_RESOURCES = "SCFN_RESOURCES"


def _candidates() -> list[Path]:
    found: list[Path] = []
    override = os.environ.get(ENV_RESOURCES)
    if override:
        found.append(Path(override))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "resources")
    # src/scfn_desktop/ui/resources.py -> parents[3] is the repository root.
    found.append(Path(__file__).resolve().parents[3] / "resources")
    found.append(Path(sys.prefix) / "share" / "scfn-desktop" / "resources")
    return found


def resources_dir() -> Path:
    """The first candidate folder that exists (the repository one if none does, for messages)."""
    candidates = _candidates()
    for path in candidates:
        if path.is_dir():
            return path
    return candidates[-2]


def resource_path(*parts: str) -> Path:
    """A file under `resources/`, e.g. `resource_path("icons", "roster.svg")`."""
    return resources_dir().joinpath(*parts)


def translations_dir() -> Path:
    return resource_path("translations")


@cache
def icon(name: str) -> QIcon:
    """An icon from `resources/icons/` (an empty icon when the file is missing, never an error)."""
    if not name:
        return QIcon()
    path = resource_path("icons", name)
    return QIcon(str(path)) if path.is_file() else QIcon()
