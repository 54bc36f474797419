"""Drawing a QR matrix (credentials.qr_matrix) onto a PDF page, for every printed credential
(the certificate card, the check-in badge).

Dark modules become rectangles, one per horizontal run, in a single filled path. The symbol's
origin is snapped to the printer's dot grid so each module is exactly ``dots_per_module`` dots
(assuming the printer's grid starts at the page corner). The path is written in module units
under one ``cm`` transform: integer coordinates that cost nothing to format, for a few hundred
rectangles per symbol.
"""

from __future__ import annotations

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..credentials.qr import MM_PER_INCH, ModulePlan

__all__ = ["draw_qr"]


def draw_qr(canvas: Canvas, matrix: list[list[bool]], plan: ModulePlan, left_mm: float,
            top_mm: float, page_height_mm: float) -> None:
    """The symbol (quiet zone excluded) with its top-left corner at (left_mm, top_mm),
    measured from the page's top-left corner."""
    dot = MM_PER_INCH / plan.dpi
    left = round(left_mm / dot) * dot
    top = round(top_mm / dot) * dot
    scale = plan.module_mm * mm
    operations = [
        f"{scale:.6f} 0 0 {scale:.6f} {left * mm:.4f} {(page_height_mm - top) * mm:.4f} cm"
    ]
    for row_index, row in enumerate(matrix):
        column, count = 0, len(row)
        while column < count:
            if not row[column]:
                column += 1
                continue
            start = column
            while column < count and row[column]:
                column += 1
            operations.append(f"{start} {-row_index - 1} {column - start} 1 re")
    operations.append("f")
    canvas.saveState()
    canvas.setFillColor(black)
    canvas.addLiteral("\n".join(operations))
    canvas.restoreState()
