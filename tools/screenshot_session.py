"""What every screenshot tool starts with: offscreen Qt, the output folder (the first argument,
else docs/screenshots), a throwaway data folder so real data is never touched, and a
QApplication speaking Japanese. Imported by the tools/screenshots*.py scripts."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)  # the smallest laptop screen a venue is likely to have


def output_folder(argv: list[str]) -> Path:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    return out


@contextmanager
def throwaway_data_folder(prefix: str = "scfn-screens-") -> Iterator[Path]:
    """A temporary SCFN_DATA_DIR (and no configured database) for the block."""
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        os.environ["SCFN_DATA_DIR"] = folder
        os.environ.pop("SCFN_DB_URL", None)
        yield Path(folder)


def japanese_app() -> Any:
    """The QApplication (made once), with the Japanese catalogues installed."""
    from PySide6.QtWidgets import QApplication

    from scfn_desktop.ui.i18n import install_translators

    app = QApplication.instance() or QApplication([sys.argv[0]])
    install_translators("ja")
    return app
