"""The committee's record of the grading rule: change the 合格基準 (with the reason the minutes
need), and read every version of the rule — who changed what, when and why.

As in the setup dialog, the rule itself is the service's: `submit` calls
`exams.set_pass_criterion`, whose refusal (no reason, a value out of range) is shown inside the
dialog, which stays open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.exams.grading import GradingRule
from scfn_desktop.services.exams.results import KeyVersionView
from scfn_desktop.ui.exams.common import ERROR_STYLE, problem_text
from scfn_desktop.ui.exams.setup_dialog import PassCriterionInput
from scfn_desktop.ui.formatting import local_date_time

CREATED_REASON = "作成 / created"  # what services.exams.setup.create_exam writes on version 1


class PassCriterionDialog(QDialog):
    """`submit(mode, value, reason)` re-scores everyone or raises the refusal."""

    def __init__(self, rule: GradingRule, submit: Callable[[str, float, str], object],
                 language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passCriterionDialog")
        self.setWindowTitle(self.tr("Change the pass criterion"))
        self.submit = submit
        self.language = language
        self.result_value: object = None
        current = rule.describe_ja() if language == "ja" else rule.describe_en()
        self.criterion = PassCriterionInput()
        self.criterion.points.setMaximum(max(1, rule.max_points))
        self.criterion.set_criterion(rule.pass_mode, rule.pass_value)
        self.reason = QLineEdit()
        self.reason.setObjectName("passReasonEdit")
        self.reason.setPlaceholderText(self.tr("e.g. decided at the committee meeting of …"))
        self.error = QLabel()
        self.error.setObjectName("passError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Current criterion:"), QLabel(
            self.tr("%1 (maximum %2 points)").replace("%1", current)
            .replace("%2", str(rule.max_points))))
        form.addRow(self.tr("New criterion:"), self.criterion)
        form.addRow(self.tr("Reason (required):"), self.reason)
        note = QLabel(self.tr("Everyone is re-scored at once; the next window lists whose "
                              "result changed."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def try_accept(self) -> None:
        mode, value = self.criterion.criterion()
        try:
            self.result_value = self.submit(mode, value, self.reason.text())
        except Exception as exc:  # the service's refusal, shown where the input is
            self.error.setText(problem_text(exc, self.language))
            self.error.show()
            return
        self.accept()


class KeyHistoryDialog(QDialog):
    """Every version of the rule, newest first (the top row is what grades now)."""

    def __init__(self, versions: Sequence[KeyVersionView], language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyHistoryDialog")
        self.setWindowTitle(self.tr("History of the answer key and pass criterion"))
        ja = language == "ja"
        self.table = QTableWidget(len(versions), 6)
        self.table.setObjectName("keyHistoryTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Version"), self.tr("Date and time"), self.tr("Changed by"),
            self.tr("Reason"), self.tr("What changed"), self.tr("Pass criterion")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        for row, v in enumerate(reversed(list(versions))):
            when = local_date_time(v.created_at)
            reason = v.reason
            if reason == CREATED_REASON:  # the service's bilingual note on version 1
                reason = reason.partition(" / ")[0 if ja else 2]
            values = (str(v.version), when, v.actor, reason,
                      v.summary_ja if ja else v.summary_en,
                      v.rule.describe_ja() if ja else v.rule.describe_en())
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        for col in (0, 1, 2, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(3, 300)
        # long reasons wrap: row heights follow the column widths once the dialog is laid out
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Each change is a new version; earlier results can "
                                        "always be reproduced. The top row is in force.")))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(980, 380)
