"""Small pieces shared by the exam pages: the exam chooser, numpy -> QPixmap, the error text
shown inside the exam dialogs, and the default name of a file made for an exam."""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QComboBox, QWidget

from scfn_desktop.services.exams import setup as exams
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.messages import error_text


class ExamPicker(QComboBox):
    """Lists the exams (newest first); emits `examChanged(id)` (0 = none)."""

    examChanged = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("examPicker")
        self.setMinimumContentsLength(28)
        self.currentIndexChanged.connect(lambda _i: self.examChanged.emit(self.exam_id()))
        self.reload()

    def reload(self) -> None:
        current = self.exam_id()
        self.blockSignals(True)
        self.clear()
        for e in reversed(exams.list_exams(self.ctx.db)):
            self.addItem(self.tr("%1 %2 (%3 questions)").replace("%1", e.run_label)
                         .replace("%2", e.title).replace("%3", str(e.num_questions)), e.id)
        index = self.findData(current)
        self.setCurrentIndex(index if index >= 0 else (0 if self.count() else -1))
        self.blockSignals(False)
        if self.exam_id() != current:
            self.examChanged.emit(self.exam_id())

    def exam_id(self) -> int:
        data = self.currentData()
        return int(data) if data is not None else 0


def to_pixmap(image: np.ndarray) -> QPixmap:
    """Grey or BGR uint8 array -> QPixmap (the data is copied, so the array may go)."""
    img = np.ascontiguousarray(image)
    h, w = img.shape[:2]
    if img.ndim == 2:
        q = QImage(img.data, w, h, img.strides[0], QImage.Format.Format_Grayscale8)
    else:
        q = QImage(img.data, w, h, img.strides[0], QImage.Format.Format_BGR888)
    return QPixmap.fromImage(q.copy())


def problem_text(exc: BaseException, language: str, limit: int = 8) -> str:
    """A refusal with its list of problems, for an error line inside a dialog: the person
    fixes the input where they typed it instead of losing it to a closed dialog."""
    text = error_text(exc, language)
    problems = getattr(exc, "problems", None) or []
    if problems:
        shown = [_in_language(str(p), language) for p in problems[:limit]]
        if len(problems) > limit:
            shown.append(QCoreApplication.translate("ExamCommon", "… and %1 more").replace(
                "%1", str(len(problems) - limit)))
        text += "\n" + "\n".join(f"・{p}" for p in shown)
    return text


def _in_language(problem: str, language: str) -> str:
    """Exam services word each problem 'ja / en'; show the half the person reads."""
    ja, sep, en = problem.partition(" / ")
    return (ja if language == "ja" else en) if sep else problem


ERROR_STYLE = "QLabel { color: #b00020; }"


def exam_file_name(ctx: AppContext, exam_id: int, stem: str, suffix: str) -> str:
    """E.g. 試験結果_令和7年度第1期_試験1.xlsx: what the file holds, for which run and exam
    (`stem` in the UI language, from the caller's catalogue)."""
    label = exams.get_exam(ctx.db, exam_id).run_label if exam_id else ""
    exam = QCoreApplication.translate("ExamCommon", "exam%1").replace("%1", str(exam_id))
    compact = re.sub(r"\s+", "", label)
    return f"{stem}_{compact}_{exam}{suffix}"
