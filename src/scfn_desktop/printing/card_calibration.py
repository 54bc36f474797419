"""The A4 calibration page: print it on a business-card blank sheet, measure, enter the offset.

Office printers place the page a millimetre or two off; on 91 x 55 mm blanks that shows as a
card touching a perforation.  This page draws, with the offset currently saved applied, every
card outline and a crosshair at each card's centre with millimetre scales, plus rulers along
the page edges (to confirm the print was at 100 %).  Where the blank's own centre falls on
the scales is the remaining error: add it, with the opposite sign, to the saved offset.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .card_layout import A4_HEIGHT_MM, A4_WIDTH_MM, SheetLayout
from .fonts import register_japanese_font

__all__ = ["write_calibration_pdf"]

LIGHT = Color(0.55, 0.55, 0.55)
CELL = Color(0.75, 0.80, 0.90)
INSTRUCTIONS = (
    "認定証 A4 名刺用紙（10面）の位置合わせ  Print position calibration",
    "1. このページを名刺用紙に「実際のサイズ（100%）」で印刷します。 Print at 100 % on a blank sheet.",
    "2. 用紙の各面の中心が十字線からずれている量を目盛りで読み取ります（1目盛り 1 mm）。",
    "   Read how far each blank's centre lies from the crosshair (1 mm per tick).",
    "3. 面の中心が右にあれば X に＋、下にあれば Y に＋の値を、現在の値に足して保存します。",
    "   Blank centre right of the cross: add to X; below: add to Y. Save, then print again.",
)


def write_calibration_pdf(
    path: str | os.PathLike[str], offset_mm: tuple[float, float] = (0.0, 0.0)
) -> None:
    """Write the one-page calibration PDF (``.part`` then rename, like the card PDFs)."""
    sheet = SheetLayout(*offset_mm)
    target = Path(path)
    partial = target.with_name(target.name + ".part")
    try:
        with partial.open("wb") as stream:
            _draw(stream, sheet)
        os.replace(partial, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def _draw(stream, sheet: SheetLayout) -> None:
    font = register_japanese_font().name
    c = Canvas(stream, pagesize=(A4_WIDTH_MM * mm, A4_HEIGHT_MM * mm), initialFontName=font)
    c.setTitle("認定証 印刷位置の調整 / Card print calibration")
    c.setCreator("scfn-desktop")

    def y(value: float) -> float:
        return (A4_HEIGHT_MM - value) * mm

    _rulers(c, y)
    c.setFont(font, 7)
    c.setFillColor(black)
    c.drawString(14 * mm, y(8.6), INSTRUCTIONS[0] + f"   X = {sheet.offset_x:+.1f} mm,"
                 f" Y = {sheet.offset_y:+.1f} mm")
    for index in range(sheet.per_sheet):
        cell = sheet.cell(index)
        card = sheet.card(index)
        c.setStrokeColor(CELL)
        c.setLineWidth(0.3)
        c.setDash(2, 2)
        c.rect(cell.x * mm, y(cell.y + cell.h), cell.w * mm, cell.h * mm, stroke=1, fill=0)
        c.setDash()
        c.setStrokeColor(LIGHT)
        c.rect(card.x * mm, y(card.y + card.h), card.w * mm, card.h * mm, stroke=1, fill=0)
        _crosshair(c, y, *card.centre)
    c.setFont(font, 6)
    c.setFillColor(black)
    first = sheet.card(0)
    for i, line in enumerate(INSTRUCTIONS[1:]):
        c.drawString((first.x + 3) * mm, y(first.y + 5 + i * 3.0), line)
    c.showPage()
    c.save()


def _crosshair(c: Canvas, y, cx: float, cy: float) -> None:
    c.setStrokeColor(black)
    c.setLineWidth(0.3)
    c.line((cx - 8) * mm, y(cy), (cx + 8) * mm, y(cy))
    c.line(cx * mm, y(cy - 8), cx * mm, y(cy + 8))
    c.setLineWidth(0.2)
    for step in range(-6, 7):
        if step == 0:
            continue
        tick = 1.6 if step % 5 == 0 else 0.9
        c.line((cx + step) * mm, y(cy - tick), (cx + step) * mm, y(cy + tick))
        c.line((cx - tick) * mm, y(cy + step), (cx + tick) * mm, y(cy + step))


def _rulers(c: Canvas, y) -> None:
    """Millimetre rulers along the top and left edges, numbered every centimetre."""
    c.setStrokeColor(black)
    c.setFillColor(black)
    c.setLineWidth(0.2)
    c.setFont("Helvetica", 4.5)
    for x in range(0, int(A4_WIDTH_MM) + 1):
        length = 3.0 if x % 10 == 0 else 1.5 if x % 5 == 0 else 0.8
        c.line(x * mm, y(0), x * mm, y(length))
        if x % 10 == 0 and 0 < x < A4_WIDTH_MM:
            c.drawCentredString(x * mm, y(4.6), str(x))
    for v in range(0, int(A4_HEIGHT_MM) + 1):
        length = 3.0 if v % 10 == 0 else 1.5 if v % 5 == 0 else 0.8
        c.line(0, y(v), length * mm, y(v))
        if v % 10 == 0 and 0 < v < A4_HEIGHT_MM:
            c.drawString(3.4 * mm, y(v + 0.8), str(v))
