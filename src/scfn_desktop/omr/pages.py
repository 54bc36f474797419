"""Single pages of scan files, for readers that spread the pages of a batch over workers.

:func:`page_count` says how many pages a file has without decoding them, and
:func:`load_page` decodes one page only: a multi-page TIFF is decoded page by page
(``imdecodemulti`` with a range), so 60 pages never sit in memory at once, and a PDF renders
only the page asked for. :func:`decode_unchanged` keeps a page as stored (colour, 16-bit),
for judging a scanner's settings. Decoding itself is shared with :mod:`.images`.
"""

from __future__ import annotations

import os

import cv2
import numpy as np

from .declared_size import bmp_size, jpeg_info, png_size, tiff_directory
from .images import (
    MAX_PDF_PAGES,
    PDF_RENDER_DPI,
    CorruptImageError,
    ImageTooLargeError,
    TruncatedFileError,
    _corrupt_pdf,
    _decode_still,
    _kind,
    _pdf_pages,
    _read_raw,
    check_page_size,
    to_grey,
)


def _tiff_page_count(raw: bytes) -> int:
    """Pages of a TIFF from its directory chain, without decoding anything. A chain cut short
    counts one page more than it lists, so the page lost to the cut is reported by
    :func:`load_page` ("cannot be decoded") instead of silently dropped."""
    directory = tiff_directory(raw)
    if directory is None:
        return 1
    return max(len(directory.pages) + (1 if directory.truncated else 0), 1)


def _check_tiff_page(raw: bytes, name: str, page: int) -> None:
    directory = tiff_directory(raw)
    if directory is not None and page <= len(directory.pages):
        width, height = directory.pages[page - 1]
        check_page_size(width, height, name, page)


def page_count(path: str | os.PathLike[str], label: str | None = None) -> int:
    """How many pages a scan file has (PDF and TIFF may have many), without decoding them.

    Lets a batch import hand every page of a multi-page file to a different worker.
    Raises the same ScanErrors as :func:`load_pages` for unreadable or foreign files.
    """
    name = label or os.fspath(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        head = b""
    if _kind(head) in ("png", "jpeg", "bmp"):  # one page: no need to read the rest
        return 1
    raw, kind = _read_raw(path, name)  # raises for a file that cannot be read or is no image
    if kind == "tiff":
        return _tiff_page_count(raw)
    if kind == "pdf":
        import pypdfium2 as pdfium

        try:
            doc = pdfium.PdfDocument(raw)
        except Exception as exc:
            raise _corrupt_pdf(name, exc) from exc
        try:
            count = len(doc)
        finally:
            doc.close()
        if count > MAX_PDF_PAGES:
            raise ImageTooLargeError(
                f"PDF のページが多すぎます（{count} ページ、上限 {MAX_PDF_PAGES}）: {name}",
                f"too many PDF pages ({count}, at most {MAX_PDF_PAGES}): {name}",
                name,
            )
        return count
    return 1


def load_page(
    path: str | os.PathLike[str],
    page: int,
    pdf_dpi: float = PDF_RENDER_DPI,
    max_px_per_mm: float | None = 9.0,
    label: str | None = None,
) -> np.ndarray:
    """Page ``page`` (1-based) of a scan file as a grey image, decoding only that page.

    The per-page counterpart of :func:`load_pages` for parallel readers: a multi-page TIFF
    is decoded one page at a time (``imdecodemulti`` with a range), so 60 pages never sit
    in memory at once, and a PDF renders only the page asked for. ``label`` names the file
    in messages (the scanner's file name when reading the stored copy).
    """
    name = label or os.fspath(path)
    raw, kind = _read_raw(path, name)
    if kind == "pdf":
        for img in _pdf_pages(raw, name, pdf_dpi, only=page - 1):
            return img
    elif kind == "tiff":
        _check_tiff_page(raw, name, page)
        data = np.frombuffer(raw, dtype=np.uint8)
        try:
            ok, imgs = cv2.imdecodemulti(data, cv2.IMREAD_UNCHANGED, None, (page - 1, page))
        except cv2.error:
            ok, imgs = False, ()
        if ok and imgs:
            return to_grey(imgs[0])
        if page > 1:  # the pages before it were there: the file was cut short
            raise TruncatedFileError(
                f"TIFF ファイルが途中で切れています。{page - 1}ページ目までは読み込みましたが、"
                f"{page}ページ目以降を読めません。元の画像をもう一度取り込んでください: {name}",
                f"TIFF file is truncated: read {page - 1} page(s), page {page} onwards lost; "
                f"import the original file again: {name}",
                name,
            )
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
    raw, kind = _read_raw(path, name)
    if kind == "pdf":
        import pypdfium2 as pdfium

        try:
            doc = pdfium.PdfDocument(raw)
            try:
                width_pt, height_pt = doc.get_page_size(page - 1)
                check_page_size(round(width_pt / 72 * PDF_RENDER_DPI),
                                round(height_pt / 72 * PDF_RENDER_DPI), name, page)
                bitmap = doc[page - 1].render(scale=PDF_RENDER_DPI / 72.0)
                img = np.array(bitmap.to_numpy(), copy=True)
            finally:
                doc.close()
        except ImageTooLargeError:
            raise
        except Exception as exc:
            raise _corrupt_pdf(name, exc) from exc
        return img[..., :3] if img.ndim == 3 else img
    data = np.frombuffer(raw, dtype=np.uint8)
    if kind == "tiff":
        _check_tiff_page(raw, name, page)
        ok, imgs = cv2.imdecodemulti(data, cv2.IMREAD_UNCHANGED, None, (page - 1, page))
        img = imgs[0] if ok and imgs else None
    else:
        info = jpeg_info(raw) if kind == "jpeg" else None
        size = info[:2] if info is not None else (png_size(raw) if kind == "png" else
                                                  bmp_size(raw) if kind == "bmp" else None)
        if size is not None:
            check_page_size(size[0], size[1], name, page)
        try:
            img = cv2.imdecode(data, cv2.IMREAD_UNCHANGED)
        except cv2.error:
            img = None
    if img is None or img.size == 0:
        raise CorruptImageError(
            f"画像ファイルが壊れているため読み込めません: {name}",
            f"image file is corrupt or truncated: {name}",
            name,
        )
    return img
