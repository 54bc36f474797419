"""Every Japanese catalogue (one per room of the UI: the shell's scfn_ja.ts and one per
ui/<capability>/ package) is complete, keeps its placeholders, holds only its own room's files,
and the committed .qm is compiled from the current .ts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from scfn_desktop.ui.i18n import catalogue_files, install_translators
from scfn_desktop.ui.resources import translations_dir

CATALOGUES = sorted(translations_dir().glob("*_ja.ts"))
QT_SUPPLEMENTS = sorted((translations_dir() / "qt").glob("*_ja.ts"))  # Qt's strings, by hand
SHELL_PARTS = ("scfn_desktop/app.py", "ui/dialogs/", "ui/widgets/")


def lrelease() -> str | None:
    """Beside the running interpreter first (the venv's bin, which the README's test command
    does not put on PATH), then on PATH."""
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


def messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def test_every_room_has_a_catalogue():
    ui = Path(__file__).parents[2] / "src" / "scfn_desktop" / "ui"
    rooms = {p.name for p in ui.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    expected = {f"{room}_ja.ts" for room in rooms - {"dialogs", "widgets"}} | {"scfn_ja.ts"}
    assert {ts.name for ts in CATALOGUES} == expected


@pytest.mark.parametrize("ts", CATALOGUES + QT_SUPPLEMENTS, ids=lambda p: p.stem)
def test_every_message_is_translated(ts):
    assert ET.parse(ts).getroot().get("language", "").startswith("ja")
    unfinished = [m.findtext("source") for m in messages(ts)
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not "".join(m.find("translation").itertext()).strip()]
    assert messages(ts) and unfinished == []


@pytest.mark.parametrize("ts", CATALOGUES + QT_SUPPLEMENTS, ids=lambda p: p.stem)
def test_placeholders_survive_translation(ts):
    for message in messages(ts):
        source = message.findtext("source")
        translation = "".join(message.find("translation").itertext())
        for marker in ("%1", "%2", "%3", "%4", "%5", "%6", "%7", "%n"):
            assert (marker in source) == (marker in translation), (source, translation)


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.stem)
def test_catalogue_holds_only_its_own_room(ts):
    files = {loc.get("filename") for loc in ET.parse(ts).getroot().iter("location")
             if loc.get("filename")}
    room = ts.stem.removesuffix("_ja")
    if room == "scfn":
        own = [f for f in files if any(part in f for part in SHELL_PARTS)
               or f.rsplit("/", 2)[-2] == "ui"]
    else:
        own = [f for f in files if f"/ui/{room}/" in f]
    assert files and sorted(own) == sorted(files), files


@pytest.mark.parametrize("ts", CATALOGUES + QT_SUPPLEMENTS, ids=lambda p: p.stem)
def test_qm_is_compiled_from_the_current_ts(ts, tmp_path):
    tool = lrelease()
    if tool is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pyside6-lrelease not found beside the interpreter nor on PATH")
        pytest.skip("pyside6-lrelease not available")
    fresh = tmp_path / f"{ts.stem}.qm"
    subprocess.run([tool, "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), \
        "run tools/update_translations.sh"


def test_catalogues_install(qapp):
    assert {p.stem for p in catalogue_files("ja")} == {ts.stem for ts in CATALOGUES}
    try:
        loaded = install_translators("ja")
        assert {f"{ts.stem}.qm" for ts in CATALOGUES} <= set(loaded)
        assert "qtbase_ja" in loaded
    finally:
        install_translators("en")
