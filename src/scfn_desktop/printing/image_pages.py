"""A PDF of whole-page images (the annotated answer forms), written one page at a time.

Each page arrives as JPEG bytes and is embedded as is (no re-encoding, no decoded image kept),
so a 60-page export holds only compressed pages in memory, never 60 decoded A4 images, and the
caller can report progress and stop between pages.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas


class ImagePdf:
    """`add_page(jpeg, width_px, height_px)` for each page, then `save()`. Every page is
    `page_width_mm` wide (A4 by default), its height following the image, so a scanned A4 form
    prints at its real size whatever resolution it was scanned at."""

    def __init__(self, path: str | Path, page_width_mm: float = 210.0, title: str = "") -> None:
        self.canvas = Canvas(str(path))
        self.canvas.setTitle(title)
        self.page_width = page_width_mm * mm
        self.pages = 0

    def add_page(self, jpeg: bytes, width_px: int, height_px: int) -> None:
        width, height = self.page_width, self.page_width * height_px / width_px
        self.canvas.setPageSize((width, height))
        self.canvas.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width, height)
        self.canvas.showPage()
        self.pages += 1

    def save(self) -> None:
        self.canvas.save()
