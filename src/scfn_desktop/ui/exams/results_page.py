"""The results page (修了認定テストの結果): each trainee's score and 合格/不合格/要確認/未受験,
the item analysis of the questions (those behaving badly highlighted), and for the committee
(MANAGE_EXAMS) the exam's setup (create the test of a run), the key change, 没問 and the pass
criterion, each with a reason, which re-score everyone and list whose result changed. The
history of the rule is open to everyone who sees the results: it is the committee's record."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.exams.grading import STATUS_LABELS
from scfn_desktop.services.exams.item_analysis import item_analysis
from scfn_desktop.services.exams.results import exam_results, key_versions
from scfn_desktop.services.exams.setup import ExamView, RescoreReport
from scfn_desktop.services.permissions import Permission
from scfn_desktop.services.runs.training_runs import list_runs
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.exams.common import ExamPicker
from scfn_desktop.ui.exams.item_table import ItemAnalysisView
from scfn_desktop.ui.exams.key_dialog import ChangesDialog, KeyChangeDialog
from scfn_desktop.ui.exams.results_export import ResultsExporter
from scfn_desktop.ui.exams.rule_dialogs import KeyHistoryDialog, PassCriterionDialog
from scfn_desktop.ui.exams.setup_dialog import ExamSetupDialog, ExamSpec
from scfn_desktop.ui.messages import show_error, show_info
from scfn_desktop.ui.registry import PageSpec
from scfn_desktop.ui.widgets.read_only_table import read_only_table
from scfn_desktop.ui.widgets.run_notice import NoRunNotice
from scfn_desktop.ui.workers import dispose_when_closed

STATUS_COLOURS = {"passed": "#e3f4e3", "failed": "#fbe0e0", "pending": "#fff1d6",
                  "absent": "#eeeeee"}


class ResultsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.changes_dialog: ChangesDialog | None = None
        self.setup_dialog: ExamSetupDialog | None = None
        self.pass_dialog: PassCriterionDialog | None = None
        self.history_dialog: KeyHistoryDialog | None = None
        self.key_dialog: KeyChangeDialog | None = None
        self.picker = ExamPicker(ctx)
        self.picker.examChanged.connect(lambda _id: self.reload())
        self.rule_label = QLabel()
        self.rule_label.setObjectName("ruleLabel")
        self.rule_label.setWordWrap(True)
        self.results = read_only_table("resultsTable", [
            self.tr("Trainee number"), self.tr("Name"), self.tr("Score"), self.tr("Result"),
            self.tr("Reason")])
        self.items = ItemAnalysisView()
        self.exporter = ResultsExporter(ctx, self)
        can_manage = ctx.actor.can(Permission.MANAGE_EXAMS)
        self.key_button = QPushButton(self.tr("Change answer key…"))
        self.key_button.setObjectName("changeKeyButton")
        self.key_button.clicked.connect(lambda: self._open_dialog("key"))
        self.void_button = QPushButton(self.tr("Void a question…"))
        self.void_button.setObjectName("voidButton")
        self.void_button.clicked.connect(lambda: self._open_dialog("void"))
        self.pass_button = QPushButton(self.tr("Change pass criterion…"))
        self.pass_button.setObjectName("passCriterionButton")
        self.pass_button.clicked.connect(self.open_pass_dialog)
        self.create_button = QPushButton(self.tr("Create exam…"))
        self.create_button.setObjectName("createExamButton")
        self.create_button.clicked.connect(self.open_setup_dialog)
        for b in (self.key_button, self.void_button, self.pass_button, self.create_button):
            b.setVisible(can_manage)
        self.history_button = QPushButton(self.tr("Key history…"))
        self.history_button.setObjectName("keyHistoryButton")
        self.history_button.clicked.connect(self.open_history)
        # One "Export" button with a menu keeps the row narrow enough for 1366x768 even when
        # a translation is long (tests/ui/test_stretched_translation.py).
        export = QPushButton(self.tr("Export"))
        export.setObjectName("exportResultsButton")
        export_menu = QMenu(export)
        export_menu.addAction(self.tr("Results with the item analysis (xlsx/csv)…"),
                              lambda: self.exporter.choose_results_file(self.picker.exam_id()))
        export_menu.addAction(self.tr("Annotated answer forms (PDF)…"),
                              lambda: self.exporter.choose_forms_file(self.picker.exam_id()))
        self.export_button = export
        export.setMenu(export_menu)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.reload)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Exam:")))
        top.addWidget(self.picker, 1)
        top.addWidget(self.create_button)
        top.addWidget(refresh)
        buttons = QHBoxLayout()
        for b in (self.key_button, self.void_button, self.pass_button, self.history_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(export)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("resultsTabs")
        self.tabs.addTab(self.results, self.tr("Trainees"))
        self.tabs.addTab(self.items, self.tr("Questions (item analysis)"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        exam_id = self.picker.exam_id()
        self.results.setRowCount(0)
        self.items.clear()
        for b in (self.key_button, self.void_button, self.pass_button, self.history_button,
                  self.export_button):
            b.setEnabled(bool(exam_id))
        if not exam_id:
            self.rule_label.setText(
                self.tr("No exam yet. Create the test of a training run with “Create exam…”.")
                if self.ctx.actor.can(Permission.MANAGE_EXAMS)
                else self.tr("No exam yet: the committee creates it."))
            return
        exam = exams.get_exam(self.ctx.db, exam_id)
        res = exam_results(self.ctx.db, exam_id)
        counts = {k: sum(1 for r in res.trainees if r.status == k) for k in STATUS_LABELS}
        rule = exam.rule
        voided = ", ".join(map(str, sorted(rule.voided))) or "—"
        self.rule_label.setText(
            self.tr("Key version %1 · pass criterion: %2 · voided: %3 · "
                    "passed %4, failed %5, needs review %6, did not sit %7")
            .replace("%1", str(exam.version))
            .replace("%2", self.ctx.pick(rule.describe_ja(), rule.describe_en()))
            .replace("%3", voided).replace("%4", str(counts["passed"]))
            .replace("%5", str(counts["failed"])).replace("%6", str(counts["pending"]))
            .replace("%7", str(counts["absent"])))
        index = 0 if self.ctx.language == "ja" else 1
        for r in res.trainees:
            row = self.results.rowCount()
            self.results.insertRow(row)
            score = f"{r.score}/{r.max_points}" if r.score is not None else "—"
            values = (r.trainee_number, r.name, score, STATUS_LABELS[r.status][index],
                      self.ctx.pick(r.reason_ja, r.reason_en))
            for col, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setBackground(QColor(STATUS_COLOURS[r.status]))
                self.results.setItem(row, col, item)
        self.results.resizeColumnsToContents()
        self.items.show_stats(item_analysis(self.ctx.db, exam_id), self.ctx.pick)

    # --- committee actions ----------------------------------------------------------------
    def _open_dialog(self, mode: str) -> KeyChangeDialog | None:
        """Change the key or void a question; the dialog validates in place (a missing reason
        keeps it open with the question chosen) and re-scores when the service accepts."""
        exam_id = self.picker.exam_id()
        if not exam_id:
            return None
        exam = exams.get_exam(self.ctx.db, exam_id)
        db, actor = self.ctx.db, self.ctx.actor
        if mode == "key":
            def submit(value: object, reason: str) -> RescoreReport:
                return exams.set_key(db, actor, exam_id, exams.parse_key_text(str(value)),
                                     reason)
        else:
            def submit(value: object, reason: str) -> RescoreReport:
                return exams.void_question(db, actor, exam_id, int(str(value)), reason)
        self.key_dialog = KeyChangeDialog(mode, exams.format_key_text(exam.rule.key),
                                          exam.num_questions, submit, self.ctx.language, self)
        dispose_when_closed(self.key_dialog)
        dialog = self.key_dialog
        dialog.accepted.connect(lambda: self._show_changes(dialog.result_value))
        dialog.open()
        return dialog

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Scans read and marks decided on the other pages since the last visit count now."""
        self.picker.reload()
        self.reload()
        super().showEvent(event)

    def open_setup_dialog(self) -> ExamSetupDialog:
        runs = list_runs(self.ctx.db, include_closed=False)  # newest first: the default
        notice = None
        if not runs:
            notice = NoRunNotice(self.ctx, self.tr(
                "An exam is the test of a training run, and no training run is open."))
        self.setup_dialog = ExamSetupDialog(runs, self.create_exam, self.ctx.language, self,
                                            notice)
        if notice is not None:
            notice.opened.connect(self.setup_dialog.reject)
        self.setup_dialog.accepted.connect(self._exam_created)
        self.setup_dialog.open()
        return self.setup_dialog

    def create_exam(self, spec: ExamSpec) -> ExamView:
        """Raises the service's refusal: the dialog shows it and stays open."""
        key = exams.parse_key_text(spec.key_text)
        mode_kw = ({"pass_points": round(spec.pass_value)} if spec.pass_mode == "points"
                   else {"pass_percent": spec.pass_value})
        return exams.create_exam(self.ctx.db, self.ctx.actor, spec.run_id, spec.num_questions,
                                 key, spec.num_choices, spec.labels, spec.points,
                                 title=spec.title, **mode_kw)

    def _exam_created(self) -> None:
        exam = self.setup_dialog.result_value if self.setup_dialog else None
        if not isinstance(exam, ExamView):
            return
        self.picker.reload()
        self.picker.setCurrentIndex(self.picker.findData(exam.id))
        self.reload()
        show_info(self, self.tr("Exam created"),
                  self.tr("Created “%1” for %2 (exam ID %3). Proctors can now print the "
                          "answer forms.").replace("%1", exam.title)
                  .replace("%2", exam.run_label).replace("%3", str(exam.id)))

    def open_pass_dialog(self) -> PassCriterionDialog | None:
        exam_id = self.picker.exam_id()
        if not exam_id:
            return None
        rule = exams.get_exam(self.ctx.db, exam_id).rule
        self.pass_dialog = PassCriterionDialog(
            rule, lambda mode, value, reason: exams.set_pass_criterion(
                self.ctx.db, self.ctx.actor, exam_id, mode, value, reason),
            self.ctx.language, self)
        self.pass_dialog.accepted.connect(
            lambda: self._show_changes(self.pass_dialog.result_value))
        self.pass_dialog.open()
        return self.pass_dialog

    def set_pass(self, mode: str, value: float, reason: str) -> RescoreReport | None:
        return self._rescore(lambda: exams.set_pass_criterion(
            self.ctx.db, self.ctx.actor, self.picker.exam_id(), mode, value, reason))

    def open_history(self) -> KeyHistoryDialog | None:
        exam_id = self.picker.exam_id()
        if not exam_id:
            return None
        self.history_dialog = KeyHistoryDialog(key_versions(self.ctx.db, exam_id),
                                               self.ctx.language, self)
        self.history_dialog.open()
        return self.history_dialog

    def change_key(self, key_text: str, reason: str) -> RescoreReport | None:
        return self._rescore(lambda: exams.set_key(
            self.ctx.db, self.ctx.actor, self.picker.exam_id(),
            exams.parse_key_text(key_text), reason))

    def void(self, question: int, reason: str) -> RescoreReport | None:
        return self._rescore(lambda: exams.void_question(
            self.ctx.db, self.ctx.actor, self.picker.exam_id(), question, reason))

    def _rescore(self, action) -> RescoreReport | None:  # type: ignore[no-untyped-def]
        try:
            report = action()
        except Exception as exc:  # refusals (reason missing, bad key) are shown
            show_error(self, exc, self.ctx.language)
            return None
        self._show_changes(report)
        return report

    def _show_changes(self, report: object) -> None:
        """Whose pass/fail the re-scoring flipped: shown after every change of the rule."""
        if not isinstance(report, RescoreReport):
            return
        self.reload()
        self.changes_dialog = ChangesDialog(report.changes, self.ctx.language, self)
        self.changes_dialog.open()


def _title() -> str:
    return QCoreApplication.translate("ResultsPage", "Exam results")


PAGE_SPEC = PageSpec(key="results", title=_title, permission=Permission.VIEW_RESULTS,
                     factory=ResultsPage, order=50, icon="results.svg")
