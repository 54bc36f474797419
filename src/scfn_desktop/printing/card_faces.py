"""Drawing one card's front and back at a given place on a page (reportlab, millimetres).

Front: title band (外国人支援コーディネーター認定証 / Support Coordinator for Foreign Nationals),
name in kanji (large) and romaji, 認定番号, 認証日, 有効期間 … まで, the issuer, and the photo
when there is one (without a photo the text takes the width: no empty frame).  Back: the
signed QR code, drawn module by module at a whole number of printer dots per module
(``qr_module_plan``) with its quiet zone and its origin on the printer's dot grid, how to
verify, notes, and the code text for typing by hand.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from reportlab.lib.colors import Color, black, white
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..credentials.qr import ModulePlan
from .card_layout import CARD_WIDTH_MM, Box
from .qr_draw import draw_qr
from .text import fit_font_size, wrap_chars

__all__ = ["FaceContent", "FacePainter"]

NAVY = Color(0.09, 0.20, 0.40)
GREY = Color(0.38, 0.38, 0.38)
RULE = Color(0.70, 0.72, 0.78)
TITLE_JA = "外国人支援コーディネーター認定証"
TITLE_EN = "Support Coordinator for Foreign Nationals"
VERIFY_JA = (
    "このQRコードを認定証確認ツール（アプリまたは確認用ページ）で読み取るか、"
    "下のコードを入力すると、有効・期限切れ・取消・偽造を確認できます。"
)
VERIFY_EN = "Scan the QR code with the certificate verifier, or type the code below."
NOTES_JA = (
    "1. 有効期間内に限り有効です。",
    "2. 記載事項の変更・紛失・き損の際は再交付を申請してください。",
    "3. 他人に貸与・譲渡することはできません。",
    "4. 拾得された方は出入国在留管理庁へお届けください。",
)
PHOTO_BOX = Box(CARD_WIDTH_MM - 3.5 - 20.0, 15.0, 20.0, 26.67)  # 3:4, the usual ID photo


@dataclass(frozen=True)
class FaceContent:
    """What the painter needs for one card, already checked and prepared by ``cards.py``."""

    name_kanji: str
    name_romaji: str
    number: str
    revision: int
    certified_on_text: str
    valid_until_text: str
    issuer_ja: str
    issuer_en: str
    token: str
    matrix: list[list[bool]]
    plan: ModulePlan
    photo_jpeg: bytes | None  # cropped to PHOTO_BOX's shape, or None


class _JpegSource:
    """A prepared JPEG that reportlab embeds as it is (DCTDecode), named by its digest.

    Handing reportlab an ``ImageReader`` makes it decode every photo to raw pixels just to
    name it; this object takes reportlab's "file" path instead (``jpeg_fh``), which copies the
    JPEG stream unchanged.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.key = hashlib.sha256(data).hexdigest()

    def jpeg_fh(self) -> io.BytesIO:
        return io.BytesIO(self.data)

    def __str__(self) -> str:
        return f"scfn-photo-{self.key}"


class FacePainter:
    """Draws faces on one canvas; ``page_h`` is the page height in mm (reportlab's y axis
    points up, the layout's down)."""

    def __init__(self, canvas: Canvas, font: str, page_h: float) -> None:
        self.c = canvas
        self.font = font
        self.page_h = page_h

    # -- coordinates ---------------------------------------------------------------------
    def _x(self, box: Box, x: float) -> float:
        return (box.x + x) * mm

    def _y(self, box: Box, y: float) -> float:
        return (self.page_h - box.y - y) * mm

    def _text(self, box: Box, x: float, y: float, text: str, size: float, *,
              colour: Color = black, font: str | None = None, align: str = "left") -> None:
        c = self.c
        c.setFillColor(colour)
        c.setFont(font or self.font, size)
        draw = {"left": c.drawString, "right": c.drawRightString, "centre": c.drawCentredString}
        draw[align](self._x(box, x), self._y(box, y), text)

    # -- front ---------------------------------------------------------------------------
    def front(self, box: Box, card: FaceContent) -> None:
        c = self.c
        c.setFillColor(NAVY)
        c.roundRect(self._x(box, 2.5), self._y(box, 12.5), (CARD_WIDTH_MM - 5) * mm, 10 * mm,
                    1.2 * mm, stroke=0, fill=1)
        size = fit_font_size(TITLE_JA, self.font, 10.5, CARD_WIDTH_MM - 9)
        self._text(box, CARD_WIDTH_MM / 2, 7.0, TITLE_JA, size, colour=white, align="centre")
        self._text(box, CARD_WIDTH_MM / 2, 10.9, TITLE_EN, 5.6, colour=white, align="centre")

        right = PHOTO_BOX.x - 2.5 if card.photo_jpeg else CARD_WIDTH_MM - 4.0
        width = right - 4.0
        self._text(box, 4.0, 16.6, "氏名  Name", 4.8, colour=GREY)
        big, small = (card.name_kanji, card.name_romaji) if card.name_kanji else (
            card.name_romaji, "")
        self._fitted_lines(box, big, 4.0, 22.6, width, 15.0, floor=8.0, line_mm=5.2)
        if small:
            self._fitted_lines(box, small, 4.0, 27.0, width, 7.5, floor=5.0, line_mm=2.6)
        rows = (
            ("認定番号", "Certificate No.", card.number),
            ("認証日", "Certified on", card.certified_on_text),
            ("有効期間", "Valid until", f"{card.valid_until_text} まで"),
        )
        for i, (label_ja, label_en, value) in enumerate(rows):
            y = 32.6 + i * 4.3
            self._text(box, 4.0, y, label_ja, 5.6, colour=GREY)
            label_w = stringWidth(label_ja, self.font, 5.6) / mm
            self._text(box, 4.0 + label_w + 0.8, y, label_en, 3.8, colour=GREY)
            size = fit_font_size(value, self.font, 7.6, right - 25.0)
            self._text(box, 25.0, y, value, size)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        c.line(self._x(box, 4.0), self._y(box, 45.3), self._x(box, CARD_WIDTH_MM - 4.0),
               self._y(box, 45.3))
        self._text(box, 4.0, 50.6, card.issuer_ja, 8.5)
        self._text(box, CARD_WIDTH_MM - 4.0, 50.6, card.issuer_en, 4.6, colour=GREY,
                   align="right")
        if card.photo_jpeg:
            self._photo(box, card.photo_jpeg)

    def _fitted_lines(self, box: Box, text: str, x: float, y: float, width: float,
                      size: float, *, floor: float, line_mm: float) -> None:
        """One line shrunk to fit; when even ``floor`` is too wide, two lines at ``floor``,
        drawn upwards from ``y`` so the rows below keep their place."""
        fitted = fit_font_size(text, self.font, size, width, floor=floor)
        lines = wrap_chars(text, self.font, fitted, width)[:2] if stringWidth(
            text, self.font, fitted) > width * mm else [text]
        for i, line in enumerate(lines):
            scale = 0.8 if len(lines) > 1 else 1.0
            self._text(box, x, y - (len(lines) - 1 - i) * line_mm * scale, line, fitted)

    def _photo(self, box: Box, jpeg: bytes) -> None:
        p = PHOTO_BOX
        self.c.drawImage(_JpegSource(jpeg), self._x(box, p.x), self._y(box, p.y + p.h), p.w * mm, p.h * mm)
        self.c.setStrokeColor(RULE)
        self.c.setLineWidth(0.4)
        self.c.rect(self._x(box, p.x), self._y(box, p.y + p.h), p.w * mm, p.h * mm, stroke=1,
                    fill=0)

    # -- back ----------------------------------------------------------------------------
    def back(self, box: Box, card: FaceContent) -> None:
        plan = card.plan
        quiet = plan.quiet_zone_mm
        side = plan.symbol_mm + 2 * quiet
        self._qr(box, 3.0 + quiet, 3.0 + quiet, card.matrix, plan)
        text_x = 3.0 + side + 2.5
        width = CARD_WIDTH_MM - 3.5 - text_x
        self._text(box, text_x, 6.2, "認定証の確認方法", 7.2, colour=NAVY)
        self._text(box, text_x + 23.0, 6.2, "How to verify", 4.8, colour=NAVY)
        y = 10.0
        for line in wrap_chars(VERIFY_JA, self.font, 5.6, width):
            self._text(box, text_x, y, line, 5.6)
            y += 2.7
        for line in wrap_chars(VERIFY_EN, self.font, 4.5, width):
            self._text(box, text_x, y, line, 4.5, colour=GREY)
            y += 2.2
        y += 2.0
        self._text(box, text_x, y, "注意事項  Notes", 6.0, colour=NAVY)
        y += 3.0
        for note in NOTES_JA:
            for line in wrap_chars(note, self.font, 5.2, width, indent="   "):
                self._text(box, text_x, y, line, 5.2)
                y += 2.55
        self._text(box, 3.0, 3.0 + side + 3.2, card.number, 6.0)
        self._text(box, 3.0, 3.0 + side + 6.0, f"第{card.revision}版  Rev. {card.revision}",
                   4.8, colour=GREY)
        self._code_text(box, card.token)

    def _code_text(self, box: Box, token: str) -> None:
        """The code in groups of four, for typing when no scanner is at hand (white space is
        dropped by every verifier)."""
        groups = [token[i : i + 4] for i in range(0, len(token), 4)]
        per_line = (len(groups) + 1) // 2
        lines = [" ".join(groups[:per_line]), " ".join(groups[per_line:])]
        self.c.setStrokeColor(RULE)
        self.c.setLineWidth(0.4)
        self.c.line(self._x(box, 3.0), self._y(box, 44.2), self._x(box, CARD_WIDTH_MM - 3.0),
                    self._y(box, 44.2))
        self._text(box, 3.0, 47.0, "コード  Code", 4.2, colour=GREY)
        for i, line in enumerate(lines):
            size = fit_font_size(line, "Courier", 5.0, CARD_WIDTH_MM - 6.0, floor=3.5)
            self._text(box, 3.0, 49.3 + i * 2.3, line, size, font="Courier")

    def _qr(self, box: Box, x: float, y: float, matrix: list[list[bool]],
            plan: ModulePlan) -> None:
        draw_qr(self.c, matrix, plan, box.x + x, box.y + y, self.page_h)
