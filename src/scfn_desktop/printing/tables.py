"""Shared pieces of the committee's documents (notices, register, minutes): paragraph styles in
the embedded Japanese font, a table that repeats its header and wraps Japanese text by
character, and one builder that writes an A4 PDF with a running footer.

Why platypus and not the canvas the answer forms use: these documents are text of unknown
length (reasons, organisation names, 60-row lists) that must wrap and flow onto the next page
with the header repeated; placing them by hand would cut text off.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from .fonts import register_japanese_font

HEADER_FILL = colors.Color(0.9, 0.92, 0.95)
RULE = colors.Color(0.45, 0.45, 0.45)


class DocumentTooLarge(ValueError):
    """A piece of text does not fit on one page (the services cap text lengths, so this means
    a cap is missing); carries the document's title."""

    def __init__(self, title: str) -> None:
        super().__init__(f"{title}: some text does not fit on a page")
        self.title = title


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    head_cell: ParagraphStyle
    right: ParagraphStyle
    centre: ParagraphStyle


def styles(cell_size: float = 8.5) -> Styles:
    """Styles in the embedded Japanese font; ``wordWrap='CJK'`` breaks lines between any two
    characters, as Japanese text needs (it has no spaces to break at)."""
    font = register_japanese_font().name

    def style(name: str, size: float, leading: float | None = None, **kw: object
              ) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size,
                              leading=leading or size * 1.45, wordWrap="CJK", **kw)

    return Styles(
        title=style("title", 16, 22, alignment=TA_CENTER, spaceAfter=4 * mm),
        heading=style("heading", 11.5, 16, spaceBefore=3 * mm, spaceAfter=1.5 * mm,
                      keepWithNext=1),
        body=style("body", 10.5, 16.5, spaceAfter=1.5 * mm),
        small=style("small", 8.5, 12),
        cell=style("cell", cell_size),
        head_cell=style("head", cell_size),
        right=style("right", 10.5, 16, alignment=TA_RIGHT),
        centre=style("centre", 10.5, 16, alignment=TA_CENTER),
    )


def escape(text: object) -> str:
    """Paragraph text is mini-HTML: a name with '<' or '&' must print as written."""
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br/>"))


def para(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], widths_mm: Sequence[float],
          st: Styles, zebra: bool = True) -> Table:
    """A grid whose header row repeats on every page; every cell wraps."""
    data = [[para(h, st.head_cell) for h in headers]]
    data += [[c if isinstance(c, Flowable) else para(c, st.cell) for c in row] for row in rows]
    t = Table(data, colWidths=[w * mm for w in widths_mm], repeatRows=1)
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if zebra:
        commands += [("BACKGROUND", (0, i), (-1, i), colors.Color(0.97, 0.97, 0.97))
                     for i in range(2, len(data), 2)]
    t.setStyle(TableStyle(commands))
    return t


def build_pdf(story: list[Flowable], title: str, footer: str = "", wide: bool = False) -> bytes:
    """An A4 (landscape when ``wide``) PDF of the story, fonts embedded, each page footed with
    ``footer`` and its page number. Deterministic (``invariant``): the same data gives the same
    bytes, so a document can be checked against its audit entry's hash."""
    size = landscape(A4) if wide else A4
    out = io.BytesIO()
    font = register_japanese_font().name
    doc = SimpleDocTemplate(out, pagesize=size, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=16 * mm, title=title,
                            author="scfn-desktop", creator="scfn-desktop", invariant=1)

    def foot(canvas, doc_) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(RULE)
        canvas.drawRightString(size[0] - 15 * mm, 9 * mm, f"{footer}　{doc_.page}".strip("　"))
        canvas.restoreState()

    try:
        doc.build(story, onFirstPage=foot, onLaterPages=foot)
    except LayoutError as exc:  # a cell taller than a page: say which document, not a trace
        raise DocumentTooLarge(title) from exc
    return out.getvalue()


def mm_widths(total_mm: float, parts: Sequence[float]) -> list[float]:
    """Column widths in mm proportional to ``parts``, filling ``total_mm``."""
    whole = sum(parts)
    return [total_mm * p / whole for p in parts]


A4_TEXT_WIDTH_MM = 210 - 30
A4_WIDE_TEXT_WIDTH_MM = 297 - 30
