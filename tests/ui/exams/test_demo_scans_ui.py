"""Help ▸ デモ用のスキャン画像を作成…: on a demo database the proctor picks a folder, the scans
are written behind the progress dialog, and a message says where and how to import them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from scfn_desktop.services.admin import accounts
from scfn_desktop.services.demo.loader import load_demo
from scfn_desktop.services.permissions import Actor
from scfn_desktop.ui import main_window
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def window_for(qtbot, db, actor: Actor, language: str = "ja") -> MainWindow:
    window = MainWindow(AppContext(db, actor, language))
    qtbot.addWidget(window)
    return window


def test_menu_writes_demo_scans_and_says_where(qtbot, db, japanese, tmp_path, monkeypatch):
    load_demo(db)
    window = window_for(qtbot, db, accounts.authenticate(db, "proctor", "demo-proctor"))
    action = window.demo_scans_action
    assert action.isVisible() and action.text() == "デモ用のスキャン画像を作成…"

    folder = tmp_path / "デモ スキャン"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: str(folder)))
    real = main_window.write_sample_scans  # three sheets are enough to test the wiring
    monkeypatch.setattr(main_window, "write_sample_scans",
                        lambda *a, **k: real(*a, count=3, **k))
    action.trigger()
    task = window.demo_scans_task
    assert task is not None and not action.isEnabled()
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert len(list(folder.glob("demo_scan_*.png"))) == 3
    text = window.demo_scans_box.text()
    assert str(folder) in text and "スキャンの取り込み" in text and "3 枚" in text
    assert action.isEnabled()
    window.demo_scans_box.close()


def test_menu_is_only_for_demo_databases_and_scanning_roles(qtbot, db, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: asked.append(a) or ""))
    plain = window_for(qtbot, db, Actor("kantoku", "proctor"), "en")
    assert not plain.demo_scans_action.isVisible() and plain.create_demo_scans() is None
    load_demo(db)
    assert not window_for(qtbot, db, Actor("uketsuke", "staff")).demo_scans_action.isVisible()
    proctor = window_for(qtbot, db, Actor("kantoku", "proctor"), "en")
    assert proctor.demo_scans_action.isVisible()
    assert proctor.create_demo_scans() is None and len(asked) == 1  # folder dialog cancelled
