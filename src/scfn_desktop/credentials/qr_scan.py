"""Find and read the QR codes in a photo, a scan or a PDF of certificate cards.

Used by the verify page ("open an image or PDF") and ``scfn verify IMAGE|PDF``.  Input comes
from strangers (a photo sent by e-mail, a PDF from a USB stick), so it is bounded before any
decoding: file size, pixel count (checked from the header, before the pixels are decoded), PDF
page count and page size; anything unreadable is refused with a message naming the file.

PDF pages are rendered at 300 dpi (a card's QR module is 4 dots there) with pypdfium2; the
detectors are OpenCV's ``QRCodeDetectorAruco`` and ``QRCodeDetector`` (several codes per page,
e.g. an A4 sheet of 10 cards), merged.  cv2 and pypdfium2 are imported
on first use, so importing the credentials engine stays cheap.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import CredentialError

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PDF_PAGES",
    "MAX_PIXELS",
    "FoundCode",
    "find_codes",
    "find_codes_in_file",
]

MAX_FILE_BYTES = 30 * 1024 * 1024
MAX_PIXELS = 60_000_000  # a 600 dpi A4 scan is 35 Mpx
MAX_PDF_PAGES = 50
PDF_DPI = 300


@dataclass(frozen=True)
class FoundCode:
    text: str
    page: int  # 1-based; 1 for an image
    centre: tuple[float, float]  # pixels in the decoded image or page rendering


def find_codes_in_file(path: str | os.PathLike[str]) -> list[FoundCode]:
    """Read ``path`` (PNG/JPEG/TIFF/BMP/WebP image or PDF) within the size bounds."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_large(path.name)
        data = path.read_bytes()
    except OSError as exc:
        raise CredentialError(
            "file_unreadable",
            f"ファイル {path.name} を読めません: {exc.strerror or exc}",
            f"Cannot read the file {path.name}: {exc.strerror or exc}",
        ) from exc
    return find_codes(data, name=path.name)


def find_codes(data: bytes, *, name: str = "input") -> list[FoundCode]:
    """Every distinct QR text in an image or a PDF, in page and reading order."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(name)
    pages = _pdf_pages(data, name) if data[:5] == b"%PDF-" else iter([(1, _image(data, name))])
    found: list[FoundCode] = []
    seen: set[str] = set()
    for page, grey in pages:
        for text, centre in _decode(grey):
            if text not in seen:
                seen.add(text)
                found.append(FoundCode(text, page, centre))
    return found


def _image(data: bytes, name: str):
    import numpy as np
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size  # from the header: nothing decoded yet
            if width * height > MAX_PIXELS:
                raise CredentialError(
                    "image_too_large",
                    f"画像 {name} が大きすぎます（{width}×{height} 画素、"
                    f"{MAX_PIXELS // 1_000_000} メガ画素まで）。",
                    f"The image {name} is too large ({width}x{height} pixels; at most "
                    f"{MAX_PIXELS // 1_000_000} megapixels).",
                )
            image.draft("L", (width, height))  # JPEG: decode straight to grey
            grey = image.convert("L")
            return np.asarray(grey, dtype=np.uint8)
    except CredentialError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise CredentialError(
            "image_unreadable",
            f"{name} は画像またはPDFとして読めません（壊れているか、対応していない形式です）。",
            f"{name} cannot be read as an image or a PDF (damaged or unsupported): {exc}",
        ) from None


def _pdf_pages(data: bytes, name: str) -> Iterator[tuple[int, object]]:
    import numpy as np
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise CredentialError(
            "pdf_unreadable",
            f"PDF {name} を開けません（壊れているか、パスワードで保護されています）。",
            f"The PDF {name} cannot be opened (damaged or password-protected): {exc}",
        ) from None
    try:
        if len(document) > MAX_PDF_PAGES:
            raise CredentialError(
                "pdf_too_long",
                f"PDF {name} のページが多すぎます（{len(document)} ページ、{MAX_PDF_PAGES} ページまで）。",
                f"The PDF {name} has too many pages ({len(document)}; at most {MAX_PDF_PAGES}).",
            )
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()  # points
            scale = PDF_DPI / 72.0
            pixels = width * height * scale * scale
            if pixels > MAX_PIXELS:  # a poster-sized page: render it smaller, not bigger
                scale *= 0.99 * (MAX_PIXELS / pixels) ** 0.5
            try:
                bitmap = page.render(scale=scale, grayscale=True)
            except pdfium.PdfiumError as exc:
                raise CredentialError(
                    "pdf_unreadable",
                    f"PDF {name} の {index + 1} ページ目を描画できません。",
                    f"Page {index + 1} of the PDF {name} cannot be rendered: {exc}",
                ) from None
            array = np.array(bitmap.to_numpy(), copy=True)
            yield index + 1, array[..., 0] if array.ndim == 3 else array
    finally:
        document.close()


def _decode(grey) -> list[tuple[str, tuple[float, float]]]:
    """QR texts and centres, top-to-bottom then left-to-right; empty texts are dropped.

    Locating is cheap and decoding a whole page is not (OpenCV's multi-decoder spends seconds
    on a page of text), so symbols are located on the page and each is decoded from a crop
    around it.  The ArUco-based detector goes first: on printed cards rendered at 300 dpi it
    reads symbols the classic one locates but cannot decode; the classic one is the fallback.
    """
    import cv2

    results: dict[str, tuple[float, float]] = {}
    detectors = (cv2.QRCodeDetectorAruco(), cv2.QRCodeDetector())
    for locator in detectors:
        try:
            ok, points = locator.detectMulti(grey)
        except cv2.error:
            continue
        for corners in points if ok and points is not None else ():
            text = _decode_crop(grey, corners, detectors)
            if text and text not in results:
                results[text] = (float(corners[:, 0].mean()), float(corners[:, 1].mean()))
        if results:
            break
    return sorted(results.items(), key=lambda item: (round(item[1][1] / 50), item[1][0]))


def _decode_crop(grey, corners, detectors) -> str:
    """Decode one located symbol from a crop with a generous quiet margin around it."""
    import cv2

    height, width = grey.shape[:2]
    left, top = corners.min(axis=0)
    right, bottom = corners.max(axis=0)
    margin = 0.25 * max(right - left, bottom - top) + 8
    x0, y0 = max(int(left - margin), 0), max(int(top - margin), 0)
    x1, y1 = min(int(right + margin) + 1, width), min(int(bottom + margin) + 1, height)
    crop = grey[y0:y1, x0:x1]
    for decoder in detectors:
        try:
            text, _points, _straight = decoder.detectAndDecode(crop)
        except cv2.error:
            continue
        if text:
            return text
    return ""


def _too_large(name: str) -> CredentialError:
    return CredentialError(
        "file_too_large",
        f"ファイル {name} が大きすぎます（{MAX_FILE_BYTES // (1024 * 1024)} MB まで）。",
        f"The file {name} is too large (at most {MAX_FILE_BYTES // (1024 * 1024)} MB).",
    )
