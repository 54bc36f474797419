"""Fitting Japanese text into boxes on small printed things (badges, lists).

Names and organisations vary wildly in length (「山田 花子」 against a 30-character desk name
or a long katakana name), so text is first shrunk down to a floor size and then, if it still
does not fit, wrapped by character (Japanese has no spaces) or cut with an ellipsis — never
drawn over its neighbour or off the card.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

ELLIPSIS = "…"


def fitted_size(text: str, font: str, size: float, width_mm: float, floor: float) -> float:
    """The largest size <= `size` (in 0.25 pt steps, not below `floor`) at which `text` fits."""
    while size > floor and stringWidth(text, font, size) > width_mm * mm:
        size -= 0.25
    return max(size, floor)


def clipped(text: str, font: str, size: float, width_mm: float) -> str:
    """`text`, cut with an ellipsis when it is wider than `width_mm` at `size`."""
    if stringWidth(text, font, size) <= width_mm * mm:
        return text
    while text and stringWidth(text + ELLIPSIS, font, size) > width_mm * mm:
        text = text[:-1]
    return text + ELLIPSIS


def wrapped(text: str, font: str, size: float, width_mm: float, max_lines: int) -> list[str]:
    """Character-wrapped lines within `width_mm`; the last allowed line is clipped."""
    lines: list[str] = []
    line = ""
    for index, ch in enumerate(text):
        if line and stringWidth(line + ch, font, size) > width_mm * mm:
            if len(lines) == max_lines - 1:
                return [*lines, clipped(line + text[index:], font, size, width_mm)]
            lines.append(line)
            line = ch.lstrip()
        else:
            line += ch
    if line:
        lines.append(line)
    return lines
