"""Fitting text into boxes measured in millimetres, shared by every printed document.

Japanese has no spaces to break at, and names on a card or a form come in any length (a long
katakana transcription, a four-part romaji name), so text is first shrunk down to a floor and
only then wrapped by character.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

__all__ = ["clip_text", "fit_font_size", "wrap_chars"]

ELLIPSIS = "…"


def fit_font_size(
    text: str, font: str, size: float, max_width_mm: float, *, floor: float = 5.0
) -> float:
    """The largest size from ``size`` down to ``floor`` (0.5 pt steps) at which ``text`` fits
    ``max_width_mm``; ``floor`` when even that is too wide."""
    while size > floor and stringWidth(text, font, size) > max_width_mm * mm:
        size -= 0.5
    return max(size, floor)


def wrap_chars(
    text: str, font: str, size: float, width_mm: float, *, indent: str = ""
) -> list[str]:
    """Break ``text`` into lines no wider than ``width_mm``, by character (prefer a break after
    a space when the line holds one); continuation lines start with ``indent``."""
    lines: list[str] = []
    line = ""
    for char in text:
        candidate = line + char
        if line.strip() and stringWidth(candidate, font, size) > width_mm * mm:
            space = line.rfind(" ")
            if space > len(indent) and char != " ":
                lines.append(line[:space])
                line = indent + line[space + 1 :] + char
            else:
                lines.append(line.rstrip())
                line = indent + char.lstrip()
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    return lines


def clip_text(text: str, font: str, size: float, width_mm: float) -> str:
    """``text``, cut with an ellipsis when it is wider than ``width_mm`` at ``size``: for a
    line that must stay one line (a name on a badge, a cell of a list)."""
    if stringWidth(text, font, size) <= width_mm * mm:
        return text
    while text and stringWidth(text + ELLIPSIS, font, size) > width_mm * mm:
        text = text[:-1]
    return text + ELLIPSIS
