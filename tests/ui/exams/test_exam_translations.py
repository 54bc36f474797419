"""The exams catalogue (exams_ja.ts) is complete, compiled, covers only the exam pages and
widgets, and its Japanese actually reaches the widgets."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from scfn_desktop.ui.resources import translations_dir

TS = translations_dir() / "exams_ja.ts"
QM = translations_dir() / "exams_ja.qm"
LRELEASE = Path("/work/venv/bin/pyside6-lrelease")
EXAM_FILES = ("pages/scanning.py", "pages/review.py", "pages/results.py", "widgets/exam_")


def messages():
    return list(ET.parse(TS).getroot().iter("message"))


def test_every_exam_message_is_translated():
    unfinished = [m.findtext("source") for m in messages()
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not "".join(m.find("translation").itertext()).strip()]
    assert unfinished == []


def test_placeholders_survive_translation():
    for m in messages():
        source = m.findtext("source")
        translation = "".join(m.find("translation").itertext())
        for marker in ("%1", "%2", "%3", "%4", "%5", "%6", "%7"):
            assert (marker in source) == (marker in translation), (source, translation)


def test_catalogue_holds_only_the_exam_files():
    files = {loc.get("filename") for loc in ET.parse(TS).getroot().iter("location")
             if loc.get("filename")}
    assert files and all(any(part in f for part in EXAM_FILES) for f in files), files


def test_exam_qm_is_compiled_from_the_current_ts(tmp_path):
    lrelease = shutil.which("pyside6-lrelease") or (str(LRELEASE) if LRELEASE.exists() else None)
    if lrelease is None:
        pytest.skip("pyside6-lrelease not available")
    fresh = tmp_path / "exams_ja.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run tools/update_translations.sh"


def test_print_tab_speaks_japanese(qtbot, db, japanese):
    from examkit import PROCTOR, make_exam, make_run

    from scfn_desktop.ui.context import AppContext
    from scfn_desktop.ui.exams.scanning_page import ScanningPage, _title

    make_exam(db, make_run(db, 2), n=10)
    page = ScanningPage(AppContext(db, PROCTOR, "ja"))
    qtbot.addWidget(page)
    assert _title() == "解答用紙の印刷・読み取り"
    assert page.tabs.tabText(0) == "1. 解答用紙の印刷"
    assert page.print_panel.create_button.text() == "解答用紙を作成（PDF）…"
    assert "予備用紙 5 枚" in page.print_panel.plan_label.text()
