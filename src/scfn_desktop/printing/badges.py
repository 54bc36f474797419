"""Trainee ID badges for the venue (受付用バッジ) as a PDF.

Two layouts:

* ``a4-10`` — name-card size 91 x 55 mm, 10 per A4 sheet (2 columns x 5 rows, margins 14 mm
  left/right and 11 mm top/bottom: the common perforated 名刺 sheet), with crop marks in the
  margins on every cutting line, for cutting plain paper;
* ``card`` — one ID-1 card (85.60 x 53.98 mm) per page, for a card printer.

The QR code holds the signed badge token (credentials.badge) in alphanumeric mode. It is drawn
as vector squares with whole 1/300-inch printer dots per module (credentials.qr_module_plan),
20-24 mm wide so a webcam at arm's length still resolves each module, with its 4-module quiet
zone kept free. Text is fitted, never drawn over the QR or off the card; the Japanese font is
embedded (printing.fonts).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import Color, black, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..credentials import qr_matrix, qr_module_plan
from .fonts import register_japanese_font
from .qr_draw import draw_qr
from .text import clip_text, fit_font_size, wrap_chars

GREY = Color(0.35, 0.35, 0.35)
INSET_MM = 3.5  # nothing printed closer to the cut than this (cutting tolerance)
QR_TARGET_MM = (20.0, 24.0)
QR_DPI = 300


@dataclass(frozen=True)
class BadgeFace:
    """What one badge shows."""

    name: str
    kana: str
    romaji: str
    organisation: str
    number: str
    group: str
    token: str
    revision: int
    run_label: str


@dataclass(frozen=True)
class SheetLayout:
    key: str
    page_w: float  # mm
    page_h: float
    card_w: float
    card_h: float
    columns: int
    rows: int
    left: float  # margin to the first card
    top: float
    crop_marks: bool

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def origins(self) -> list[tuple[float, float]]:
        """Top-left corner (mm from the page's top-left) of each card slot, row by row."""
        return [(self.left + c * self.card_w, self.top + r * self.card_h)
                for r in range(self.rows) for c in range(self.columns)]


LAYOUTS: dict[str, SheetLayout] = {
    "a4-10": SheetLayout("a4-10", 210.0, 297.0, 91.0, 55.0, 2, 5, 14.0, 11.0, True),
    "card": SheetLayout("card", 85.60, 53.98, 85.60, 53.98, 1, 1, 0.0, 0.0, False),
}


def page_count(faces: int, layout: str) -> int:
    return math.ceil(faces / LAYOUTS[layout].per_page)


class _Painter:
    def __init__(self, canvas: Canvas, layout: SheetLayout, font: str) -> None:
        self.c, self.layout, self.font = canvas, layout, font
        self.plan = qr_module_plan(49, target_mm=QR_TARGET_MM, dpi=QR_DPI)

    def y(self, top_mm: float) -> float:
        """reportlab's origin is bottom-left; layouts are written top-down."""
        return (self.layout.page_h - top_mm) * mm

    def page(self, faces: Sequence[BadgeFace]) -> None:
        for (x, y), face in zip(self.layout.origins(), faces, strict=False):
            self.badge(face, x, y)
        if self.layout.crop_marks:
            self.crop_marks()
        self.c.showPage()

    def crop_marks(self) -> None:
        lay, c = self.layout, self.c
        c.setStrokeColor(black)
        c.setLineWidth(0.25)
        bottom = lay.top + lay.rows * lay.card_h
        right = lay.left + lay.columns * lay.card_w
        for col in range(lay.columns + 1):
            x = (lay.left + col * lay.card_w) * mm
            c.line(x, self.y(4.0), x, self.y(lay.top - 2.0))
            c.line(x, self.y(bottom + 2.0), x, self.y(lay.page_h - 4.0))
        for row in range(lay.rows + 1):
            y = self.y(lay.top + row * lay.card_h)
            c.line(4.0 * mm, y, (lay.left - 2.0) * mm, y)
            c.line((right + 2.0) * mm, y, (lay.page_w - 4.0) * mm, y)

    def text(self, s: str, x: float, top: float, size: float, colour: Color = black) -> None:
        self.c.setFillColor(colour)
        self.c.setFont(self.font, size)
        self.c.drawString(x * mm, self.y(top), s)

    def badge(self, face: BadgeFace, x0: float, y0: float) -> None:
        lay, f = self.layout, self.font
        inner_w = lay.card_w - 2 * INSET_MM
        left = x0 + INSET_MM
        quiet = self.plan.quiet_zone_mm
        qr_box = self.plan.symbol_mm + 2 * quiet
        text_w = inner_w - qr_box - 1.0
        header = clip_text(f"外国人支援コーディネーター養成研修　{face.run_label}", f, 6.5, inner_w)
        self.text(header, left, y0 + INSET_MM + 2.4, 6.5, GREY)
        self.c.setStrokeColor(GREY)
        self.c.setLineWidth(0.3)
        self.c.line(left * mm, self.y(y0 + INSET_MM + 3.6), (left + inner_w) * mm,
                    self.y(y0 + INSET_MM + 3.6))
        kana_size = fit_font_size(face.kana, f, 7.5, text_w, floor=5.5)
        self.text(clip_text(face.kana, f, kana_size, text_w), left, y0 + 12.0, kana_size)
        name_size = fit_font_size(face.name, f, 20.0, text_w, floor=11.0)
        self.text(clip_text(face.name, f, name_size, text_w), left, y0 + 20.5, name_size)
        romaji_size = fit_font_size(face.romaji, f, 8.5, text_w, floor=6.0)
        self.text(clip_text(face.romaji, f, romaji_size, text_w), left, y0 + 25.5, romaji_size,
                  GREY)
        lines = wrap_chars(face.organisation, f, 7.5, text_w)
        if len(lines) > 2:  # two lines at most: the rest is cut with an ellipsis
            lines = [lines[0], clip_text("".join(lines[1:]), f, 7.5, text_w)]
        for i, line in enumerate(lines):
            self.text(line, left, y0 + 31.5 + i * 3.4, 7.5)
        bottom = y0 + lay.card_h - INSET_MM - 1.2
        self.text("受講番号", left, bottom - 5.2, 6.5, GREY)
        self.text(face.number, left, bottom, 12.0)
        if face.group:
            gx = left + min(30.0, text_w - 16.0)
            self.text("グループ", gx, bottom - 5.2, 6.5, GREY)
            group_size = fit_font_size(face.group, f, 12.0, 14.0, floor=6.0)  # "C" or a name
            self.text(clip_text(face.group, f, group_size, 14.0), gx, bottom, group_size)
        qr_left = x0 + lay.card_w - INSET_MM - qr_box
        qr_top = y0 + lay.card_h - INSET_MM - qr_box - 3.0
        self.qr(face.token, qr_left + quiet, qr_top + quiet)
        revision = f"第{face.revision}版"
        self.c.setFont(f, 6.0)
        self.c.setFillColor(GREY)
        self.c.drawRightString((qr_left + qr_box) * mm, self.y(y0 + lay.card_h - INSET_MM - 0.6),
                               revision)

    def qr(self, token: str, left: float, top: float) -> None:
        """The symbol on a white quiet zone (the badge's background could be anything)."""
        quiet = self.plan.quiet_zone_mm
        matrix = qr_matrix(token)
        side = len(matrix) * self.plan.module_mm + 2 * quiet
        self.c.setFillColor(white)
        self.c.rect((left - quiet) * mm, self.y(top - quiet + side), side * mm, side * mm,
                    stroke=0, fill=1)
        draw_qr(self.c, matrix, self.plan, left, top, self.layout.page_h)


def iter_badges(out: str | Path | BinaryIO, faces: Sequence[BadgeFace], layout: str = "a4-10"
                ) -> Iterator[tuple[int, int]]:
    """Write the badges PDF, yielding (pages done, pages total) after each page."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown badge layout {layout!r}; expected one of {sorted(LAYOUTS)}")
    lay = LAYOUTS[layout]
    font = register_japanese_font().name
    target = str(out) if isinstance(out, str | Path) else out
    canvas = Canvas(target, pagesize=(lay.page_w * mm, lay.page_h * mm), pageCompression=1,
                    initialFontName=font)
    canvas.setTitle("受付用バッジ")
    canvas.setCreator("scfn-desktop")
    painter = _Painter(canvas, lay, font)
    total = page_count(len(faces), layout)
    for page in range(total):
        painter.page(faces[page * lay.per_page:(page + 1) * lay.per_page])
        yield page + 1, total
    canvas.save()
