"""The paper sign-in sheet (受付表) of one venue day: the fallback when the database cannot be
reached. One row per trainee (sorted by trainee number) with an empty column for the arrival
time and one for the signature; staff type the times in afterwards ("from paper", marked as
backfilled). A4 portrait, 21 rows a page, the heading and column titles on every page.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .fonts import register_japanese_font
from .text import clip_text, fit_font_size

ROWS_PER_PAGE = 21
MARGIN = 12.0
ROW_H = 10.8
TOP = 38.0  # first row's top, mm from the page top
SHADE = Color(0.93, 0.93, 0.93)
GREY = Color(0.35, 0.35, 0.35)
WEEKDAYS = "月火水木金土日"
# (title, width mm)
COLUMNS: tuple[tuple[str, float], ...] = (
    ("No.", 9.0), ("受講番号", 18.0), ("氏名", 36.0), ("ふりがな", 31.0), ("所属機関", 36.0),
    ("到着時刻", 18.0), ("署名", 28.0), ("受付者", 10.0),
)
NOTE = ("データベースに接続できないときの受付表です。到着時刻（時:分）を記入し、本人に署名して"
        "もらってください。復旧後、受付画面の「紙から入力」で登録します（紙からの入力として記録されます）。")


@dataclass(frozen=True)
class SheetDay:
    run_label: str
    venue: str
    day_number: int
    day: date
    starts_at: time
    ends_at: time
    threshold_minutes: int


@dataclass(frozen=True)
class SheetPerson:
    number: str
    name: str
    kana: str
    organisation: str


def _y(top_mm: float) -> float:
    return A4[1] - top_mm * mm


def _heading(c: Canvas, font: str, day: SheetDay, page: int, pages: int) -> None:
    weekday = WEEKDAYS[day.day.weekday()]
    title = (f"受付表（紙）　{day.day_number}日目　{day.day.year}年{day.day.month}月{day.day.day}日"
             f"（{weekday}）　開始 {day.starts_at:%H:%M}")
    c.setFillColor(black)
    c.setFont(font, fit_font_size(title, font, 15, 210 - 2 * MARGIN, floor=10))
    c.drawString(MARGIN * mm, _y(MARGIN + 6), title)
    lines = (f"外国人支援コーディネーター養成研修 {day.run_label}　養成課程②（集合研修）　{day.venue}",
             f"{day.starts_at:%H:%M}〜{day.ends_at:%H:%M}　開始時刻から {day.threshold_minutes} 分以上"
             "遅れて到着した場合は受講不可（やむを得ない事情は事務局に相談）")
    c.setFont(font, 8)
    c.setFillColor(GREY)
    for i, line in enumerate(lines):
        c.drawString(MARGIN * mm, _y(MARGIN + 11.5 + i * 4), clip_text(line, font, 8, 210 - 2 * MARGIN))
    c.drawRightString((210 - MARGIN) * mm, _y(297 - MARGIN + 4), f"{page} / {pages}")
    c.setFillColor(black)
    x = MARGIN
    c.setFillColor(SHADE)
    c.rect(MARGIN * mm, _y(TOP), (210 - 2 * MARGIN) * mm, 7 * mm, stroke=0, fill=1)
    c.setFillColor(black)
    c.setFont(font, 8)
    for title, width in COLUMNS:
        c.drawCentredString((x + width / 2) * mm, _y(TOP - 2.4), title)
        x += width


def _rows(c: Canvas, font: str, people: Sequence[SheetPerson], first_index: int) -> None:
    widths = [w for _, w in COLUMNS]
    table_w = sum(widths)
    c.setLineWidth(0.4)
    c.setStrokeColor(black)
    bottom = TOP + ROWS_PER_PAGE * ROW_H
    c.rect(MARGIN * mm, _y(bottom), table_w * mm, (bottom - TOP + 7) * mm, stroke=1, fill=0)
    for i in range(ROWS_PER_PAGE + 1):
        c.setLineWidth(0.4 if i == 0 else 0.2)
        c.line(MARGIN * mm, _y(TOP + i * ROW_H), (MARGIN + table_w) * mm, _y(TOP + i * ROW_H))
    x = MARGIN
    for w in widths[:-1]:
        x += w
        c.line(x * mm, _y(TOP - 7), x * mm, _y(bottom))
    for i, p in enumerate(people):
        top = TOP + i * ROW_H
        cells = (str(first_index + i + 1), p.number, p.name, p.kana, p.organisation)
        sizes = (8, 9, 11, 7.5, 7)
        floors = (8, 9, 7, 5.5, 5)  # long desk names shrink before they are cut
        x = MARGIN
        for text, size, floor, width in zip(cells, sizes, floors, widths, strict=False):
            fitted = fit_font_size(text, font, size, width - 2, floor=floor)
            c.setFont(font, fitted)
            c.drawString((x + 1) * mm, _y(top + ROW_H / 2 + fitted * 0.125),
                         clip_text(text, font, fitted, width - 2))
            x += width
        arrival_x = MARGIN + sum(widths[:5])
        c.setFont(font, 10)
        c.setFillColor(GREY)
        c.drawCentredString((arrival_x + widths[5] / 2) * mm, _y(top + ROW_H / 2 + 1.3), ":")
        c.setFillColor(black)


def iter_sign_in_sheet(out: str | Path | BinaryIO, day: SheetDay, people: Sequence[SheetPerson]
                       ) -> Iterator[tuple[int, int]]:
    """Write the sheet, yielding (pages done, pages total)."""
    font = register_japanese_font().name
    target = str(out) if isinstance(out, str | Path) else out
    c = Canvas(target, pagesize=A4, pageCompression=1, initialFontName=font)
    c.setTitle(f"受付表 {day.day_number}日目")
    c.setCreator("scfn-desktop")
    pages = max(1, math.ceil(len(people) / ROWS_PER_PAGE))
    for page in range(pages):
        chunk = people[page * ROWS_PER_PAGE:(page + 1) * ROWS_PER_PAGE]
        _heading(c, font, day, page + 1, pages)
        _rows(c, font, chunk, page * ROWS_PER_PAGE)
        c.setFont(font, 7.5)
        c.setFillColor(GREY)
        note_top = TOP + ROWS_PER_PAGE * ROW_H + 5
        for i, start in enumerate(range(0, len(NOTE), 64)):
            c.drawString(MARGIN * mm, _y(note_top + i * 3.6), NOTE[start:start + 64])
        c.setFillColor(black)
        c.showPage()
        yield page + 1, pages
    c.save()
