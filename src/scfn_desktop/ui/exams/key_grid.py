"""The answer key as a grid: one row per question, its answer beside it.

Typing 50-100 answers into one comma-separated line lost people's place; committees keep the
key in a spreadsheet, so Ctrl+V of a copied column fills the rows from the current one down (a
copied two-column range "question, answer" goes to the questions it names, and a pasted line
"2,4,1/3" is split at its commas). Full-width input (２、１／３) is normalised; each cell is
checked by the service when the key is submitted, which names the questions at fault. The
grid hands the service the same text form the CLI takes (`key_text()`), so there is one parser.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from scfn_desktop.services.exams import setup as exams

MAX_PASTE_LINES = 1000  # a whole sheet pasted by mistake is cut here, not read into memory


def _clean(cell: str) -> str:
    """'１／３' -> '1/3', '2 ' -> '2', ' ア ' -> 'ア' (the service checks the labels)."""
    text = unicodedata.normalize("NFKC", cell).replace("、", ",").strip()
    return "/".join(part.strip() for part in text.split("/") if part.strip())


def _question(cell: str) -> str:
    """'問3', 'Q3', '３' -> '3' (the question column of a copied range)."""
    text = unicodedata.normalize("NFKC", cell).strip()
    return text.removeprefix("問").removeprefix("Q").removeprefix("q").strip()


class AnswerKeyGrid(QTableWidget):
    """Emits `changed` on every edit or paste."""

    changed = Signal()

    def __init__(self, questions: int = 50, parent: QWidget | None = None) -> None:
        super().__init__(0, 1, parent)
        self.setObjectName("answerKeyGrid")
        self.setHorizontalHeaderLabels([self.tr("Answer")])
        self.horizontalHeader().setStretchLastSection(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setToolTip(self.tr("Type each answer (1/3 = either is correct), or copy the "
                                "answer column in a spreadsheet and press Ctrl+V here."))
        self.itemChanged.connect(lambda _item: self.changed.emit())
        self.set_question_count(questions)

    def set_question_count(self, n: int) -> None:
        old = self.rowCount()
        self.setRowCount(n)
        self.setVerticalHeaderLabels([self.tr("Q%1").replace("%1", str(q))
                                      for q in range(1, n + 1)])
        for row in range(old, n):
            self.setItem(row, 0, QTableWidgetItem(""))
        self.changed.emit()

    def answers(self) -> list[str]:
        return [_clean(self.item(r, 0).text()) if self.item(r, 0) else ""
                for r in range(self.rowCount())]

    def key_text(self) -> str:
        """The key in the CLI's form ('2,4,1/3'); an empty cell stays an empty answer."""
        return ",".join(self.answers())

    def set_key_text(self, text: str) -> None:
        key = exams.parse_key_text(text)
        self._set_cells({q - 1: "/".join(choices) for q, choices in key.items()})

    def filled_count(self) -> int:
        return sum(1 for a in self.answers() if a)

    def _set_cells(self, cells: dict[int, str]) -> None:
        self.blockSignals(True)
        for row, text in cells.items():
            if 0 <= row < self.rowCount():
                self.setItem(row, 0, QTableWidgetItem(text))
        self.blockSignals(False)
        self.changed.emit()

    # pasting ---------------------------------------------------------------------------------
    def paste_text(self, text: str, start_row: int | None = None) -> int:
        """Fill from clipboard text; returns how many cells were set (rows past the last
        question are ignored)."""
        lines = [ln for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        while lines and not lines[-1].strip():
            lines.pop()
        lines = lines[:MAX_PASTE_LINES]
        start = max(0, self.currentRow() if start_row is None else start_row)
        if len(lines) == 1 and "\t" not in lines[0]:  # the line form: "2,4,1/3"
            parts = unicodedata.normalize("NFKC", lines[0]).replace("、", ",").split(",")
            cells = {start + i: _clean(p) for i, p in enumerate(parts)}
        elif lines and all(self._numbered(ln) for ln in lines if ln.strip()):
            cells = {}
            for ln in lines:  # a copied range: question, answer
                if ln.strip():
                    q, answer = ln.split("\t")[:2]
                    cells[int(_question(q)) - 1] = _clean(answer)
        else:  # a copied column (the first cell of each line)
            cells = {start + i: _clean(ln.split("\t")[0]) for i, ln in enumerate(lines)}
        cells = {r: t for r, t in cells.items() if 0 <= r < self.rowCount()}
        self._set_cells(cells)
        return len(cells)

    def _numbered(self, line: str) -> bool:
        cells = line.split("\t")
        q = _question(cells[0])
        return len(cells) >= 2 and q.isdigit() and 1 <= int(q) <= self.rowCount()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_text(QGuiApplication.clipboard().text())
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and \
                self.state() != QAbstractItemView.State.EditingState:
            self._set_cells({i.row(): "" for i in self.selectedIndexes()})
            event.accept()
            return
        super().keyPressEvent(event)
