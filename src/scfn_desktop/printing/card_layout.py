"""Where certificate cards sit on paper, in millimetres from the top-left corner.

The single source of truth for card geometry: the renderer draws from it, the calibration
page shows it, and the tests compare the rendered PDF with it.

* Card printer: one ID-1 page (ISO/IEC 7810, 85.60 x 53.98 mm) per side, front then back.
* A4 sheet: the common Japanese business-card blank (名刺用紙) of 10 cells of 91 x 55 mm,
  2 columns x 5 rows, 14 mm side and 11 mm top margins; the card is centred in its cell, so a
  small feed error still leaves it on the blank.  The backs of a sheet are printed on the next
  page with the columns swapped, which is what a long-edge duplex flip needs.
* ``offset`` (x right, y down, in mm) moves everything on a sheet: the printer's measured
  misalignment from the calibration page, entered with the opposite sign.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "A4_HEIGHT_MM",
    "A4_WIDTH_MM",
    "CARD_HEIGHT_MM",
    "CARD_WIDTH_MM",
    "CELLS_PER_SHEET",
    "Box",
    "SheetLayout",
]

CARD_WIDTH_MM = 85.60
CARD_HEIGHT_MM = 53.98
A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0
CELLS_PER_SHEET = 10
MAX_OFFSET_MM = 10.0


@dataclass(frozen=True)
class Box:
    x: float  # left edge, mm from the page's left
    y: float  # top edge, mm from the page's top
    w: float
    h: float

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2

    def moved(self, dx: float, dy: float) -> Box:
        return Box(self.x + dx, self.y + dy, self.w, self.h)


@dataclass(frozen=True)
class SheetLayout:
    """The 10-up A4 business-card sheet (the defaults match the common 91 x 55 mm blanks)."""

    offset_x: float = 0.0
    offset_y: float = 0.0
    columns: int = 2
    rows: int = 5
    cell_w: float = 91.0
    cell_h: float = 55.0
    margin_left: float = 14.0
    margin_top: float = 11.0

    def __post_init__(self) -> None:
        if not all(abs(v) <= MAX_OFFSET_MM for v in (self.offset_x, self.offset_y)):
            raise ValueError(f"the print offset must be within ±{MAX_OFFSET_MM:g} mm")

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def cell(self, index: int) -> Box:
        """Cell ``index`` (0-9, row by row from the top left) as printed, offset included."""
        row, column = divmod(index, self.columns)
        return Box(
            self.margin_left + column * self.cell_w + self.offset_x,
            self.margin_top + row * self.cell_h + self.offset_y,
            self.cell_w,
            self.cell_h,
        )

    def card(self, index: int, *, back: bool = False) -> Box:
        """Where card ``index`` of a sheet is drawn: centred in its cell; on the back page the
        columns are swapped so that each back lands behind its own front."""
        if back:
            row, column = divmod(index, self.columns)
            index = row * self.columns + (self.columns - 1 - column)
        cell = self.cell(index)
        return Box(
            cell.x + (cell.w - CARD_WIDTH_MM) / 2,
            cell.y + (cell.h - CARD_HEIGHT_MM) / 2,
            CARD_WIDTH_MM,
            CARD_HEIGHT_MM,
        )

    def crop_marks(self, length: float = 4.0, gap: float = 1.0) -> list[tuple[float, ...]]:
        """Line segments (x1, y1, x2, y2) in the sheet margins, in line with every card edge:
        for cutting plain paper; they stay off the cells, so blanks are not marked."""
        left = self.margin_left + self.offset_x
        top = self.margin_top + self.offset_y
        right = left + self.columns * self.cell_w
        bottom = top + self.rows * self.cell_h
        first_row = [self.card(c) for c in range(self.columns)]
        first_column = [self.card(r * self.columns) for r in range(self.rows)]
        xs = sorted({x for box in first_row for x in (box.x, box.x + box.w)})
        ys = sorted({y for box in first_column for y in (box.y, box.y + box.h)})
        marks: list[tuple[float, ...]] = []
        for x in xs:
            marks.append((x, top - gap - length, x, top - gap))
            marks.append((x, bottom + gap, x, bottom + gap + length))
        for y in ys:
            marks.append((left - gap - length, y, left - gap, y))
            marks.append((right + gap, y, right + gap + length, y))
        return marks
