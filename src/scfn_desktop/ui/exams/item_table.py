"""The item analysis on the results page: the test's reliability (KR-20) above a table of the
questions, questions that behave badly highlighted with the reason (a candidate for 没問 or a
check of the key), voided questions greyed and marked. Only shows what
`services.exams.item_analysis` computed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.exams.item_analysis import ItemStats, TestStats

FLAGGED_COLOUR = QColor("#ffe2b8")
VOIDED_COLOUR = QColor("#e6e6e6")


def _fig(value: float | None, percent: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value:.0%}" if percent else f"{value:.2f}"


class ItemAnalysisView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("itemSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 9)
        self.table.setObjectName("itemTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Q"), self.tr("Key"), self.tr("Correct (p)"),
            self.tr("Discrimination (r)"), self.tr("Upper−lower (D)"),
            self.tr("Choices picked"), self.tr("Blank"), self.tr("Several"), self.tr("Note")])
        for col, tip in ((2, self.tr("Share of the trainees who answered it right.")),
                         (3, self.tr("Point-biserial correlation of the question with the "
                                     "rest of the test (the question left out of the "
                                     "total): below 0.20 the question hardly separates "
                                     "stronger from weaker trainees; below 0, stronger "
                                     "trainees got it wrong more often.")),
                         (4, self.tr("Share right in the top 27 % minus share right in the "
                                     "bottom 27 % by total score."))):
            self.table.horizontalHeaderItem(col).setToolTip(tip)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def clear(self) -> None:
        self.summary.clear()
        self.table.setRowCount(0)

    def show_stats(self, stats: TestStats, pick: Callable[[str, str], str]) -> None:
        text = (self.tr("Reliability KR-20: %1 (%2 questions, voided ones left out) · %3 "
                        "trainees graded · mean %4, SD %5 · %6 questions to look at")
                .replace("%1", _fig(stats.kr20)).replace("%2", str(stats.kr20_items))
                .replace("%3", str(stats.examinees)).replace("%4", _fig(stats.mean))
                .replace("%5", _fig(stats.sd)).replace("%6", str(len(stats.flagged))))
        if stats.pending:
            text += " · " + self.tr("%1 sheets wait for review or a choice and are not "
                                    "counted yet").replace("%1", str(stats.pending))
        self.summary.setText(text)
        self.table.setRowCount(len(stats.items))
        for row, it in enumerate(stats.items):
            self._fill_row(row, it, pick)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

    def _fill_row(self, row: int, it: ItemStats, pick: Callable[[str, str], str]) -> None:
        choices = "  ".join(f"{'★' if c.is_key else ''}{c.label}: {c.share:.0%}"
                            for c in it.choices)
        reasons = [pick(f.reason_ja, f.reason_en) for f in it.flags]
        note = self.tr("voided") if it.voided else " / ".join(reasons)
        values = (str(it.question), "/".join(it.key), _fig(it.p, percent=True),
                  _fig(it.point_biserial), _fig(it.upper_lower), choices, str(it.blank),
                  str(it.multiple), note)
        colour = VOIDED_COLOUR if it.voided else FLAGGED_COLOUR if it.flagged else None
        for col, text in enumerate(values):
            item = QTableWidgetItem(text)
            if colour is not None:
                item.setBackground(colour)
            if reasons:
                item.setToolTip("\n".join(reasons))
            self.table.setItem(row, col, item)

    def flagged_rows(self) -> list[int]:
        """Rows drawn as flagged (for tests and screen readers alike)."""
        return [r for r in range(self.table.rowCount())
                if self.table.item(r, 0).background().color() == FLAGGED_COLOUR]
