"""The demo as `scfn-desktop --demo` builds it (the start-up path with its progress dialog,
finished run included), then the committee pictures of tools/screenshots_committee.py at
1366x768 in Japanese: nothing cut off, the documents rendered by poppler. With
SCFN_SCREENSHOTS=1 the pictures go to docs/screenshots/ (otherwise to a temporary folder, so an
ordinary run leaves the committed ones alone)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from scfn_desktop.config import resolve_db_url
from scfn_desktop.services.committee.dossier import run_dossiers
from scfn_desktop.services.runs.training_runs import list_runs
from scfn_desktop.ui.startup import open_database_for_gui

pytestmark = pytest.mark.gui

ROOT = Path(__file__).parents[3]


def tool(monkeypatch):  # type: ignore[no-untyped-def]
    """The tool loaded as `python tools/screenshots_committee.py` runs it: with its folder on
    the path (for tools/screenshot_session.py)."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    spec = importlib.util.spec_from_file_location(
        "screenshots_committee", ROOT / "tools" / "screenshots_committee.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_demo_start_up_and_committee_screenshots(qtbot, data_dir, japanese, tmp_path,
                                                 monkeypatch):
    db = open_database_for_gui(resolve_db_url(), "ja", demo=True)
    try:
        run = next(r for r in list_runs(db) if r.label == "令和6年度 第1期")
        assert len(run_dossiers(db, run.id)) == 24
        out = ROOT / "docs" / "screenshots" if os.environ.get("SCFN_SCREENSHOTS") == "1" \
            else tmp_path / "shots"
        out.mkdir(parents=True, exist_ok=True)
        shots = tool(monkeypatch).shoot(db, out, tmp_path)
        assert [p.name for p in shots][:3] == ["committee_decisions.png",
                                               "committee_dossier.png", "register.png"]
        assert all(p.stat().st_size > 10_000 for p in shots)
    finally:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "mainWindow":
                widget.close()
        db.dispose()
