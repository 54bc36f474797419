"""Dialogs of the results page: change the answer key or void a question (both need a reason),
and the list of trainees whose pass/fail the change flipped."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.exams.grading import STATUS_LABELS, OutcomeChange
from scfn_desktop.ui.exams.common import ERROR_STYLE, problem_text
from scfn_desktop.ui.exams.key_grid import AnswerKeyGrid


class KeyChangeDialog(QDialog):
    """mode 'key': edit the whole key in the grid; mode 'void': pick a question. Both need a
    reason. `submit(value, reason)` (value: the key text, or the question number) re-scores
    everyone or raises the service's refusal, which is shown here: the dialog stays open with
    the question and the reason as typed."""

    def __init__(self, mode: str, key_text: str, num_questions: int,
                 submit: Callable[[object, str], object], language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyChangeDialog")
        self.mode = mode
        self.submit = submit
        self.language = language
        self.result_value: object = None
        self.key_grid = AnswerKeyGrid(num_questions)
        self.key_grid.set_key_text(key_text)
        self.key_grid.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)
        self.question = QSpinBox()
        self.question.setObjectName("voidQuestion")
        self.question.setRange(1, num_questions)
        self.reason = QLineEdit()
        self.reason.setObjectName("reasonEdit")
        self.error = QLabel()
        self.error.setObjectName("keyChangeError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        form = QFormLayout()
        if mode == "key":
            self.setWindowTitle(self.tr("Change the answer key"))
            form.addRow(self.tr("Answer key (1/3 = either is correct; Ctrl+V pastes a "
                                "spreadsheet column):"), self.key_grid)
        else:
            self.setWindowTitle(self.tr("Void a question (everyone gets its points)"))
            form.addRow(self.tr("Question:"), self.question)
        form.addRow(self.tr("Reason (required):"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())

    def try_accept(self) -> None:
        value = self.key_grid.key_text() if self.mode == "key" else self.question.value()
        try:
            self.result_value = self.submit(value, self.reason.text())
        except Exception as exc:  # the service's refusal, shown where the input is
            self.error.setText(problem_text(exc, self.language))
            self.error.show()
            return
        self.accept()


class ChangesDialog(QDialog):
    """Whose status changed: shown after every re-scoring, even when nobody's did."""

    def __init__(self, changes: list[OutcomeChange], language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changesDialog")
        self.setWindowTitle(self.tr("Re-scored: changed results"))
        index = 0 if language == "ja" else 1
        text = (self.tr("The results of %1 trainees changed.").replace("%1", str(len(changes)))
                if changes else self.tr("Nobody's result changed."))
        self.table = QTableWidget(len(changes), 5)
        self.table.setObjectName("changesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Trainee number"), self.tr("Name"),
                                              self.tr("Before"), self.tr("After"),
                                              self.tr("Score")])
        for row, c in enumerate(changes):
            score = f"{c.score_before if c.score_before is not None else '—'} → " \
                    f"{c.score_after if c.score_after is not None else '—'}"
            for col, value in enumerate((c.trainee_number, c.name,
                                         STATUS_LABELS[c.before][index],
                                         STATUS_LABELS[c.after][index], score)):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 360)
