"""The Japanese catalogue is complete and the committed .qm matches the .ts."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from scfn_desktop.ui.i18n import catalogue_files, install_translators
from scfn_desktop.ui.resources import translations_dir

TS = translations_dir() / "scfn_ja.ts"
QM = translations_dir() / "scfn_ja.qm"
LRELEASE = Path("/work/venv/bin/pyside6-lrelease")


def _lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease")
    return found or (str(LRELEASE) if LRELEASE.exists() else None)


def test_every_message_is_translated():
    root = ET.parse(TS).getroot()
    assert root.get("language", "").startswith("ja")
    unfinished = [m.findtext("source") for m in root.iter("message")
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not "".join(m.find("translation").itertext()).strip()]
    assert unfinished == []


def test_qm_is_compiled_from_the_current_ts(tmp_path):
    lrelease = _lrelease()
    if lrelease is None:
        pytest.skip("pyside6-lrelease not available")
    fresh = tmp_path / "scfn_ja.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run tools/update_translations.sh"


def test_placeholders_survive_translation():
    root = ET.parse(TS).getroot()
    for message in root.iter("message"):
        source = message.findtext("source")
        translation = "".join(message.find("translation").itertext())
        for marker in ("%1", "%2", "%3", "%4", "%n"):
            assert (marker in source) == (marker in translation), (source, translation)


def test_catalogues_install(qapp):
    assert QM in catalogue_files("ja")
    try:
        loaded = install_translators("ja")
        assert "scfn_ja.qm" in loaded and "qtbase_ja" in loaded
    finally:
        install_translators("en")
