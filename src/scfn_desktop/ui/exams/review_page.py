"""The review page (要確認のマーク): the queue of doubtful questions and unidentified sheets.

Keyboard first, because a proctor reviews dozens of marks in a row: 1-9 choose that choice,
0 or B = blank, M = several marks, Enter or N = next open item, P = previous. Each item shows
the crop of the question's row, the measured darkness per choice as bars against the sheet's
thresholds, and who decided (if anyone); below, the whole page with the marks drawn on it,
scrolled so the current row sits in the middle, framed in blue. When nothing is left open a
green banner says so: the proctor must know the queue is finished, not guess from a list.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
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

from scfn_desktop.omr.layout import Layout
from scfn_desktop.omr.overlay import crop_question
from scfn_desktop.omr.read import SheetReading
from scfn_desktop.services.exams import review
from scfn_desktop.services.exams.results import sheet_reading
from scfn_desktop.services.exams.setup import get_exam
from scfn_desktop.services.permissions import Permission
from scfn_desktop.services.roster.trainees import list_trainees
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.exams.common import ExamPicker, to_pixmap
from scfn_desktop.ui.exams.fill_bars import FillBars
from scfn_desktop.ui.exams.sheet_view import FocusRect, SheetView
from scfn_desktop.ui.formatting import local_date_time
from scfn_desktop.ui.messages import show_error
from scfn_desktop.ui.registry import PageSpec

CROP_HEIGHT = 88  # px: big enough to judge a pencil mark, small enough to leave the sheet room
DONE_STYLE = ("QLabel { background: #e3f4e3; border: 1px solid #7cc47c; border-radius: 4px;"
              " padding: 10px; font-weight: bold; }")


class ReviewPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[review.ReviewItem] = []
        self.picker = ExamPicker(ctx)
        self.picker.examChanged.connect(self._exam_chosen)
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
        self.crop.setFixedHeight(CROP_HEIGHT + 4)
        self.crop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fills_caption = QLabel(self.tr("Darkness per choice:"))
        self.fills = FillBars()
        self.fills_legend = QLabel(self.tr(
            "<span style='color:#2d2d2d'>■</span> filled　"
            "<span style='color:#f08c00'>■</span> unclear　"
            "<span style='color:#b8b8b8'>■</span> empty　"
            "<span style='color:#1e64e6'>|</span> this sheet's thresholds"))
        self.done_banner = QLabel()
        self.done_banner.setObjectName("reviewDoneBanner")
        self.done_banner.setWordWrap(True)
        self.done_banner.setStyleSheet(DONE_STYLE)
        self.done_banner.hide()
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
        d.addWidget(self.done_banner)
        d.addWidget(self.title)
        d.addWidget(self.crop)
        fills_row = QHBoxLayout()
        fills_row.addWidget(self.fills_caption)
        fills_row.addWidget(self.fills)
        fills_row.addStretch(1)
        fills_row.addWidget(self.fills_legend)
        d.addLayout(fills_row)
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

    def _exam_chosen(self, _exam_id: int) -> None:
        self.reload()
        if self.isVisible():  # back to the review keys once an exam is picked
            self.setFocus(Qt.FocusReason.OtherFocusReason)

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

    def open_count(self) -> int:
        return sum(1 for i in self.items if i.kind == "identify" or not i.resolved)

    def _update_progress(self) -> None:
        open_items = self.open_count()
        self.progress.setText(self.tr("%1 open of %2").replace("%1", str(open_items))
                              .replace("%2", str(len(self.items))))
        if open_items:
            self.done_banner.hide()
            return
        self.done_banner.setText(
            self.tr("✔ No marks need review. All %1 items are decided; the results page "
                    "shows the scores. Press P to go back over a decision.")
            .replace("%1", str(len(self.items))) if self.items
            else self.tr("✔ No marks need review for this exam."))
        self.done_banner.show()

    def _next_open(self, after: int) -> int:
        """The next open item after row `after`, else the first one skipped before it (the
        queue is worked to the end, then back to what was passed over), else the next row."""
        n = len(self.items)
        for i in [*range(after + 1, n), *range(0, min(after + 1, n))]:
            if self.items[i].kind == "identify" or not self.items[i].resolved:
                return i
        return min(after + 1, n - 1)

    def current(self) -> review.ReviewItem | None:
        row = self.queue.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    # --- display ------------------------------------------------------------------------------
    def _show_current(self, row: int) -> None:
        item = self.items[row] if 0 <= row < len(self.items) else None
        is_mark = item is not None and item.kind == "mark"
        for w in (self.trainee_combo, self.assign_button):
            w.setVisible(item is not None and item.kind == "identify")
        for w in (self.title, self.decided, self.help, self.sheet_view):
            w.setVisible(item is not None)
        for w in (self.crop, self.fills_caption, self.fills, self.fills_legend):
            w.setVisible(is_mark)
        self.crop.clear()
        self.fills.clear()
        self.decided.clear()
        if item is None:
            self.sheet_view.clear()
            return
        reading = sheet_reading(self.ctx.db, item.sheet_id)
        if is_mark:
            self._show_mark(item)
            self._show_darkness(item, reading)
            focus = question_rect(reading.layout, item.question or 1)
        else:
            self.title.setText(self.tr("Whose sheet is this? %1 page %2 — read: %3 — %4")
                               .replace("%1", item.file).replace("%2", str(item.page))
                               .replace("%3", item.read_number or "—")
                               .replace("%4", self.ctx.pick(item.problem_ja, item.problem_en)))
            focus = number_rect(reading.layout)
        self.sheet_view.show_sheet(item.sheet_id, focus_rect=focus)

    def _show_darkness(self, item: review.ReviewItem, reading: SheetReading) -> None:
        t = reading.thresholds
        self.fills.set_values(item.choice_labels, item.adjusted or item.fills,
                              item.machine_labels, t.mark if item.adjusted else None,
                              t.empty if item.adjusted else None)
        if reading.warped is not None:
            pix = to_pixmap(crop_question(reading, item.question or 1))
            self.crop.setPixmap(pix.scaledToHeight(CROP_HEIGHT,
                                                   Qt.TransformationMode.SmoothTransformation))

    def _show_mark(self, item: review.ReviewItem) -> None:
        self.title.setText(self.tr("Question %1 — %2 %3 — %4 page %5")
                           .replace("%1", str(item.question))
                           .replace("%2", item.trainee_number or "?")
                           .replace("%3", item.trainee_name).replace("%4", item.file)
                           .replace("%5", str(item.page)))
        if item.decision is None:
            self.decided.setText(self.tr("Not decided yet (machine read: %1)").replace(
                "%1", "".join(item.machine_labels) or "—"))
        else:
            self.decided.setText(self.tr("Decided by %1 at %2: %3")
                                 .replace("%1", item.decision.by)
                                 .replace("%2", local_date_time(item.decided_at))
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

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Sheets imported since this page was built join the queue when it is shown, and the
        page takes the keyboard, so the review keys work without clicking the list first."""
        before = self.picker.exam_id()
        self.picker.reload()  # a different exam reloads through examChanged
        if self.picker.exam_id() == before:
            self.reload(keep_row=self.queue.currentRow() if self.items else None)
        super().showEvent(event)
        if not event.spontaneous():
            self.setFocus(Qt.FocusReason.OtherFocusReason)

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


def question_rect(layout: Layout, number: int) -> FocusRect:
    """The printed row of a question (number and bubbles), in mm, for the sheet view."""
    q = layout.question(number)
    r = q.choices[0].r_mm
    return (q.label_x_mm - 4.0, q.label_y_mm - r - 1.0, q.choices[-1].x_mm + r + 1.0,
            q.label_y_mm + r + 1.0)


def number_rect(layout: Layout) -> FocusRect:
    """The QR code and the trainee-number grid: where to look to tell whose sheet it is."""
    bubbles = [b for col in layout.trainee_number for b in col.bubbles]
    r = bubbles[0].r_mm
    return (layout.qr.x_mm - 1.0, min(c.box_y_mm for c in layout.trainee_number) - 5.0,
            max(b.x_mm for b in bubbles) + r + 1.0, max(b.y_mm for b in bubbles) + r + 1.0)


def answer_text(kind: str, labels: tuple[str, ...]) -> str:
    if kind == "blank":
        return QCoreApplication.translate("ReviewPage", "blank")
    if kind == "several":
        return QCoreApplication.translate("ReviewPage", "several marks")
    return "".join(labels)


def _title() -> str:
    return QCoreApplication.translate("ReviewPage", "Review marks")


PAGE_SPEC = PageSpec(key="review", title=_title, permission=Permission.REVIEW_MARKS,
                     factory=ReviewPage, order=45, icon="review.svg")
