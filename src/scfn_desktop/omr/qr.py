"""Decoding the sheet's QR code from the known region of the page.

The homography already says where the QR code is, so the reader never searches the page:
it warps the QR region upright (a ~215 px square) and

1. **fast path** (~2 ms): finds the symbol's bounding box in that crop (the quiet zone
   around it is white by construction) and hands its four corners to
   ``QRCodeDetector.decode`` (grey, then Otsu-binarised), skipping the detector's own
   localisation, which costs ~5 ms because OpenCV first upsamples small images to 512 px;
2. **fallback**: the full ``detectAndDecode`` at 6 and 9 px/mm from the work image,
   then 12 and 16 px/mm from the full-resolution image, each on the grey and on an
   Otsu-binarised crop.  A smudged, scribbled or badly printed code still gets every
   chance before the reader reports ``qr_unreadable``.

A wrong decode is not a risk of the fast path: QR codes carry Reed-Solomon error
correction and a BCH-protected format word, so a misplaced sampling grid yields no text,
and the text is then parsed and cross-checked against the layout and the number grid.
"""

from __future__ import annotations

import cv2
import numpy as np

from . import geometry
from .layout import Layout

#: The fast path samples the QR crop at 8 px/mm (~5.7 px per module) even from a 6 px/mm
#: work image: on 138 benchmark images at 6 px/mm OpenCV's sampler missed 3 (all blurred
#: phone photos), at 7-9 px/mm none, and the difference in cost is 0.2 ms.
FAST_PX_PER_MM = 8.0
FAST_PAD_MM = 1.0  # inside the 3-module quiet zone, so nothing printed enters the crop
FALLBACK_PAD_MM = 3.0
MIN_DARK_PX = 3  # a row/column belongs to the symbol when it has this many dark pixels


def _symbol_corners(crop: np.ndarray) -> np.ndarray | None:
    """Outer corners (TL, TR, BR, BL) of the dark symbol in an upright QR crop, or None.

    Every QR symbol starts and ends with finder patterns in its first/last rows and
    columns, so the bounding box of the dark pixels is the symbol itself.
    """
    thr, binary = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    if thr <= 0:
        return None
    rows = np.flatnonzero(binary.sum(axis=1) >= MIN_DARK_PX)
    cols = np.flatnonzero(binary.sum(axis=0) >= MIN_DARK_PX)
    if rows.size < 21 or cols.size < 21:  # version 1 is 21 modules: less is not a symbol
        return None
    x0, x1 = float(cols[0]), float(cols[-1] + 1)
    y0, y1 = float(rows[0]), float(rows[-1] + 1)
    if not 0.85 < (x1 - x0) / (y1 - y0) < 1.15:  # a stray pencil line, not a square
        return None
    return np.array([[[x0, y0], [x1, y0], [x1, y1], [x0, y1]]], np.float32)


def _decode_at(detector: cv2.QRCodeDetector, crop: np.ndarray, corners: np.ndarray) -> str:
    try:
        text, _straight = detector.decode(crop, corners)
    except cv2.error:
        return ""
    return text or ""


def _detect_and_decode(detector: cv2.QRCodeDetector, img: np.ndarray) -> str:
    binary = cv2.threshold(img, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1]
    for candidate in (img, binary):
        try:
            text, _pts, _ = detector.detectAndDecode(candidate)
        except cv2.error:
            text = ""
        if text:
            return text
    return ""


def decode_sheet_qr(
    work: np.ndarray,
    h_work: np.ndarray,
    grey: np.ndarray,
    h_grey: np.ndarray,
    layout: Layout,
) -> str | None:
    """Text of the sheet's QR code, or None when no attempt could decode it.

    ``work``/``h_work`` are the downscaled page and its page-mm homography, ``grey``/
    ``h_grey`` the full-resolution page (used only by the last fallbacks).
    """
    q = layout.qr
    detector = cv2.QRCodeDetector()

    pad = FAST_PAD_MM
    crop = geometry.warp_region(
        work,
        h_work,
        q.x_mm - pad,
        q.y_mm - pad,
        q.w_mm + 2 * pad,
        q.h_mm + 2 * pad,
        FAST_PX_PER_MM,
    )
    corners = _symbol_corners(crop)
    if corners is not None:
        text = _decode_at(detector, crop, corners)
        if not text:
            binary = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1]
            text = _decode_at(detector, binary, corners)
        if text:
            return text

    pad = FALLBACK_PAD_MM
    region = (q.x_mm - pad, q.y_mm - pad, q.w_mm + 2 * pad, q.h_mm + 2 * pad)
    for src, h, ppm in (
        (work, h_work, 6.0),
        (work, h_work, 9.0),
        (grey, h_grey, 12.0),
        (grey, h_grey, 16.0),
    ):
        text = _detect_and_decode(detector, geometry.warp_region(src, h, *region, ppm))
        if text:
            return text
    return None


def find_code_anywhere(work: np.ndarray) -> str | None:
    """Search the whole (downscaled) page for a QR code.

    Used only when no code is where this exam's layout puts it: a form printed for another
    exam with other geometry (a different number of digits moves the code) has its code
    elsewhere, and without it the bubbles would be read at this layout's places as if they
    were this exam's marks. Found, the code says whose form it is.
    """
    return _detect_and_decode(cv2.QRCodeDetector(), work) or None
