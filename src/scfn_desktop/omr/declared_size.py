"""What a scan file says about itself before anything is decoded: page sizes and page count.

A decoder allocates what the header declares: a PNG claiming 60000x60000 makes OpenCV raise,
one claiming 20000x20000 takes 3.7 GB on a 4 GB venue PC. So `images.load_pages` reads the
declared size from the header here (a few bytes, no decoding) and refuses an oversized page
first. For TIFF the directory chain is walked too, which tells how many pages the file claims,
so pages lost to a truncated file are reported instead of silently dropped.

Pure byte parsing (no OpenCV, no Pillow): the formats' headers are fixed and tiny.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

MAX_TIFF_PAGES = 1000


@dataclass(frozen=True)
class TiffDirectory:
    """Each page's (width, height) in file order; `truncated` when a directory or the link to
    the next one points past the end of the file (pages after the last listed are lost)."""

    pages: tuple[tuple[int, int], ...]
    truncated: bool


def png_size(raw: bytes) -> tuple[int, int] | None:
    """(width, height) from the IHDR chunk, which the format requires to come first."""
    if len(raw) < 24 or raw[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", raw[16:24])


def bmp_size(raw: bytes) -> tuple[int, int] | None:
    if len(raw) < 26:
        return None
    header_size = struct.unpack("<I", raw[14:18])[0]
    if header_size == 12:  # OS/2 BITMAPCOREHEADER: 16-bit sizes
        w, h = struct.unpack("<HH", raw[18:22])
    else:
        w, h = struct.unpack("<ii", raw[18:26])
    return abs(w), abs(h)


def jpeg_info(raw: bytes) -> tuple[int, int, int] | None:
    """(width, height, colour components) from a JPEG's SOF segment, without decoding."""
    i = 2
    while i + 9 < len(raw):
        if raw[i] != 0xFF:
            return None
        marker = raw[i + 1]
        length = int.from_bytes(raw[i + 2 : i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE):
            h = int.from_bytes(raw[i + 5 : i + 7], "big")
            w = int.from_bytes(raw[i + 7 : i + 9], "big")
            return w, h, raw[i + 9]
        i += 2 + length
    return None


_TIFF_WIDTH, _TIFF_HEIGHT = 256, 257
_TIFF_SHORT, _TIFF_LONG, _TIFF_LONG8 = 3, 4, 16


def tiff_directory(raw: bytes) -> TiffDirectory | None:
    """Walk the image file directories (classic TIFF and BigTIFF); None when the header is
    not TIFF at all. A loop in the chain or more than MAX_TIFF_PAGES ends the walk."""
    if raw[:2] == b"II":
        order = "<"
    elif raw[:2] == b"MM":
        order = ">"
    else:
        return None
    if len(raw) < 8:
        return None
    magic = struct.unpack(order + "H", raw[2:4])[0]
    big = magic == 43
    if magic not in (42, 43) or (big and len(raw) < 16):
        return None
    count_fmt, entry_size, offset_fmt = ("Q", 20, "Q") if big else ("H", 12, "I")
    offset_size = struct.calcsize(offset_fmt)
    offset = struct.unpack(order + offset_fmt, raw[8:16] if big else raw[4:8])[0]
    pages: list[tuple[int, int]] = []
    seen: set[int] = set()
    while offset and offset not in seen and len(pages) < MAX_TIFF_PAGES:
        seen.add(offset)
        count_size = struct.calcsize(count_fmt)
        if offset + count_size > len(raw):
            return TiffDirectory(tuple(pages), True)
        count = struct.unpack(order + count_fmt, raw[offset : offset + count_size])[0]
        start = offset + count_size
        end = start + count * entry_size
        if end + offset_size > len(raw):
            return TiffDirectory(tuple(pages), True)
        tags = {}
        for i in range(start, end, entry_size):
            tag, kind = struct.unpack(order + "HH", raw[i : i + 4])
            if tag in (_TIFF_WIDTH, _TIFF_HEIGHT):
                value_at = i + (12 if big else 8)
                fmt = {_TIFF_SHORT: "H", _TIFF_LONG: "I", _TIFF_LONG8: "Q"}.get(kind)
                if fmt is not None:
                    tags[tag] = struct.unpack(order + fmt,
                                              raw[value_at : value_at + struct.calcsize(fmt)])[0]
        pages.append((int(tags.get(_TIFF_WIDTH, 0)), int(tags.get(_TIFF_HEIGHT, 0))))
        offset = struct.unpack(order + offset_fmt, raw[end : end + offset_size])[0]
    return TiffDirectory(tuple(pages), False)
