"""The exam pages actually reach the user in Japanese (the catalogue checks themselves, shared by
every room, are in tests/ui/test_translations.py)."""

from __future__ import annotations


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
