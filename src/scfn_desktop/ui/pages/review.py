"""The review page (要確認のマーク): the queue of doubtful questions and unidentified sheets.

Keyboard first, because a proctor reviews dozens of marks in a row: 1-9 choose that choice,
0 or B = blank, M = several marks, Enter or N = next open item, P = previous. Each item shows
the crop of the question's row, the measured darkness per choice and who decided (if anyone);
the sheet view beside it shows the whole page with the marks drawn on it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.omr.overlay import crop_question
from scfn_desktop.services import review
from scfn_desktop.services.exam_results import sheet_reading
from scfn_desktop.services.exams import get_exam
from scfn_desktop.services.permissions import Permission
from scfn_desktop.services.roster import list_trainees
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.messages import show_error
from scfn_desktop.ui.pages import PageSpec
from scfn_desktop.ui.widgets.exam_common import ExamPicker, to_pixmap
from scfn_desktop.ui.widgets.exam_sheet_view import SheetView

CROP_SCALE = 3


class ReviewPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[review.ReviewItem] = []
        self.picker = ExamPicker(ctx)
        self.picker.examChanged.connect(lambda _id: self.reload())
        self.progress = QLabel()
        self.progress.setObjectName("reviewProgress")
        self.queue = QListWidget()
        self.queue.setObjectName("reviewQueue")
        self.queue.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.queue.currentRowChanged.connect(self._show_current)
        self.title = QLabel()
        self.title.setObjectName("itemTitle")
        self.title.setWordWrap(True)
        self.crop = QLabel()
        self.crop.setObjectName("questionCrop")
        self.crop.setMinimumHeight(90)
        self.crop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fills = QLabel()
        self.fills.setObjectName("fillsLabel")
        self.fills.setTextFormat(Qt.TextFormat.RichText)
        self.decided = QLabel()
        self.decided.setObjectName("decidedLabel")
        self.help = QLabel(self.tr("Keys: 1-9 choose · 0 or B blank · M several marks · "
                                   "Enter or N next · P previous"))
        self.help.setWordWrap(True)
        self.trainee_combo = QComboBox()
        self.trainee_combo.setObjectName("traineeCombo")
        self.assign_button = QPushButton(self.tr("This sheet belongs to the chosen trainee"))
        self.assign_button.setObjectName("assignButton")
        self.assign_button.clicked.connect(self._assign)
        self.sheet_view = SheetView(ctx)

        detail = QWidget()
        d = QVBoxLayout(detail)
        d.addWidget(self.title)
        d.addWidget(self.crop)
        d.addWidget(self.fills)
        d.addWidget(self.decided)
        assign = QHBoxLayout()
        assign.addWidget(self.trainee_combo, 1)
        assign.addWidget(self.assign_button)
        d.addLayout(assign)
        d.addWidget(self.help)
        d.addWidget(self.sheet_view, 1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.progress)
        lv.addWidget(self.queue, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(detail)
        split.setSizes([330, 900])
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Exam:")))
        top.addWidget(self.picker, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.reload()

    # --- data ---------------------------------------------------------------------------------
    def reload(self, keep_row: int | None = None) -> None:
        exam_id = self.picker.exam_id()
        self.items = review.review_queue(self.ctx.db, exam_id) if exam_id else []
        self.queue.blockSignals(True)
        self.queue.clear()
        for item in self.items:
            self.queue.addItem(self._item_text(item))
        self.queue.blockSignals(False)
        self._fill_trainees()
        self._update_progress()
        if self.items:
            row = keep_row if keep_row is not None else self._next_open(-1)
            self.queue.setCurrentRow(min(max(row, 0), len(self.items) - 1))
            self._show_current(self.queue.currentRow())
        else:
            self._show_current(-1)

    def _fill_trainees(self) -> None:
        self.trainee_combo.clear()
        exam_id = self.picker.exam_id()
        if not exam_id:
            return
        run_id = get_exam(self.ctx.db, exam_id).run_id
        for t in list_trainees(self.ctx.db, run_id=run_id):
            self.trainee_combo.addItem(f"{t.trainee_number}　{t.full_name}", t.id)

    def _item_text(self, item: review.ReviewItem) -> str:
        who = item.trainee_number or self.tr("(trainee unknown)")
        if item.kind == "identify":
            return self.tr("Whose sheet? %1 p.%2").replace("%1", item.file).replace(
                "%2", str(item.page))
        mark = "✔ " if item.resolved else "● "
        return mark + self.tr("Q%1 · %2 · %3 p.%4").replace("%1", str(item.question)).replace(
            "%2", who).replace("%3", item.file).replace("%4", str(item.page))

    def _update_progress(self) -> None:
        open_items = sum(1 for i in self.items if i.kind == "identify" or not i.resolved)
        self.progress.setText(self.tr("%1 open of %2").replace("%1", str(open_items))
                              .replace("%2", str(len(self.items))))

    def _next_open(self, after: int) -> int:
        for i in range(after + 1, len(self.items)):
            if self.items[i].kind == "identify" or not self.items[i].resolved:
                return i
        return min(after + 1, len(self.items) - 1)

    def current(self) -> review.ReviewItem | None:
        row = self.queue.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    # --- display ------------------------------------------------------------------------------
    def _show_current(self, row: int) -> None:
        item = self.items[row] if 0 <= row < len(self.items) else None
        is_mark = item is not None and item.kind == "mark"
        for w in (self.trainee_combo, self.assign_button):
            w.setVisible(item is not None and item.kind == "identify")
        if item is None:
            self.title.setText(self.tr("Nothing to review."))
            self.crop.clear()
            self.fills.clear()
            self.decided.clear()
            return
        if not is_mark:
            self.title.setText(self.tr("Whose sheet is this? %1 page %2 — read: %3 — %4")
                               .replace("%1", item.file).replace("%2", str(item.page))
                               .replace("%3", item.read_number or "—")
                               .replace("%4", self.ctx.pick(item.problem_ja, item.problem_en)))
            self.crop.clear()
            self.fills.clear()
            self.decided.clear()
        else:
            self._show_mark(item)
        reading_y = None
        if is_mark:
            reading = sheet_reading(self.ctx.db, item.sheet_id)
            reading_y = reading.layout.question(item.question).label_y_mm
            if reading.warped is not None:
                crop = crop_question(reading, item.question)
                pix = to_pixmap(crop)
                self.crop.setPixmap(pix.scaled(pix.width() * CROP_SCALE,
                                               pix.height() * CROP_SCALE,
                                               Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
        self.sheet_view.show_sheet(item.sheet_id, reading_y)

    def _show_mark(self, item: review.ReviewItem) -> None:
        self.title.setText(self.tr("Question %1 — %2 %3 — %4 page %5")
                           .replace("%1", str(item.question))
                           .replace("%2", item.trainee_number or "?")
                           .replace("%3", item.trainee_name).replace("%4", item.file)
                           .replace("%5", str(item.page)))
        cells = []
        for label, value in zip(item.choice_labels, item.adjusted or item.fills, strict=False):
            strong = label in item.machine_labels
            bar = "█" * max(0, min(10, round(value * 10)))
            text = f"{label}: {value:.2f} {bar}"
            cells.append(f"<b>{text}</b>" if strong else text)
        self.fills.setText(self.tr("Darkness per choice:") + "<br>" + "　".join(cells))
        if item.decision is None:
            self.decided.setText(self.tr("Not decided yet (machine read: %1)").replace(
                "%1", "".join(item.machine_labels) or "—"))
        else:
            self.decided.setText(self.tr("Decided by %1 at %2: %3")
                                 .replace("%1", item.decision.by)
                                 .replace("%2", f"{item.decided_at:%Y-%m-%d %H:%M} UTC")
                                 .replace("%3", answer_text(item.decision.kind,
                                                            item.decision.labels)))

    # --- actions ------------------------------------------------------------------------------
    def decide(self, choice: list[str] | str) -> bool:
        item = self.current()
        if item is None or item.kind != "mark" or item.mark_id is None:
            return False
        try:
            review.decide(self.ctx.db, self.ctx.actor, item.mark_id, choice)
        except Exception as exc:  # shown to the user, never swallowed
            show_error(self, exc, self.ctx.language)
            return False
        row = self.queue.currentRow()
        self.reload(keep_row=row)
        self.queue.setCurrentRow(self._next_open(row))
        return True

    def _assign(self) -> None:
        item = self.current()
        trainee_id = self.trainee_combo.currentData()
        if item is None or item.kind != "identify" or trainee_id is None:
            return
        try:
            review.assign_trainee(self.ctx.db, self.ctx.actor, item.sheet_id, int(trainee_id))
        except Exception as exc:
            show_error(self, exc, self.ctx.language)
            return
        self.reload()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        key, text = event.key(), event.text().upper()
        item = self.current()
        labels = item.choice_labels if item is not None else ""
        if text.isdigit() and text != "0" and int(text) <= len(labels):
            self.decide([labels[int(text) - 1]])
        elif text in ("0", "B"):
            self.decide(review.BLANK_CHOICE)
        elif text == "M":
            self.decide(review.SEVERAL_CHOICE)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or text == "N":
            self.queue.setCurrentRow(self._next_open(self.queue.currentRow()))
        elif text == "P":
            self.queue.setCurrentRow(max(0, self.queue.currentRow() - 1))
        else:
            super().keyPressEvent(event)


def answer_text(kind: str, labels: tuple[str, ...]) -> str:
    if kind == "blank":
        return QCoreApplication.translate("ReviewPage", "blank")
    if kind == "several":
        return QCoreApplication.translate("ReviewPage", "several marks")
    return "".join(labels)


def _title() -> str:
    return QCoreApplication.translate("ReviewPage", "Review marks")


PAGE_SPEC = PageSpec(key="review", title=_title, permission=Permission.REVIEW_MARKS,
                     factory=ReviewPage, order=45)
