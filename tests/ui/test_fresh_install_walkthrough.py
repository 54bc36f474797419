"""A fresh install, in Japanese, from the first start to a printed answer form, through the
windows only (no CLI): create the administrator, log in, create the 養成研修 on its page,
import the roster into it, create the 修了認定テスト with its key pasted from a spreadsheet,
and make the personalised answer-form PDF. This is what a new user could not do before: the
exam dialog had no run to offer and the import put the trainees in no run."""

from __future__ import annotations

import re
import subprocess

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from scfn_desktop.config import Settings
from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.roster import trainees as roster
from scfn_desktop.services.runs.training_runs import list_runs
from scfn_desktop.ui.shell import Shell

pytestmark = pytest.mark.gui

ROSTER = ("受講番号,氏名,フリガナ,ローマ字,所属機関,都道府県,メールアドレス\n"
          "1001,山田 花子,ヤマダ ハナコ,Yamada Hanako,新宿区多文化共生プラザ,東京都,a@example.jp\n"
          "1002,佐藤 健,サトウ ケン,Sato Ken,横浜市国際交流協会,神奈川県,b@example.jp\n"
          "1003,グエン ヴァン アン,グエン ヴァンアン,Nguyen Van An,新宿区多文化共生プラザ,東京都,"
          "c@example.jp\n")
QUESTIONS = 20


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_page(qtbot, window, key: str):
    """Click the page's entry in the sidebar, as a person does."""
    nav = window.navigation
    row = window.page_keys().index(key)
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_key() == key
    return window.current_page()


def test_first_start_to_answer_forms_without_the_cli(db, qtbot, tmp_path, japanese,
                                                       monkeypatch):
    shell = Shell(db, "ja", Settings.load(), quit_on_cancel=False)
    shell.start()

    # 1. First start: create the administrator.
    first = shell.first_run_dialog
    assert first is not None and first.isVisible() and first.username.text() == "admin"
    first.display_name.insert("事務局 一郎")
    qtbot.keyClicks(first.password, "office-2025")
    qtbot.keyClicks(first.confirm, "office-2025")
    qtbot.keyClick(first.confirm, Qt.Key.Key_Return)

    # 2. Log in.
    login = shell.login_dialog
    assert login is not None and login.username.text() == "admin"
    with qtbot.waitSignal(shell.mainWindowShown, timeout=5000):
        qtbot.keyClicks(login.password, "office-2025")
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    window = shell.main_window
    qtbot.addWidget(window)
    assert window.navigation.item(window.page_keys().index("runs")).text() == "養成研修"

    # 3. The 養成研修 page: nothing yet; create 令和7年度 第1期.
    runs_page = open_page(qtbot, window, "runs")
    assert runs_page.empty.isVisible() and "新しい養成研修" in runs_page.empty.text()
    click(qtbot, runs_page.new_button)
    dialog = runs_page.dialog
    dialog.form.fiscal_year.setValue(2025)
    dialog.form.venue.insert("東京ウィメンズプラザ")
    dialog.days.dates[0].setDate(QDate(2025, 11, 15))
    dialog.days.dates[1].setDate(QDate(2025, 11, 16))
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.ok_button)
    [run] = list_runs(db)
    assert run.label == "令和7年度 第1期" and len(run.days) == 2

    # 4. The roster: import the office's CSV into that run (offered by default).
    roster_file = tmp_path / "名簿.csv"
    roster_file.write_text(ROSTER, encoding="utf-8-sig")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(roster_file), "")))
    roster_page = open_page(qtbot, window, "roster")
    click(qtbot, roster_page.import_button)
    preview = roster_page.transfer.preview_dialog
    assert preview.run_combo.currentText() == "令和7年度 第1期"
    assert not preview.no_run_warning.isVisible()
    click(qtbot, preview.import_button)
    qtbot.waitUntil(lambda: roster_page.visible_count() == 3, timeout=10000)
    assert {t.run_id for t in roster.list_trainees(db)} == {run.id}

    # 5. The exam: the run is offered; the key is pasted from a spreadsheet column.
    results_page = open_page(qtbot, window, "results")
    click(qtbot, results_page.create_button)
    setup = results_page.setup_dialog
    assert setup.run_combo.currentText().startswith("令和7年度 第1期")
    setup.questions.setValue(QUESTIONS)
    QGuiApplication.clipboard().setText("\r\n".join(str(q % 4 + 1) for q in range(QUESTIONS)))
    setup.key_grid.setCurrentCell(0, 0)
    setup.key_grid.setFocus()
    qtbot.keyClick(setup.key_grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(setup.accepted):
        click(qtbot, setup.ok_button)
    [exam] = exams.list_exams(db)
    assert exam.run_id == run.id and exam.num_questions == QUESTIONS
    for box in window.findChildren(QMessageBox):  # 「試験を作成しました」
        box.accept()

    # 6. The answer forms: a PDF with one personalised form per trainee plus the spares.
    scanning_page = open_page(qtbot, window, "scanning")
    panel = scanning_page.print_panel
    scanning_page.tabs.setCurrentWidget(panel)
    out = tmp_path / panel.default_file_name()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "PDF (*.pdf)")))
    click(qtbot, panel.create_button)
    with qtbot.waitSignal(panel.task.finished, timeout=60000):
        pass
    assert panel.pdf_path == out and panel.pdf_pages == 3 + panel.spare.value()
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "令和7年度 第1期" in text and "受講番号" in text and "1001" in text
    assert re.search(r"山田\s*花子", text) and "Nguyen Van An".upper() in text.upper()
    assert text.count("\f") == 3 + panel.spare.value()
    window.close()
