"""Loading scanned pages (PNG, JPEG, TIFF incl. multi-page, BMP, PDF) as grey images.

Files are read as bytes and decoded in memory (``cv2.imdecode``) because ``cv2.imread``
cannot open non-ASCII paths on Windows, and proctors' folders are often named in
Japanese.  This costs nothing: for a 300 dpi A4 PNG, ``imread(path, IMREAD_GRAYSCALE)``
and ``read_bytes`` + ``imdecode`` take the same time, nearly all of it zlib inflate and PNG
unfiltering inside libpng (reading the 0.5-4 MB file is < 1 ms); the inflate is done faster
beforehand by ISA-L (``png_stored``).  The file type is decided from its magic bytes, not its
extension.

Colour scans are reduced to their *red channel*: the sheet's bubble outlines and labels
are printed in light magenta, which is almost white in red light, while graphite is
neutral grey.  This "drops out" the printing and leaves only the pencil.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from .declared_size import bmp_size, jpeg_info, png_size, tiff_directory
from .png_stored import with_stored_image_data

PDF_RENDER_DPI = 200.0
#: The largest page decoded: A4 at 600 dpi is 35 million pixels (4961 x 7016). A larger page is
#: refused from its header, before decoding, so a forged size cannot exhaust a 4 GB PC.
MAX_PAGE_PIXELS = 40_000_000
MAX_PAGE_SIDE = 12_000
MAX_PDF_PAGES = 1000
#: A JPEG whose data ends early (a header claiming a larger size than its data, or a cut file)
#: decodes with the missing blocks flat mid-grey; this share of such rows at the end of the
#: page marks it corrupt.
JPEG_FILLER_VALUE = 128
JPEG_FILLER_MIN_FRACTION = 0.25


class ScanError(Exception):
    """Base class for scan problems; carries a stable code and bilingual messages."""

    error_code = "scan_error"

    def __init__(self, message_ja: str, message_en: str, file: str | None = None) -> None:
        self.message_ja = message_ja
        self.message_en = message_en
        self.file = file
        super().__init__(f"{message_en} / {message_ja}")


class UnreadableFileError(ScanError):
    error_code = "file_unreadable"


class UnsupportedFileError(ScanError):
    error_code = "file_not_image"


class CorruptImageError(ScanError):
    error_code = "file_corrupt"


class ImageTooLargeError(ScanError):
    """The header declares a page larger than any real scan (checked before decoding)."""

    error_code = "image_too_large"


class TruncatedFileError(CorruptImageError):
    """A multi-page file whose later pages are missing; the readable pages were yielded."""

    error_code = "file_truncated"


@dataclass(frozen=True)
class Page:
    file: str
    page_number: int  # 1-based within the file
    image: np.ndarray  # uint8, 2-D grey


def to_grey(image: np.ndarray) -> np.ndarray:
    """uint8 2-D image; colour uses the red channel (drops the magenta print)."""
    img = image
    if img.dtype == np.uint16:
        img = (img >> 8).astype(np.uint8)
    elif img.dtype != np.uint8:
        img = cv2.normalize(img, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
    if img.ndim == 3:
        if img.shape[2] == 4:  # BGRA: composite on white so transparent areas read as paper
            alpha = img[..., 3:4].astype(np.float32) / 255.0
            img = (img[..., :3] * alpha + 255 * (1 - alpha)).astype(np.uint8)
        if img.shape[2] >= 3:
            img = np.ascontiguousarray(img[..., 2])
        else:
            img = np.ascontiguousarray(img[..., 0])
    return img


def _kind(head: bytes) -> str | None:
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head.startswith(b"BM"):
        return "bmp"
    return None


def _jpeg_reduction(info: tuple[int, int, int] | None, max_px_per_mm: float | None) -> int:
    """1, 2 or 4: libjpeg can decode at 1/2 or 1/4 size in the DCT domain, 2-3x faster.

    The reader works at <= 9 px/mm anyway, so a 300 dpi (11.8 px/mm) JPEG decoded at half
    size gives identical results in a fraction of the time.
    """
    if info is None or max_px_per_mm is None:
        return 1
    px_per_mm = max(info[:2]) / 297.0
    factor = 1
    while (
        factor < 4
        and px_per_mm / (factor * 2) >= max_px_per_mm / 2
        and (px_per_mm / factor > max_px_per_mm)
    ):
        factor *= 2
    return factor


_DECODE_FLAGS = {
    (1, False): cv2.IMREAD_UNCHANGED,
    (1, True): cv2.IMREAD_UNCHANGED,
    (2, False): cv2.IMREAD_REDUCED_GRAYSCALE_2,
    (4, False): cv2.IMREAD_REDUCED_GRAYSCALE_4,
    # A colour JPEG must stay colour so that to_grey can keep the red channel (magenta
    # drop-out); libjpeg's own grey conversion would keep the print in the luminance.
    (2, True): cv2.IMREAD_REDUCED_COLOR_2,
    (4, True): cv2.IMREAD_REDUCED_COLOR_4,
}


def _decode_single(
    data: np.ndarray, name: str, reduction: int = 1, colour: bool = False
) -> np.ndarray:
    try:
        img = cv2.imdecode(data, _DECODE_FLAGS[reduction, colour])
    except cv2.error:
        img = None
    if img is None or img.size == 0:
        raise _corrupt(name)
    return to_grey(img)


def _corrupt(name: str, kind: str = "") -> CorruptImageError:
    label = f"{kind} " if kind else ""
    return CorruptImageError(f"{label}画像ファイルが壊れているため読み込めません: {name}",
                             f"{label}image file is corrupt or truncated: {name}", name)


def check_page_size(width: int, height: int, name: str, page: int = 1) -> None:
    """Refuse a page whose declared size no scanner produces, before it is decoded."""
    if width <= 0 or height <= 0:
        raise _corrupt(name)
    if width * height > MAX_PAGE_PIXELS or max(width, height) > MAX_PAGE_SIDE:
        where_ja = f"{page}ページ目の" if page > 1 else ""
        where_en = f" (page {page})" if page > 1 else ""
        raise ImageTooLargeError(
            f"{where_ja}画像が大きすぎます（{width}×{height} ピクセル。A4 を 600 dpi 以下で"
            f"スキャンしてください）: {name}",
            f"image too large{where_en}: {width} x {height} pixels (scan A4 at 600 dpi or "
            f"less): {name}",
            name,
        )


def ends_in_decoder_filler(image: np.ndarray) -> bool:
    """True when at least JPEG_FILLER_MIN_FRACTION of the page's last rows are exactly
    mid-grey (128) while the page is not that grey everywhere.

    That is libjpeg's mark of missing data: once the compressed data runs out (a header
    claiming a larger size than the data holds, or a file cut short), every further block is
    decoded from zero coefficients, i.e. flat 128 in every channel. Scanned paper is never
    exactly flat, and never mid-grey.
    """
    if not (image[-1] == JPEG_FILLER_VALUE).all():
        return False
    axes = tuple(range(1, image.ndim))
    filler_rows = (image == JPEG_FILLER_VALUE).all(axis=axes)
    if filler_rows.all():
        return False  # a uniform grey picture is not a cut one
    trailing = int(np.argmin(filler_rows[::-1]))
    return trailing >= JPEG_FILLER_MIN_FRACTION * image.shape[0]


def _tiff_pages(data: np.ndarray, raw: bytes, name: str) -> Iterator[np.ndarray]:
    """Decode one page at a time (memory stays one page) and report pages the directory
    claims but the file cannot give: a truncated batch never loses pages without a word."""
    directory = tiff_directory(raw)
    declared = directory.pages if directory is not None else ()
    for page, (width, height) in enumerate(declared, start=1):
        check_page_size(width, height, name, page)
    decoded = 0
    for index in range(max(len(declared), 1)):
        try:
            ok, imgs = cv2.imdecodemulti(data, cv2.IMREAD_UNCHANGED, None, (index, index + 1))
        except cv2.error:
            ok, imgs = False, None
        if not ok or not imgs:
            break
        decoded += 1
        yield to_grey(imgs[0])
    if decoded == 0:
        raise _corrupt(name, "TIFF")
    truncated = directory is not None and directory.truncated
    if decoded < len(declared) or truncated:
        total = len(declared)
        lost_ja = (f"{decoded + 1}ページ目以降" if truncated or total == decoded
                   else f"{decoded + 1}〜{total}ページ目")
        lost_en = (f"page {decoded + 1} onwards" if truncated or total == decoded
                   else f"pages {decoded + 1}-{total}")
        raise TruncatedFileError(
            f"TIFF ファイルが途中で切れています。{decoded}ページ目までは読み込みましたが、"
            f"{lost_ja}を読めません。元の画像をもう一度取り込んでください: {name}",
            f"TIFF file is truncated: read {decoded} page(s), {lost_en} lost; import the "
            f"original file again: {name}",
            name,
        )


def _corrupt_pdf(name: str, exc: Exception) -> CorruptImageError:
    return CorruptImageError(
        f"PDF ファイルが壊れているため読み込めません: {name}",
        f"PDF file is corrupt or encrypted: {name} ({exc})",
        name,
    )


def _pdf_pages(
    raw: bytes, name: str, dpi: float, only: int | None = None
) -> Iterator[np.ndarray]:
    """Every page of a PDF, or only page index ``only`` (0-based) for a per-page reader."""
    import pypdfium2 as pdfium  # the one non-OpenCV dependency, only for PDF input

    try:
        doc = pdfium.PdfDocument(raw)
    except Exception as exc:
        raise _corrupt_pdf(name, exc) from exc
    try:
        if len(doc) > MAX_PDF_PAGES:
            raise ImageTooLargeError(
                f"PDF のページが多すぎます（{len(doc)} ページ、上限 {MAX_PDF_PAGES}）: {name}",
                f"too many PDF pages ({len(doc)}, at most {MAX_PDF_PAGES}): {name}",
                name,
            )
        indices = range(len(doc)) if only is None else [only] if 0 <= only < len(doc) else []
        for i in indices:
            width_pt, height_pt = doc.get_page_size(i)
            check_page_size(round(width_pt / 72 * dpi), round(height_pt / 72 * dpi), name, i + 1)
            page = doc[i]
            bitmap = page.render(scale=dpi / 72.0, grayscale=True)
            arr = bitmap.to_numpy()
            yield np.ascontiguousarray(arr if arr.ndim == 2 else arr[..., 0])
            page.close()
    finally:
        doc.close()


def load_pages(
    path: str | os.PathLike[str],
    pdf_dpi: float = PDF_RENDER_DPI,
    max_px_per_mm: float | None = 9.0,
    label: str | None = None,
) -> Iterator[Page]:
    """Yield every page of a scan file as a grey image, lazily (one PDF page at a time).

    Large JPEGs are decoded at 1/2 or 1/4 size when that still leaves at least
    ``max_px_per_mm / 2`` (the reader never uses more than ~9 px/mm); pass None to always
    decode at full size. ``label`` names the file in messages (default: the path), e.g. the
    scanner's file name when reading the stored copy.
    """
    name = label or os.fspath(path)
    raw, kind = _read_raw(path, name)
    if kind == "pdf":
        for i, img in enumerate(_pdf_pages(raw, name, pdf_dpi)):
            yield Page(name, i + 1, img)
        return
    if kind == "tiff":
        data = np.frombuffer(raw, dtype=np.uint8)
        for i, img in enumerate(_tiff_pages(data, raw, name)):
            yield Page(name, i + 1, img)
        return
    yield Page(name, 1, _decode_still(raw, kind, name, max_px_per_mm))


def _read_raw(path: str | os.PathLike[str], name: str) -> tuple[bytes, str]:
    """The file's bytes and its kind from the magic bytes; refuses what is no scan."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableFileError(
            f"ファイルを開けません: {name}（{exc.strerror}）",
            f"cannot open file: {name} ({exc.strerror})",
            name,
        ) from exc
    kind = _kind(raw[:16])
    if kind is None:
        raise UnsupportedFileError(
            f"画像ファイル（PNG・JPEG・TIFF・PDF）ではありません: {name}",
            f"not an image file (PNG, JPEG, TIFF or PDF expected): {name}",
            name,
        )
    return raw, kind


def _decode_still(raw: bytes, kind: str, name: str, max_px_per_mm: float | None) -> np.ndarray:
    """A single-image file (PNG, JPEG, BMP): its declared size checked before decoding, large
    JPEGs decoded reduced, a JPEG whose data ends early refused as corrupt."""
    info = jpeg_info(raw) if kind == "jpeg" else None
    size = info[:2] if info is not None else (png_size(raw) if kind == "png" else
                                              bmp_size(raw) if kind == "bmp" else None)
    if size is None:
        raise _corrupt(name)
    check_page_size(size[0], size[1], name)
    colour = info is not None and info[2] >= 3
    stored = with_stored_image_data(raw) if kind == "png" else None  # same pixels, faster
    data = np.frombuffer(raw if stored is None else stored, dtype=np.uint8)
    image = _decode_single(data, name, _jpeg_reduction(info, max_px_per_mm), colour)
    if kind == "jpeg" and ends_in_decoder_filler(image):
        raise CorruptImageError(
            f"JPEG ファイルが壊れています（データが途中で終わっています。画像の大きさが"
            f"書き換えられているか、ファイルが切れています）: {name}",
            f"JPEG file is corrupt: its data ends early (the declared image size was altered "
            f"or the file is truncated): {name}",
            name,
        )
    return image
