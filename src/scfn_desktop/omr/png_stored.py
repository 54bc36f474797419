"""PNG scans decoded faster: the image data inflated by ISA-L, then handed to libpng stored.

Decoding a 300 dpi scan saved as PNG is most of a reader's work (~110 ms of ~140 ms a page on
the 2-core test machine), and two thirds of that is inflating its zlib stream with the zlib
1.2 that OpenCV's libpng is linked against. ISA-L (Intel's storage library, the ``isal``
package: wheels for Windows, macOS and Linux) inflates the same stream 2-3 times faster.

So :func:`with_stored_image_data` rewrites the file in memory: every chunk kept as it is,
except that the image data (the IDAT chunks) is re-written as deflate *stored* blocks, one per
chunk, with fresh checksums. libpng then decodes that as usual (unfiltering, bit depths,
palettes, transparency, its own checks), its inflate being a plain copy. Measured on the
benchmark's 4 MB grey scans: 100-110 ms → 70-80 ms a page.

Nothing is taken on trust: the original chunks' CRCs are checked, the stream must inflate to
exactly the size the header implies (the bound is set before inflating, so a "zip bomb" costs
nothing), and ISA-L checks the stream's own Adler-32. Whenever anything is unusual — isal not
installed, an interlaced image, a CRC or size that does not match, data after the stream —
the answer is None and the caller decodes the original file as before, so libpng still gives
its own verdict on every damaged file.

Memory: one buffer the size of the uncompressed image data (plus 64 KB pieces), for images up
to ``MAX_IMAGE_BYTES``; time: at most ``MAX_CHUNKS`` chunks are walked in Python. Beyond
either, the original is decoded as before.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

try:
    from isal import isal_zlib
except ImportError:  # a platform without an isal wheel: decode the usual way
    isal_zlib = None

SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Samples per pixel of each PNG colour type (grey, RGB, palette, grey+alpha, RGBA).
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
STORED_MAX = 65535  # the largest deflate stored block
INPUT_PIECE = 65536  # compressed bytes fed at a time: the decompressor's leftovers stay small
#: A stored block's framing in our output: chunk length, type and CRC (12) + block header (5).
BLOCK_OVERHEAD = 17
ZLIB_HEADER = b"\x78\x01"  # deflate, 32 KB window, no dictionary, check bits valid
#: Larger images are decoded the usual way, so the peak stays one image, not two: 64 MB holds
#: a 600 dpi A4 grey page (35 MB) or a 300 dpi colour one (26 MB).
MAX_IMAGE_BYTES = 64 << 20
#: Chunks walked in Python at most (encoders write one per 8-64 KB, or one per row: a few
#: thousand); a file of millions of tiny chunks is left to libpng, which walks them in C.
MAX_CHUNKS = 20_000


def available() -> bool:
    return isal_zlib is not None


def _chunks(raw: memoryview) -> Iterator[tuple[bytes, int, int]]:
    """(type, start, end) of each whole chunk, up to IEND or the first truncated one; after
    ``MAX_CHUNKS`` chunks, one with an empty type (give up)."""
    pos, size = len(SIGNATURE), len(raw)
    for _ in range(MAX_CHUNKS):
        if pos + 12 > size:
            return
        (length,) = struct.unpack_from(">I", raw, pos)
        end = pos + 12 + length
        if end > size:
            return
        kind = bytes(raw[pos + 4:pos + 8])
        yield kind, pos, end
        pos = end
        if kind == b"IEND":
            return
    yield b"", pos, pos  # too many chunks: the caller gives up


def _idat_spans(raw: memoryview) -> list[tuple[int, int]] | None:
    """The IDAT chunks, which must be consecutive and have intact CRCs, or None."""
    assert isal_zlib is not None
    spans: list[tuple[int, int]] = []
    finished = False
    for kind, start, end in _chunks(raw):
        if not kind:
            return None
        if kind != b"IDAT":
            finished = finished or bool(spans)
            continue
        if finished:
            return None  # image data split by another chunk: not a valid PNG
        (crc,) = struct.unpack_from(">I", raw, end - 4)
        if isal_zlib.crc32(raw[start + 4:end - 4]) != crc:
            return None
        spans.append((start, end))
    return spans or None


class _Inflater:
    """ISA-L's inflater, fed the IDAT chunks' data in bounded pieces (its leftovers stay small
    even when an encoder wrote all the image data in one chunk)."""

    def __init__(self, raw: memoryview, spans: list[tuple[int, int]]) -> None:
        assert isal_zlib is not None
        self._inflater = isal_zlib.decompressobj()
        self._pieces = (raw[off:min(off + INPUT_PIECE, end - 4)] for start, end in spans
                        for off in range(start + 8, end - 4, INPUT_PIECE))
        self._pending: bytes | memoryview = b""

    def _input(self) -> bytes | memoryview:
        if not self._pending:
            self._pending = next(self._pieces, b"")
        return self._pending

    def read_into(self, view: memoryview, start: int, stop: int) -> bool:
        """Fill ``view[start:stop]``; False when the stream ends (or the data does) first."""
        while start < stop:
            data = self._input()
            if not data or self._inflater.eof:
                return False
            got = self._inflater.decompress(data, stop - start)
            self._pending = self._inflater.unconsumed_tail
            view[start:start + len(got)] = got
            start += len(got)
        return True

    def ends_here(self) -> bool:
        """The stream ends now (its end marker and checksum), with nothing after it."""
        while not self._inflater.eof:
            data = self._input()
            if not data or self._inflater.decompress(data, 1):
                return False  # cut short, or more image data than the header says
            self._pending = self._inflater.unconsumed_tail
        return not (self._pending or self._inflater.unused_data
                    or next(self._pieces, None) is not None)


def with_stored_image_data(data: bytes) -> bytearray | None:
    """The PNG ``data`` with its image data stored uncompressed, or None (decode ``data``)."""
    if isal_zlib is None or data[:8] != SIGNATURE or data[12:16] != b"IHDR" or len(data) < 33:
        return None
    raw = memoryview(data)
    width, height, depth, colour, _method, _filter, interlace = struct.unpack_from(
        ">IIBBBBB", raw, 16)
    if interlace != 0 or colour not in CHANNELS or depth not in (1, 2, 4, 8, 16):
        return None
    expected = height * (1 + (width * CHANNELS[colour] * depth + 7) // 8)
    if expected > MAX_IMAGE_BYTES or width == 0:
        return None
    spans = _idat_spans(raw)
    if spans is None:
        return None
    first, last = spans[0][0], spans[-1][1]
    blocks = -(-expected // STORED_MAX)
    out = bytearray(first + expected + blocks * BLOCK_OVERHEAD + len(ZLIB_HEADER) + 4
                    + len(raw) - last)
    view = memoryview(out)
    view[:first] = raw[:first]
    pos = first
    stream = _Inflater(raw, spans)
    adler = 1
    try:
        for index in range(blocks):
            want = min(STORED_MAX, expected - index * STORED_MAX)
            head = ZLIB_HEADER if index == 0 else b""
            final = index == blocks - 1
            # chunk length and type, [zlib header], stored block header, data, [Adler-32], CRC
            struct.pack_into(">I4s", out, pos, len(head) + 5 + want + 4 * final, b"IDAT")
            view[pos + 8:pos + 8 + len(head)] = head
            block = pos + 8 + len(head) + 5
            struct.pack_into("<BHH", out, block - 5, int(final), want, 0xFFFF ^ want)
            if not stream.read_into(view, block, block + want):
                return None  # the stream ends before the image does
            adler = isal_zlib.adler32(view[block:block + want], adler)
            end = block + want
            if final:
                struct.pack_into(">I", out, end, adler)
                end += 4
            struct.pack_into(">I", out, end, isal_zlib.crc32(view[pos + 4:end]))
            pos = end + 4
        if not stream.ends_here():
            return None
    except isal_zlib.error:
        return None
    view[pos:] = raw[last:]
    return out
