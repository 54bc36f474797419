"""The committee creates the 修了認定テスト of a training run (MANAGE_EXAMS).

Every rule stays in `services.exams.setup.create_exam`: the dialog only collects the input and
hands it to `submit`; a refusal (a key with a missing answer, a choice that does not exist, too
many questions for one form) is shown inside the dialog with each problem listed, and the
dialog stays open so nothing typed is lost. The question count is capped by what fits on one
A4 form for the chosen number of choices (`exams.max_questions`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.runs.training_runs import RunRow
from scfn_desktop.ui.exams.common import ERROR_STYLE, problem_text
from scfn_desktop.ui.exams.key_grid import AnswerKeyGrid


@dataclass(frozen=True)
class ExamSpec:
    """What the committee entered; `key_text` is parsed by the service's own parser."""

    run_id: int
    title: str
    num_questions: int
    num_choices: int
    labels: str
    points: int
    key_text: str
    pass_mode: str
    pass_value: float


class PassCriterionInput(QWidget):
    """One pass criterion: a minimum percentage or a minimum score (never both)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.percent_radio = QRadioButton(self.tr("Score rate"))
        self.points_radio = QRadioButton(self.tr("Score"))
        group = QButtonGroup(self)
        group.addButton(self.percent_radio)
        group.addButton(self.points_radio)
        self.percent = QDoubleSpinBox()
        self.percent.setObjectName("passPercentSpin")
        self.percent.setRange(0.1, 100.0)
        self.percent.setDecimals(1)
        self.percent.setValue(60.0)
        self.percent.setSuffix(self.tr(" % or more"))
        self.points = QSpinBox()
        self.points.setObjectName("passPointsSpin")
        self.points.setRange(1, 10000)
        self.points.setSuffix(self.tr(" points or more"))
        self.percent_radio.setChecked(True)
        for radio in (self.percent_radio, self.points_radio):
            radio.toggled.connect(self._sync)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.percent_radio, self.percent, self.points_radio, self.points):
            layout.addWidget(w)
        layout.addStretch(1)
        self._sync()

    def _sync(self) -> None:
        self.percent.setEnabled(self.percent_radio.isChecked())
        self.points.setEnabled(self.points_radio.isChecked())

    def set_criterion(self, mode: str, value: float) -> None:
        if mode == "points":
            self.points_radio.setChecked(True)
            self.points.setValue(round(value))
        else:
            self.percent_radio.setChecked(True)
            self.percent.setValue(value)

    def criterion(self) -> tuple[str, float]:
        if self.points_radio.isChecked():
            return "points", float(self.points.value())
        return "percent", float(self.percent.value())


class ExamSetupDialog(QDialog):
    """`submit(spec)` creates the exam or raises the service's refusal."""

    def __init__(self, runs: Sequence[RunRow], submit: Callable[[ExamSpec], object],
                 language: str, parent: QWidget | None = None,
                 no_run_notice: QWidget | None = None) -> None:
        """`runs`: the open runs, newest first (the first is chosen). Without any, the dialog
        shows `no_run_notice` (what to do instead) and cannot create."""
        super().__init__(parent)
        self.setObjectName("examSetupDialog")
        self.setWindowTitle(self.tr("Create the completion certification test"))
        self.submit = submit
        self.language = language
        self.result_value: object = None
        self.run_combo = QComboBox()
        self.run_combo.setObjectName("runCombo")
        for run in runs:
            self.run_combo.addItem(self.tr("%1 (%2 trainees)").replace("%1", run.label)
                                   .replace("%2", str(run.trainee_count)), run.id)
        self.title_edit = QLineEdit("修了認定テスト")
        self.title_edit.setObjectName("examTitleEdit")
        self.questions = QSpinBox()
        self.questions.setObjectName("questionsSpin")
        self.questions.setRange(1, 100)
        self.questions.setValue(50)
        self.choices = QSpinBox()
        self.choices.setObjectName("choicesSpin")
        self.choices.setRange(2, 9)
        self.choices.setValue(4)
        self.labels = QComboBox()
        self.labels.setObjectName("labelsCombo")
        self.labels.addItem(self.tr("Digits (1, 2, 3 …)"), "digits")
        self.labels.addItem(self.tr("Katakana (ア, イ, ウ …)"), "kana")
        self.points = QSpinBox()
        self.points.setObjectName("pointsSpin")
        self.points.setRange(1, 100)
        self.points.setSuffix(self.tr(" points"))
        self.key_grid = AnswerKeyGrid(self.questions.value())
        self.key_grid.setFixedHeight(self.fontMetrics().lineSpacing() * 9)
        key_hint = QLabel(self.tr("One answer per question (1/3 = either is correct). To "
                                  "paste from a spreadsheet, copy the answer column, click "
                                  "question 1 and press Ctrl+V."))
        key_hint.setWordWrap(True)
        self.key_status = QLabel()
        self.key_status.setObjectName("keyStatus")
        self.capacity = QLabel()
        self.capacity.setObjectName("capacityLabel")
        self.criterion = PassCriterionInput()
        self.error = QLabel()
        self.error.setObjectName("setupError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        for w in (self.questions, self.choices, self.points):
            w.valueChanged.connect(self._sync)
        self.questions.valueChanged.connect(self.key_grid.set_question_count)
        self.labels.currentIndexChanged.connect(self._sync)
        self.key_grid.changed.connect(self._sync)

        form = QFormLayout()
        form.addRow(self.tr("Training run:"), self.run_combo)
        form.addRow(self.tr("Title:"), self.title_edit)
        size = QHBoxLayout()
        size.addWidget(self.questions)
        size.addWidget(QLabel(self.tr("questions ×")))
        size.addWidget(self.choices)
        size.addWidget(QLabel(self.tr("choices")))
        size.addWidget(self.capacity, 1)
        form.addRow(self.tr("Size:"), size)
        form.addRow(self.tr("Choice labels:"), self.labels)
        form.addRow(self.tr("Points per question:"), self.points)
        key_box = QVBoxLayout()
        key_box.addWidget(key_hint)
        key_box.addWidget(self.key_grid)
        key_box.addWidget(self.key_status)
        form.addRow(self.tr("Answer key:"), key_box)
        form.addRow(self.tr("Pass criterion:"), self.criterion)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not runs and no_run_notice is not None:
            layout.addWidget(no_run_notice)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.run_combo.setEnabled(bool(runs))
        self.resize(720, self.sizeHint().height())
        self._sync()

    def _sync(self) -> None:
        """Keep the limits consistent and count the answers typed so far."""
        limit = exams.max_questions(self.choices.value())
        self.questions.setMaximum(limit)
        self.capacity.setText(self.tr("(at most %1 questions fit on one form)")
                              .replace("%1", str(limit)))
        self.criterion.points.setMaximum(max(1, self.questions.value() * self.points.value()))
        allowed = exams.LABEL_SETS[self.labels.currentData()][: self.choices.value()]
        typed = self.key_grid.filled_count()
        n = self.questions.value()
        colour = "#1b7f3b" if typed == n else "#b00020"
        text = (self.tr("%1 of %2 answers entered · choices: %3").replace("%1", str(typed))
                .replace("%2", str(n)).replace("%3", " ".join(allowed)))
        self.key_status.setText(f"<span style='color:{colour}'>{text}</span>")
        self.ok_button.setEnabled(self.run_combo.count() > 0)

    def spec(self) -> ExamSpec:
        mode, value = self.criterion.criterion()
        return ExamSpec(int(self.run_combo.currentData() or 0), self.title_edit.text(),
                        self.questions.value(), self.choices.value(),
                        str(self.labels.currentData()), self.points.value(),
                        self.key_grid.key_text(), mode, value)

    def try_accept(self) -> None:
        try:
            self.result_value = self.submit(self.spec())
        except Exception as exc:  # the service's refusal, shown where the input is
            self.error.setText(problem_text(exc, self.language))
            self.error.show()
            return
        self.accept()
