"""Resource lookup in each install layout, and how the UI language is chosen."""

from __future__ import annotations

import sys

from scfn_desktop.config import Settings
from scfn_desktop.ui import i18n, resources


def test_source_checkout_resources_are_found(monkeypatch):
    monkeypatch.delenv(resources.ENV_RESOURCES, raising=False)
    assert (resources.resource_path("icons", "app.svg")).is_file()
    assert (resources.translations_dir() / "scfn_ja.qm").is_file()


def test_pyinstaller_bundle_wins(monkeypatch, tmp_path):
    monkeypatch.delenv(resources.ENV_RESOURCES, raising=False)
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_dir() == tmp_path / "resources"


def test_language_precedence(monkeypatch):
    monkeypatch.setattr(i18n, "system_language", lambda: "en")
    assert i18n.choose_language(None, Settings()) == "en"
    assert i18n.choose_language(None, Settings(language="ja")) == "ja"
    assert i18n.choose_language("en", Settings(language="ja")) == "en"
    assert i18n.choose_language("xx", Settings(language="zz")) == "en"
