"""The admin catalogue (admin_ja.ts) is complete, compiled from the current .ts, keeps its
placeholders, and is loaded with the others."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from scfn_desktop.ui.i18n import catalogue_files
from scfn_desktop.ui.resources import translations_dir

TS = translations_dir() / "admin_ja.ts"
QM = translations_dir() / "admin_ja.qm"
LRELEASE = Path("/work/venv/bin/pyside6-lrelease")


def _messages():
    return list(ET.parse(TS).getroot().iter("message"))


def test_every_admin_message_is_translated():
    assert ET.parse(TS).getroot().get("language", "").startswith("ja")
    unfinished = [m.findtext("source") for m in _messages()
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not "".join(m.find("translation").itertext()).strip()]
    assert unfinished == []
    assert len(_messages()) > 50


def test_admin_qm_is_compiled_from_the_current_ts(tmp_path):
    lrelease = shutil.which("pyside6-lrelease") or (str(LRELEASE) if LRELEASE.exists() else None)
    if lrelease is None:
        pytest.skip("pyside6-lrelease not available")
    fresh = tmp_path / "admin_ja.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run tools/update_translations.sh"


def test_admin_placeholders_survive_translation():
    for message in _messages():
        source = message.findtext("source")
        translation = "".join(message.find("translation").itertext())
        for marker in ("%1", "%2", "%3", "%4", "%n"):
            assert (marker in source) == (marker in translation), (source, translation)


def test_admin_catalogue_is_loaded(japanese):
    assert QM in catalogue_files("ja")
    assert "admin_ja.qm" in japanese
