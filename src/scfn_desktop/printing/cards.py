"""Certificate cards (認定証) as a PDF: card printer pages or 10-up A4 business-card sheets.

A service hands in plain ``CardPrintData`` (no database rows) and gets a PDF file; the QR
token was signed beforehand with ``credentials.issue_card``.  Output modes:

* ``CardLayoutMode.CARD``: one ID-1 page (85.60 x 53.98 mm) per side, front then back, card
  after card: what a duplex card printer's driver expects.
* ``CardLayoutMode.A4_10``: A4 pages of 10 cards on 91 x 55 mm blanks (``card_layout``), a
  page of fronts followed by the page of their backs, crop marks, the calibrated offset.

``iter_cards_pdf`` is a generator yielding ``(cards done, total)`` like
``answer_sheets.iter_answer_sheets``; it writes ``<name>.part`` and renames it only when the
PDF is complete, so a cancelled or failed run leaves no file and never a half-written one.
"""

from __future__ import annotations

import contextlib
import enum
import io
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..credentials import CredentialError, qr_matrix, qr_module_plan
from ..rules.dates import format_date_ja
from .card_faces import PHOTO_BOX, FaceContent, FacePainter
from .card_layout import (
    A4_HEIGHT_MM,
    A4_WIDTH_MM,
    CARD_HEIGHT_MM,
    CARD_WIDTH_MM,
    Box,
    SheetLayout,
)
from .fonts import register_japanese_font

__all__ = [
    "ISSUER_EN",
    "ISSUER_JA",
    "CardLayoutMode",
    "CardPrintData",
    "PrintInputError",
    "cards_pdf_bytes",
    "iter_cards_pdf",
    "prepare_photo",
    "write_cards_pdf",
]

ISSUER_JA = "出入国在留管理庁"
ISSUER_EN = "Immigration Services Agency of Japan"
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000
MAX_NAME_CHARS = 60
PHOTO_DPI = 300
PHOTO_PIXELS = (round(PHOTO_BOX.w / 25.4 * PHOTO_DPI), round(PHOTO_BOX.h / 25.4 * PHOTO_DPI))


class PrintInputError(ValueError):
    """Card data that cannot be printed; the reasons name the card, in Japanese and English."""

    def __init__(self, code: str, reason_ja: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.code = code
        self.reason_ja = reason_ja
        self.reason_en = reason_en


class CardLayoutMode(enum.StrEnum):
    CARD = "card"
    A4_10 = "a4-10"


@dataclass(frozen=True)
class CardPrintData:
    """One card as printed.  ``token`` is ``issue_card``'s text for the same facts."""

    name_kanji: str  # may be empty: the romaji name then takes the large line
    name_romaji: str
    number: str  # 認定番号 as printed, e.g. "SCFN-2025-00001"
    certified_on: date  # 認証日
    valid_until: date  # last valid day (有効期間: … まで)
    token: str
    revision: int = 1
    photo: bytes | None = None  # JPEG/PNG bytes, cropped to the frame here
    issuer_ja: str = ISSUER_JA
    issuer_en: str = ISSUER_EN


def iter_cards_pdf(
    path: str | os.PathLike[str],
    cards: Sequence[CardPrintData],
    *,
    layout: CardLayoutMode | str = CardLayoutMode.CARD,
    offset_mm: tuple[float, float] = (0.0, 0.0),
    dpi: int = 300,
) -> Iterator[tuple[int, int]]:
    """Write the cards' PDF to ``path``, yielding ``(cards done, total)`` after each card.

    Input problems (a name too long, a photo that is not an image, a token that is not a
    card code) raise ``PrintInputError`` naming the card; the partial file is removed.
    """
    target = Path(path)
    partial = target.with_name(target.name + ".part")
    try:
        with partial.open("wb") as stream:
            yield from _render(stream, cards, CardLayoutMode(layout), offset_mm, dpi)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def write_cards_pdf(path: str | os.PathLike[str], cards: Sequence[CardPrintData],
                    **options) -> int:
    """Run ``iter_cards_pdf`` to the end; returns the number of cards written."""
    steps = list(iter_cards_pdf(path, cards, **options))
    return steps[-1][0] if steps else 0


def cards_pdf_bytes(cards: Sequence[CardPrintData], **options) -> bytes:
    """The PDF in memory (previews, tests, benchmarks)."""
    buffer = io.BytesIO()
    for _ in _render(buffer, cards, CardLayoutMode(options.pop("layout", "card")),
                     options.pop("offset_mm", (0.0, 0.0)), options.pop("dpi", 300)):
        pass
    return buffer.getvalue()


def _render(stream, cards: Sequence[CardPrintData], layout: CardLayoutMode,
            offset_mm: tuple[float, float], dpi: int) -> Iterator[tuple[int, int]]:
    font = register_japanese_font().name
    total = len(cards)
    if not total:
        raise PrintInputError("no_cards", "印刷する認定証がありません。", "There are no cards to print.")
    if layout is CardLayoutMode.CARD:
        size = (CARD_WIDTH_MM, CARD_HEIGHT_MM)
        sheet = None
    else:
        size = (A4_WIDTH_MM, A4_HEIGHT_MM)
        sheet = SheetLayout(*offset_mm)
    canvas = Canvas(stream, pagesize=(size[0] * mm, size[1] * mm), initialFontName=font,
                    pageCompression=1)
    canvas.setTitle("認定証 / Certificate cards")
    canvas.setAuthor(ISSUER_JA)
    canvas.setCreator("scfn-desktop")
    painter = FacePainter(canvas, font, size[1])
    if sheet is None:
        whole = Box(0.0, 0.0, CARD_WIDTH_MM, CARD_HEIGHT_MM)
        for done, card in enumerate(cards, start=1):
            content = _prepare(card, dpi)
            painter.front(whole, content)
            canvas.showPage()
            painter.back(whole, content)
            canvas.showPage()
            yield done, total
    else:
        per_sheet = sheet.per_sheet
        for start in range(0, total, per_sheet):
            batch = [_prepare(card, dpi) for card in cards[start : start + per_sheet]]
            _crop_marks(canvas, sheet)
            for index, content in enumerate(batch):
                painter.front(sheet.card(index), content)
            canvas.showPage()
            _crop_marks(canvas, sheet)
            for index, content in enumerate(batch):
                painter.back(sheet.card(index, back=True), content)
            canvas.showPage()
            yield start + len(batch), total
    canvas.save()


def _crop_marks(canvas: Canvas, sheet: SheetLayout) -> None:
    canvas.setLineWidth(0.25)
    canvas.setStrokeGray(0)
    for x1, y1, x2, y2 in sheet.crop_marks():
        canvas.line(x1 * mm, (A4_HEIGHT_MM - y1) * mm, x2 * mm, (A4_HEIGHT_MM - y2) * mm)


def _prepare(card: CardPrintData, dpi: int) -> FaceContent:
    """Check one card and compute what drawing needs (QR matrix, print plan, photo)."""
    who = card.number or card.name_romaji or "?"
    for label_ja, label_en, value in (("氏名（漢字）", "kanji name", card.name_kanji),
                                      ("氏名（ローマ字）", "romaji name", card.name_romaji)):
        # U+3000 (the ideographic space between family and given name) is not "printable"
        # to Python, but it is how the roster writes a name.
        if len(value) > MAX_NAME_CHARS or any(not (c.isprintable() or c == "\u3000")
                                              for c in value):
            raise PrintInputError(
                "invalid_name",
                f"認定証 {who}: {label_ja}は改行なしの{MAX_NAME_CHARS}文字までです。",
                f"Card {who}: the {label_en} must be at most {MAX_NAME_CHARS} characters on "
                "one line.",
            )
    if not (card.name_kanji.strip() or card.name_romaji.strip()):
        raise PrintInputError("invalid_name", f"認定証 {who}: 氏名がありません。",
                              f"Card {who}: the name is missing.")
    if card.valid_until < card.certified_on:
        raise PrintInputError("invalid_dates", f"認定証 {who}: 有効期限が認証日より前です。",
                              f"Card {who}: the validity ends before the certification date.")
    try:
        matrix = qr_matrix(card.token)
        plan = qr_module_plan(len(matrix), dpi=dpi)
    except CredentialError as exc:
        raise PrintInputError("invalid_token", f"認定証 {who}: {exc.reason_ja}",
                              f"Card {who}: {exc.reason_en}") from None
    return FaceContent(
        name_kanji=card.name_kanji.strip(),
        name_romaji=card.name_romaji.strip(),
        number=card.number,
        revision=card.revision,
        certified_on_text=format_date_ja(card.certified_on),
        valid_until_text=format_date_ja(card.valid_until),
        issuer_ja=card.issuer_ja,
        issuer_en=card.issuer_en,
        token=card.token,
        matrix=matrix,
        plan=plan,
        photo_jpeg=prepare_photo(card.photo, who) if card.photo else None,
    )


def prepare_photo(data: bytes, who: str = "?") -> bytes:
    """Crop a photo to the card's frame (3:4, centred, a little above the middle where faces
    are) and scale it to 300 dpi; bounded in bytes and pixels before decoding.

    Call it when a photo is imported and store the result: a photo that is already prepared
    (a JPEG of exactly ``PHOTO_PIXELS``) comes back unchanged, so printing hundreds of cards
    never decodes a photo.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    def refuse(detail_ja: str, detail_en: str) -> PrintInputError:
        return PrintInputError("invalid_photo", f"認定証 {who} の写真: {detail_ja}",
                               f"Photo for card {who}: {detail_en}")

    if len(data) > MAX_PHOTO_BYTES:
        raise refuse("ファイルが大きすぎます（10 MB まで）。", "the file is too large (10 MB).")
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > MAX_PHOTO_PIXELS:
                raise refuse("画素数が多すぎます（4000万画素まで）。",
                             "too many pixels (at most 40 megapixels).")
            if image.format == "JPEG" and image.size == PHOTO_PIXELS and image.mode in (
                    "RGB", "L"):
                return data  # already prepared (at photo import): print it as it is
            pixels = PHOTO_PIXELS
            image.draft("RGB", (2 * pixels[0], 2 * pixels[1]))  # JPEG: decode at 1/2..1/8
            image = ImageOps.exif_transpose(image).convert("RGB")
    except PrintInputError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise refuse("画像として読めません（壊れているか、対応していない形式です）。",
                     "not a readable image (damaged or unsupported format).") from None
    # Centre horizontally; vertically 40 % of the surplus above, 60 % below (faces sit high).
    # Bilinear: Pillow filters a downscale over the whole footprint, so it stays smooth, at a
    # third of Lanczos' cost.
    cropped = ImageOps.fit(image, pixels, method=Image.Resampling.BILINEAR, centering=(0.5, 0.4))
    buffer = io.BytesIO()
    cropped.save(buffer, format="JPEG", quality=88, optimize=True)
    return buffer.getvalue()
