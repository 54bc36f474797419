"""The scanner check form (スキャナー確認用紙): one A4 page to print and scan before the exam.

It is an answer sheet of its own small layout (``omr.calibration.calibration_layout``), drawn
by the answer sheet's painter so markers, QR code, number grid and bubbles are exactly what
the reader expects, plus:

* rows 1-2: bubbles printed solid in ten steps of grey (``omr.calibration.STEPS``),
* rows 3-4: empty bubbles to fill by hand, firmly and lightly, with the exam's pencils,
* the number grid pre-filled with ``CALIBRATION_NUMBER`` (its QR says so too),
* what to do, in Japanese and English.

Print it on the printer used for the answer forms, at 100 %: the check then covers the
printer's greys and the scanner's settings together, as the exam will.
"""

from __future__ import annotations

import os
from typing import BinaryIO

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..omr.calibration import (
    CALIBRATION_EXAM_ID,
    CALIBRATION_NUMBER,
    FIRM_ROW,
    LIGHT_ROW,
    STEPS,
    calibration_layout,
)
from .answer_sheets import GUIDE_GREY, ExamInfo, SheetPainter, SheetTrainee, _y
from .fonts import register_japanese_font

TITLE = "スキャナー確認用紙 / Scanner check form"
STEPS_JA = (
    "【使い方 / How to use】",
    "1. 解答用紙を印刷するプリンターで、実際のサイズ（100%）で印刷します。",
    "   Print at 100 % on the printer used for the answer forms.",
    "2. 3 行目を試験で使う鉛筆で濃く、4 行目を薄く塗りつぶします。",
    "   Fill row 3 firmly and row 4 lightly with the pencils of the exam.",
    "3. 試験と同じ設定（解像度・カラー/グレー）でスキャンします。",
    "   Scan with the settings planned for the exam (resolution, colour or grey).",
    "4. 「解答用紙の印刷・読み取り」→「スキャナーの確認…」で読み込みます",
    "   （コマンド: scfn scan --calibration ファイル）。",
    "   Open it with “Check the scanner…” on the import tab (or scfn scan --calibration).",
)


class _CheckFormPainter(SheetPainter):
    def page(self, trainee: SheetTrainee | None) -> None:
        self._markers()
        self._title()
        self._qr(trainee)
        self._number_grid(trainee)
        self._questions()
        self._steps()
        self._how_to()
        self.c.showPage()

    def _title(self) -> None:
        c, lay, f = self.c, self.layout, self.font
        h = lay.header
        c.setFillColor(black)
        c.setFont(f, 15)
        c.drawCentredString((h.x_mm + h.w_mm / 2) * mm, _y(lay, h.y_mm + 7.5), TITLE)
        c.setFont(f, 8.5)
        c.drawCentredString((h.x_mm + h.w_mm / 2) * mm, _y(lay, h.y_mm + 12.5),
                            "試験の前にスキャナーの設定を確認します / "
                            "Check the scanner settings before the exam")
        b = lay.name_box
        c.setStrokeColor(black)
        c.setLineWidth(0.6)
        c.rect(b.x_mm * mm, _y(lay, b.y_mm + b.h_mm), b.w_mm * mm, b.h_mm * mm, stroke=1, fill=0)
        c.setFont(f, 8)
        for i, label in enumerate(("スキャナー / Scanner", "設定 / Settings", "確認日 / Date")):
            y = b.y_mm + 6 + i * 8
            c.drawString((b.x_mm + 2) * mm, _y(lay, y), label)
            c.setLineWidth(0.3)
            c.line((b.x_mm + 32) * mm, _y(lay, y + 1), (b.x_mm + b.w_mm - 3) * mm, _y(lay, y + 1))

    def _steps(self) -> None:
        c, lay, f = self.c, self.layout, self.font
        q1, q2 = lay.questions[0], lay.questions[1]
        for b, darkness in zip((*q1.choices, *q2.choices), STEPS, strict=True):
            grey = 1.0 - darkness
            c.setFillColor(Color(grey, grey, grey))
            c.circle(b.x_mm * mm, _y(lay, b.y_mm), b.r_mm * mm, stroke=0, fill=1)
        x = lay.questions[0].choices[-1].x_mm + 6
        c.setFillColor(black)
        c.setFont(f, 8)
        legends = {
            1: "← 印刷の濃さ / printed: " + " · ".join(f"{d:.0%}" for d in STEPS[:5]),
            2: "← 印刷の濃さ / printed: " + " · ".join(f"{d:.0%}" for d in STEPS[5:]),
            FIRM_ROW: "← 鉛筆で濃く塗る / fill firmly with the exam pencil",
            LIGHT_ROW: "← 鉛筆で薄く塗る / fill lightly with the exam pencil",
        }
        for n, text in legends.items():
            c.drawString(x * mm, _y(lay, lay.questions[n - 1].choices[0].y_mm + 1.0), text)

    def _how_to(self) -> None:
        c, lay, f = self.c, self.layout, self.font
        box = lay.instructions
        y = box.y_mm + 3
        c.setFillColor(black)
        for i, line in enumerate(STEPS_JA):
            c.setFont(f, 8.5 if i == 0 else 7.2)
            c.setFillColor(GUIDE_GREY if line.startswith("   ") else black)
            c.drawString((box.x_mm + 1) * mm, _y(lay, y), line.strip() if i == 0 else line)
            y += 3.6
        c.setFillColor(black)


def render_calibration_form(out: str | os.PathLike[str] | BinaryIO) -> int:
    """Write the one-page check form; returns the page count (1)."""
    layout = calibration_layout()
    font = register_japanese_font().name
    target = os.fspath(out) if isinstance(out, str | os.PathLike) else out
    canvas = Canvas(target, pagesize=(layout.page_width_mm * mm, layout.page_height_mm * mm),
                    initialFontName=font)
    canvas.setTitle(TITLE)
    canvas.setAuthor("scfn-desktop")
    canvas.setCreator("scfn-desktop")
    exam = ExamInfo(CALIBRATION_EXAM_ID, "スキャナー確認用紙")
    _CheckFormPainter(canvas, layout, exam, font).page(
        SheetTrainee(CALIBRATION_NUMBER, "スキャナー確認", "SCANNER CHECK"))
    canvas.save()
    return 1
