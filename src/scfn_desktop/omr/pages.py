"""Single pages of scan files, for readers that spread the pages of a batch over workers.

:func:`page_count` says how many pages a file has without decoding them, and
:func:`load_page` decodes one page only: a multi-page TIFF is decoded page by page
(``imdecodemulti`` with a range), so 60 pages never sit in memory at once, and a PDF renders
only the page asked for. :func:`decode_unchanged` keeps a page as stored (colour, 16-bit),
for judging a scanner's settings. Decoding itself is shared with :mod:`.images`.
"""

from __future__ import annotations

import os
import struct

import cv2
import numpy as np

from .images import (
    PDF_RENDER_DPI,
    CorruptImageError,
    _corrupt_pdf,
    _decode_still,
    _kind,
    _pdf_pages,
    _read_raw,
    to_grey,
)


def _tiff_page_count(raw: bytes) -> int:
    """Pages of a TIFF by walking its chain of image directories (classic and BigTIFF),
    without decoding anything; a damaged chain counts the pages up to the damage."""
    order = "<" if raw[:2] == b"II" else ">"
    try:
        version = struct.unpack_from(order + "H", raw, 2)[0]
        if version == 43:  # BigTIFF: 8-byte offsets and counts, 20-byte entries
            count_fmt, next_fmt, entry = "Q", "Q", 20
            offset = struct.unpack_from(order + "Q", raw, 8)[0]
        else:
            count_fmt, next_fmt, entry = "H", "I", 12
            offset = struct.unpack_from(order + "I", raw, 4)[0]
    except struct.error:
        return 1
    count_size, next_size = struct.calcsize(count_fmt), struct.calcsize(next_fmt)
    pages, seen = 0, set()
    while offset and offset not in seen and offset + count_size <= len(raw) and pages < 100_000:
        seen.add(offset)
        entries = struct.unpack_from(order + count_fmt, raw, offset)[0]
        pages += 1
        link = offset + count_size + entries * entry
        if link + next_size > len(raw):
            break
        offset = struct.unpack_from(order + next_fmt, raw, link)[0]
    return max(pages, 1)


def page_count(path: str | os.PathLike[str]) -> int:
    """How many pages a scan file has (PDF and TIFF may have many), without decoding them.

    Lets a batch import hand every page of a multi-page file to a different worker.
    Raises the same ScanErrors as :func:`load_pages` for unreadable or foreign files.
    """
    name = os.fspath(path)
    try:
        with open(name, "rb") as fh:
            head = fh.read(16)
    except OSError:
        head = b""
    if _kind(head) in ("png", "jpeg", "bmp"):  # one page: no need to read the rest
        return 1
    raw, kind = _read_raw(name)  # raises for a file that cannot be read or is no image
    if kind == "tiff":
        return _tiff_page_count(raw)
    if kind == "pdf":
        import pypdfium2 as pdfium

        try:
            doc = pdfium.PdfDocument(raw)
        except Exception as exc:
            raise _corrupt_pdf(name, exc) from exc
        try:
            return len(doc)
        finally:
            doc.close()
    return 1


def load_page(
    path: str | os.PathLike[str],
    page: int,
    pdf_dpi: float = PDF_RENDER_DPI,
    max_px_per_mm: float | None = 9.0,
) -> np.ndarray:
    """Page ``page`` (1-based) of a scan file as a grey image, decoding only that page.

    The per-page counterpart of :func:`load_pages` for parallel readers: a multi-page TIFF
    is decoded one page at a time (``imdecodemulti`` with a range), so 60 pages never sit
    in memory at once, and a PDF renders only the page asked for.
    """
    name = os.fspath(path)
    raw, kind = _read_raw(name)
    if kind == "pdf":
        for img in _pdf_pages(raw, name, pdf_dpi, only=page - 1):
            return img
    elif kind == "tiff":
        data = np.frombuffer(raw, dtype=np.uint8)
        try:
            ok, imgs = cv2.imdecodemulti(data, cv2.IMREAD_UNCHANGED, None, (page - 1, page))
        except cv2.error:
            ok, imgs = False, ()
        if ok and imgs:
            return to_grey(imgs[0])
    elif page == 1:
        return _decode_still(raw, kind, name, max_px_per_mm)
    raise CorruptImageError(
        f"{page} ページ目を読み込めません（ファイルが壊れています）: {name}",
        f"page {page} cannot be decoded (the file is corrupt or truncated): {name}",
        name,
    )


def decode_unchanged(path: str | os.PathLike[str], page: int = 1) -> np.ndarray:
    """Page ``page`` as stored: colour stays colour, 16-bit stays 16-bit (PDF: rendered in
    colour). For judging a scanner's settings, which the grey pipeline would hide."""
    name = os.fspath(path)
    raw, kind = _read_raw(name)
    if kind == "pdf":
        import pypdfium2 as pdfium

        try:
            doc = pdfium.PdfDocument(raw)
            try:
                bitmap = doc[page - 1].render(scale=PDF_RENDER_DPI / 72.0)
                img = np.array(bitmap.to_numpy(), copy=True)
            finally:
                doc.close()
        except Exception as exc:
            raise _corrupt_pdf(name, exc) from exc
        return img[..., :3] if img.ndim == 3 else img
    data = np.frombuffer(raw, dtype=np.uint8)
    if kind == "tiff":
        ok, imgs = cv2.imdecodemulti(data, cv2.IMREAD_UNCHANGED, None, (page - 1, page))
        img = imgs[0] if ok and imgs else None
    else:
        img = cv2.imdecode(data, cv2.IMREAD_UNCHANGED)
    if img is None or img.size == 0:
        raise CorruptImageError(
            f"画像ファイルが壊れているため読み込めません: {name}",
            f"image file is corrupt or truncated: {name}",
            name,
        )
    return img
