"""Personalised 修了認定テスト answer sheets (マークシート) as a PDF, drawn from omr.layout.

Design choices that matter for reading them back:

* Every position comes from :class:`scfn_desktop.omr.layout.Layout`; nothing is placed
  by eye here.
* Bubble outlines and the labels inside them are printed in light magenta: a colour
  scanner's red channel drops them almost entirely and on a monochrome laser they become
  light grey, far lighter than HB graphite, so the reader can tell print from pencil.
* Markers, the QR code and the pre-filled trainee-number bubbles are solid black.
* Everything stays >= 10 mm from the paper edge so "print at 100 %" on an office laser
  printer never clips anything.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

import qrcode
from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..omr.layout import Layout
from ..omr.markers import marker_bits
from ..omr.sheet_code import encode_sheet_code
from .fonts import register_japanese_font
from .text import fit_font_size

#: Bubble outline: mid magenta (luminance ~0.55; red channel ~0.87).
BUBBLE_OUTLINE = Color(0.87, 0.36, 0.62)
#: Label inside the bubble: light magenta (luminance ~0.75).
BUBBLE_LABEL = Color(0.96, 0.62, 0.78)
GUIDE_GREY = Color(0.45, 0.45, 0.45)

INSTRUCTIONS_JA = (
    "【記入上の注意】",
    "1. HB または B の黒鉛筆（シャープペンシル可）で記入してください。ボールペンは使えません。",
    "2. 解答は各問につき 1 つだけ選び、○ の中を枠からはみ出さないように濃く塗りつぶしてください。",
    "3. 訂正するときは、消しゴムで跡が残らないようにきれいに消してください。",
    "4. 用紙を折り曲げたり、汚したりしないでください。"
    "四隅の黒い印と QR コードには書き込まないでください。",
    "5. 受講番号が印刷されていない用紙には、番号を記入し、その数字の ○ を塗りつぶしてください。",
)


@dataclass(frozen=True)
class ExamInfo:
    exam_id: str
    title: str = "修了認定テスト"
    run_label: str = ""  # e.g. 「令和7年度 第1期」


@dataclass(frozen=True)
class SheetTrainee:
    number: str
    name_kanji: str = ""
    name_romaji: str = ""


ProgressCallback = Callable[[int, int], None]


def _y(layout: Layout, y_mm: float) -> float:
    """reportlab's origin is bottom-left; the layout's is top-left."""
    return (layout.page_height_mm - y_mm) * mm


def _wrap(text: str, font: str, size: float, width_mm: float) -> list[str]:
    """Character wrap (Japanese has no spaces); keeps lines within width_mm."""
    lines, line = [], ""
    for ch in text:
        if stringWidth(line + ch, font, size) > width_mm * mm and line:
            lines.append(line)
            line = "  " + ch if ch != " " else "  "
        else:
            line += ch
    if line:
        lines.append(line)
    return lines


class SheetPainter:
    def __init__(self, canvas: Canvas, layout: Layout, exam: ExamInfo, font: str) -> None:
        self.c = canvas
        self.layout = layout
        self.exam = exam
        self.font = font

    def page(self, trainee: SheetTrainee | None) -> None:
        self._markers()
        self._header(trainee)
        self._qr(trainee)
        self._instructions()
        self._number_grid(trainee)
        self._questions()
        self.c.showPage()

    def _markers(self) -> None:
        c, lay = self.c, self.layout
        c.setFillColor(black)
        for m in lay.markers:
            bits = marker_bits(m.id)
            n = len(bits)
            cell = m.size_mm / n
            x0, y0 = m.x_mm - m.size_mm / 2, m.y_mm - m.size_mm / 2
            for r, row in enumerate(bits):
                for col, is_black in enumerate(row):
                    if is_black:
                        c.rect(
                            (x0 + col * cell) * mm,
                            _y(lay, y0 + (r + 1) * cell),
                            cell * mm + 0.05,
                            cell * mm + 0.05,
                            stroke=0,
                            fill=1,
                        )

    def _header(self, trainee: SheetTrainee | None) -> None:
        c, lay, f = self.c, self.layout, self.font
        h = lay.header
        c.setFillColor(black)
        title = f"{self.exam.title}　解答用紙"
        c.setFont(f, 16)
        c.drawCentredString((h.x_mm + h.w_mm / 2) * mm, _y(lay, h.y_mm + 7.5), title)
        sub = "　".join(p for p in (self.exam.run_label, f"試験ID {self.exam.exam_id}") if p)
        c.setFont(f, 9)
        c.drawCentredString((h.x_mm + h.w_mm / 2) * mm, _y(lay, h.y_mm + 12.5), sub)

        b = lay.name_box
        c.setStrokeColor(black)
        c.setLineWidth(0.6)
        c.rect(b.x_mm * mm, _y(lay, b.y_mm + b.h_mm), b.w_mm * mm, b.h_mm * mm, stroke=1, fill=0)
        c.setLineWidth(0.3)
        c.line(b.x_mm * mm, _y(lay, b.y_mm + 18), (b.x_mm + b.w_mm) * mm, _y(lay, b.y_mm + 18))
        c.setFont(f, 8)
        c.drawString((b.x_mm + 2) * mm, _y(lay, b.y_mm + 4), "氏名")
        c.drawString((b.x_mm + 2) * mm, _y(lay, b.y_mm + 23.5), "受講番号")
        if trainee is not None:
            size = fit_font_size(trainee.name_kanji, f, 16, b.w_mm - 18)
            c.setFont(f, size)
            c.drawString((b.x_mm + 14) * mm, _y(lay, b.y_mm + 9.5), trainee.name_kanji)
            size = fit_font_size(trainee.name_romaji, f, 10, b.w_mm - 18)
            c.setFont(f, size)
            c.drawString((b.x_mm + 14) * mm, _y(lay, b.y_mm + 15.5), trainee.name_romaji)
            c.setFont(f, 13)
            c.drawString((b.x_mm + 18) * mm, _y(lay, b.y_mm + 24.5), trainee.number)
        else:
            c.setFont(f, 7)
            c.setFillColor(GUIDE_GREY)
            c.drawString((b.x_mm + 14) * mm, _y(lay, b.y_mm + 16.5), "（氏名を楷書で記入）")
            c.setFillColor(black)

    def _qr(self, trainee: SheetTrainee | None) -> None:
        lay = self.layout
        text = encode_sheet_code(
            self.exam.exam_id, trainee.number if trainee else "", lay.fingerprint
        )
        qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
        qr.add_data(text)
        qr.make(fit=True)
        matrix = qr.get_matrix()
        quiet = 3
        n = len(matrix)
        cell = lay.qr.w_mm / (n + 2 * quiet)
        x0, y0 = lay.qr.x_mm + quiet * cell, lay.qr.y_mm + quiet * cell
        self.c.setFillColor(black)
        for r, row in enumerate(matrix):
            for col, on in enumerate(row):
                if on:
                    self.c.rect(
                        (x0 + col * cell) * mm,
                        _y(lay, y0 + (r + 1) * cell),
                        cell * mm + 0.05,
                        cell * mm + 0.05,
                        stroke=0,
                        fill=1,
                    )

    def _instructions(self) -> None:
        c, lay, f = self.c, self.layout, self.font
        box = lay.instructions
        y = box.y_mm + 3
        size = 7.5
        c.setFillColor(black)
        for i, para in enumerate(INSTRUCTIONS_JA):
            c.setFont(f, 8.5 if i == 0 else size)
            for line in _wrap(para, f, size, box.w_mm - 2):
                c.drawString((box.x_mm + 1) * mm, _y(lay, y), line)
                y += 3.6
        # Marking examples: one good, three bad.
        y += 2.5
        c.setFont(f, 7.5)
        c.drawString((box.x_mm + 1) * mm, _y(lay, y + 1), "良い例")
        r = 2.0
        self._example_bubble(box.x_mm + 14, y, r, "good")
        c.drawString((box.x_mm + 22) * mm, _y(lay, y + 1), "悪い例")
        for k, kind in enumerate(("tick", "cross", "half", "dot")):
            self._example_bubble(box.x_mm + 35 + k * 7, y, r, kind)

    def _example_bubble(self, x: float, y: float, r: float, kind: str) -> None:
        c, lay = self.c, self.layout
        c.setStrokeColor(BUBBLE_OUTLINE)
        c.setLineWidth(0.7)
        c.circle(x * mm, _y(lay, y), r * mm, stroke=1, fill=0)
        c.setStrokeColor(GUIDE_GREY)
        c.setFillColor(GUIDE_GREY)
        c.setLineWidth(1.0)
        if kind == "good":
            c.circle(x * mm, _y(lay, y), r * mm, stroke=0, fill=1)
        elif kind == "tick":
            c.line((x - 1.5) * mm, _y(lay, y), (x - 0.4) * mm, _y(lay, y + 1.4))
            c.line((x - 0.4) * mm, _y(lay, y + 1.4), (x + 1.8) * mm, _y(lay, y - 1.8))
        elif kind == "cross":
            c.line((x - 1.4) * mm, _y(lay, y - 1.4), (x + 1.4) * mm, _y(lay, y + 1.4))
            c.line((x - 1.4) * mm, _y(lay, y + 1.4), (x + 1.4) * mm, _y(lay, y - 1.4))
        elif kind == "half":
            p = c.beginPath()
            p.moveTo(x * mm, _y(lay, y - r))
            p.arcTo((x - r) * mm, _y(lay, y + r), (x + r) * mm, _y(lay, y - r), 90, 180)
            p.close()
            c.drawPath(p, stroke=0, fill=1)
        else:
            c.circle(x * mm, _y(lay, y), 0.6 * mm, stroke=0, fill=1)
        c.setFillColor(black)

    def _bubble(self, x: float, y: float, r: float, label: str, filled: bool) -> None:
        c, lay = self.c, self.layout
        if filled:
            c.setFillColor(black)
            c.circle(x * mm, _y(lay, y), r * mm, stroke=0, fill=1)
            return
        c.setStrokeColor(BUBBLE_OUTLINE)
        c.setLineWidth(0.8)
        c.circle(x * mm, _y(lay, y), r * mm, stroke=1, fill=0)
        c.setFillColor(BUBBLE_LABEL)
        c.setFont(self.font, 6.5)
        c.drawCentredString(x * mm, _y(lay, y + 0.8), label)

    def _number_grid(self, trainee: SheetTrainee | None) -> None:
        c, lay, f = self.c, self.layout, self.font
        cols = lay.trainee_number
        pitch = cols[1].x_mm - cols[0].x_mm
        left = cols[0].x_mm - pitch / 2
        right = cols[-1].x_mm + pitch / 2
        c.setFillColor(black)
        c.setFont(f, 8)
        c.drawCentredString((left + right) / 2 * mm, _y(lay, cols[0].box_y_mm - 5.5), "受講番号")
        digits = trainee.number if trainee is not None else ""
        if digits and len(digits) != len(cols):
            raise ValueError(
                f"trainee number {digits!r} must have {len(cols)} digits for this layout"
            )
        c.setStrokeColor(black)
        c.setLineWidth(0.4)
        for i, col in enumerate(cols):
            x = col.x_mm - pitch / 2
            c.setStrokeColor(black)
            c.setLineWidth(0.4)
            c.rect(x * mm, _y(lay, col.box_y_mm + 3), pitch * mm, 6 * mm, stroke=1, fill=0)
            if digits:
                c.setFillColor(black)
                c.setFont(f, 11)
                c.drawCentredString(col.x_mm * mm, _y(lay, col.box_y_mm + 1.8), digits[i])
            for b in col.bubbles:
                self._bubble(b.x_mm, b.y_mm, b.r_mm, b.label, bool(digits) and digits[i] == b.label)
        top = cols[0].bubbles[0].y_mm - pitch / 2
        bottom = cols[0].bubbles[-1].y_mm + pitch / 2
        c.setStrokeColor(GUIDE_GREY)
        c.setLineWidth(0.3)
        c.rect(left * mm, _y(lay, bottom), (right - left) * mm, (bottom - top) * mm, stroke=1)

    def _questions(self) -> None:
        c, lay, f = self.c, self.layout, self.font
        for q in lay.questions:
            c.setFillColor(black)
            c.setFont(f, 9)
            c.drawCentredString(q.label_x_mm * mm, _y(lay, q.label_y_mm + 1.1), str(q.number))
            if q.number % 5 == 0 and q.number != lay.num_questions:
                # thin guide every 5 rows helps the eye stay on the right line
                y = q.label_y_mm + lay.row_pitch_mm / 2
                x1 = q.label_x_mm - 4
                x2 = q.choices[-1].x_mm + lay.choice_pitch_mm / 2
                c.setStrokeColor(GUIDE_GREY)
                c.setLineWidth(0.25)
                c.line(x1 * mm, _y(lay, y), x2 * mm, _y(lay, y))
            for b in q.choices:
                self._bubble(b.x_mm, b.y_mm, b.r_mm, b.label, False)


def iter_answer_sheets(
    out: str | os.PathLike[str] | BinaryIO,
    layout: Layout,
    exam: ExamInfo,
    trainees: Iterable[SheetTrainee],
    blank: int = 0,
) -> Iterator[tuple[int, int]]:
    """Generator form of :func:`render_answer_sheets`: yields (pages done, total) per page.

    The PDF is written when the generator is exhausted, so a UI can drive it page by page
    from its event loop without threads.
    """
    font = register_japanese_font().name
    people: list[SheetTrainee | None] = list(trainees)
    people.extend([None] * blank)
    target = os.fspath(out) if isinstance(out, str | os.PathLike) else out
    canvas = Canvas(
        target,
        pagesize=(layout.page_width_mm * mm, layout.page_height_mm * mm),
        initialFontName=font,
    )
    canvas.setTitle(f"{exam.title} 解答用紙 {exam.run_label}".strip())
    canvas.setAuthor("scfn-desktop")
    canvas.setCreator("scfn-desktop")
    painter = SheetPainter(canvas, layout, exam, font)
    for i, person in enumerate(people):
        painter.page(person)
        yield i + 1, len(people)
    canvas.save()


def render_answer_sheets(
    out: str | os.PathLike[str] | BinaryIO,
    layout: Layout,
    exam: ExamInfo,
    trainees: Iterable[SheetTrainee],
    blank: int = 0,
    progress: ProgressCallback | None = None,
) -> int:
    """Write one A4 page per trainee plus ``blank`` spare forms; returns the page count."""
    pages = 0
    for done, total in iter_answer_sheets(out, layout, exam, trainees, blank):
        pages = done
        if progress is not None:
            progress(done, total)
    return pages


def render_answer_sheets_bytes(
    layout: Layout, exam: ExamInfo, trainees: Iterable[SheetTrainee], blank: int = 0
) -> bytes:
    buf = io.BytesIO()
    render_answer_sheets(buf, layout, exam, trainees, blank)
    return buf.getvalue()


def rasterize_pdf(pdf: bytes, dpi: float = 300.0, grey: bool = True) -> list:
    """Render PDF pages to numpy images (print preview, synthetic test scans).

    Returns a list of uint8 arrays (H x W grey, or H x W x 3 BGR when grey=False).
    """
    import numpy as np
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    images = []
    try:
        for page in doc:
            bitmap = page.render(scale=dpi / 72.0, grayscale=grey)
            arr = np.array(bitmap.to_numpy(), copy=True)
            if grey and arr.ndim == 3:
                arr = arr[..., 0]
            elif not grey and arr.ndim == 3 and arr.shape[2] == 4:
                arr = arr[..., :3]
            images.append(arr)
    finally:
        doc.close()
    return images
