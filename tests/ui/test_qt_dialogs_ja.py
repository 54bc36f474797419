"""Qt's own dialogs speak Japanese in the Japanese UI: nothing Qt's file dialog (open, save,
folder, list and detail views) or print dialog shows is left in English. A new user saw
"Look in:", "Files of type:" and "Folder": the qtbase_ja.qm that PySide6 ships was made from
older Qt sources (see resources/translations/qt/qtbase_extra_ja.ts)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)

pytestmark = pytest.mark.gui

# Shown in English on purpose or not Qt's catalogue's to give: the filter we pass, paper and
# key names, and file sizes and dates, which Qt formats with the system locale.
ALLOWED = re.compile(r"^(PDF \(\*\.pdf\)|OK|A4|Alt\+\w+|Ctrl\+\w+|\.\.\.|[\d.,]+ ?(bytes|[KMGT]i?B)"
                     r"|[\d :/.-]+)$")


def shown_texts(root: QWidget) -> set[str]:
    """Every text a person can read in `root`: labels, buttons, tooltips, group and tab titles,
    combo box items, column headers and the cells of the item views."""
    texts: set[str] = set()
    for w in [root, *root.findChildren(QWidget)]:
        texts.add(w.toolTip())
        if isinstance(w, QLabel | QAbstractButton):
            texts.add(w.text())
        if isinstance(w, QGroupBox):
            texts.add(w.title())
        if isinstance(w, QTabWidget):
            texts.update(w.tabText(i) for i in range(w.count()))
        if isinstance(w, QComboBox):
            texts.update(w.itemText(i) for i in range(w.count()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model, parent = w.model(), w.rootIndex()
            for col in range(model.columnCount(parent)):
                texts.add(str(model.headerData(col, Qt.Orientation.Horizontal) or ""))
                for row in range(model.rowCount(parent)):
                    texts.add(str(model.index(row, col, parent).data() or ""))
    return texts


def english(texts: set[str], own: set[str]) -> list[str]:
    """Texts with Latin words and no Japanese that are not ours (file names, paths)."""
    return sorted(t for t in texts if t and t not in own and re.search("[A-Za-z]{2}", t)
                  and not re.search("[\u3040-\u30ff\u4e00-\u9fff]", t) and not ALLOWED.match(t))


def test_file_dialogs_are_japanese(qtbot, tmp_path, japanese):
    (tmp_path / "scans").mkdir()
    (tmp_path / "forms.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 2000)
    own = {"scans", "forms.pdf", Path.home().name, str(Path.home()), *tmp_path.parts,
           *map(str, [tmp_path, *tmp_path.parents])}  # names of this PC's folders
    for mode in ("open", "save", "folder"):
        dialog = QFileDialog(None, "t", str(tmp_path), "PDF (*.pdf)")
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setViewMode(QFileDialog.ViewMode.Detail)  # the Type column says "Folder"
        if mode == "save":
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        if mode == "folder":
            dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.show()
        qtbot.wait(200)  # the file system model fills the views from its own thread
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        assert labels["lookInLabel"] == "場所(&L):"
        if mode != "folder":
            assert labels["fileTypeLabel"] == "ファイルの種類(&T):"
        assert english(shown_texts(dialog), own) == [], mode
        dialog.close()


def test_print_dialog_is_japanese(qtbot, japanese):
    printer = QPrinter()  # must outlive the dialog
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(100)
    combo = dialog.findChild(QComboBox, "printers")  # the PC's printers keep their names
    printers = {combo.itemText(i) for i in range(combo.count())} if combo else set()
    assert english(shown_texts(dialog), printers) == []


def test_the_extra_catalogue_is_loaded_with_the_others(japanese):
    assert "qtbase_ja" in japanese and "qtbase_extra_ja.qm" in japanese
    assert QApplication.translate("QAbstractFileIconProvider", "Folder") == "フォルダー"
