"""PNG scans re-stored uncompressed for libpng (omr/png_stored.py): the same pixels as decoding
the file itself for every kind of PNG an encoder writes, a valid PNG for an independent
decoder, and None (decode the original, libpng's verdict) for anything unusual or hostile."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zlib

import cv2
import numpy as np
import pytest
from PIL import Image

from scfn_desktop.omr import png_stored
from scfn_desktop.omr.images import CorruptImageError
from scfn_desktop.omr.pages import load_page
from scfn_desktop.omr.png_stored import with_stored_image_data

pytestmark = pytest.mark.skipif(not png_stored.available(), reason="isal not installed")


def _decode(data: bytes | bytearray) -> np.ndarray | None:
    return cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)


def _pil(image: Image.Image, **kw) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", **kw)
    return out.getvalue()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png(width: int, height: int, stream: bytes, colour: int = 0, depth: int = 8,
         interlace: int = 0, idat_size: int = 8192, after: bytes = b"") -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, interlace)
    idats = b"".join(_chunk(b"IDAT", stream[i:i + idat_size])
                     for i in range(0, len(stream), idat_size))
    return (png_stored.SIGNATURE + _chunk(b"IHDR", ihdr) + idats + after
            + _chunk(b"IEND", b""))


def _scan_like(h: int, w: int, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    page = np.full((h, w), 235, np.uint8)
    page[h // 4:h // 2, w // 5:w // 2] = 40
    return np.clip(page + rng.normal(0, 4, page.shape), 0, 255).astype(np.uint8)


GREY = _scan_like(700, 523)
RGB = np.dstack([GREY, GREY // 2, 255 - GREY])


@pytest.mark.parametrize("name", [
    "cv2 grey", "cv2 grey level 9", "cv2 colour", "cv2 16-bit", "pillow grey adaptive",
    "pillow grey optimised", "pillow rgb", "pillow rgba", "pillow grey+alpha",
    "pillow palette", "pillow palette transparency", "pillow 1-bit", "one pixel",
    "one row", "rows across blocks", "raw size a multiple of the block",
    "one big IDAT", "1-byte IDATs", "text after the image data"])
def test_same_pixels_as_decoding_the_file(name):
    pal = Image.fromarray(GREY).convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
    pal_t = pal.copy()
    pal_t.info["transparency"] = 3
    cases = {
        "cv2 grey": lambda: cv2.imencode(".png", GREY)[1].tobytes(),
        "cv2 grey level 9": lambda: cv2.imencode(".png", GREY,
                                                 [cv2.IMWRITE_PNG_COMPRESSION, 9])[1].tobytes(),
        "cv2 colour": lambda: cv2.imencode(".png", RGB)[1].tobytes(),
        "cv2 16-bit": lambda: cv2.imencode(".png", GREY.astype(np.uint16) * 257)[1].tobytes(),
        "pillow grey adaptive": lambda: _pil(Image.fromarray(GREY)),
        "pillow grey optimised": lambda: _pil(Image.fromarray(GREY), optimize=True),
        "pillow rgb": lambda: _pil(Image.fromarray(RGB)),
        "pillow rgba": lambda: _pil(Image.fromarray(np.dstack([RGB, GREY]))),
        "pillow grey+alpha": lambda: _pil(Image.fromarray(np.dstack([GREY, 255 - GREY]), "LA")),
        "pillow palette": lambda: _pil(pal),
        "pillow palette transparency": lambda: _pil(pal_t),
        "pillow 1-bit": lambda: _pil(Image.fromarray(GREY > 128)),
        "one pixel": lambda: cv2.imencode(".png", GREY[:1, :1])[1].tobytes(),
        "one row": lambda: cv2.imencode(".png", GREY[:1])[1].tobytes(),
        "rows across blocks": lambda: cv2.imencode(".png", _scan_like(300, 997))[1].tobytes(),
        # 65535 = 255 rows of (1 + 256) bytes: the last block ends exactly at the image's end
        "raw size a multiple of the block": lambda: cv2.imencode(
            ".png", _scan_like(255, 256))[1].tobytes(),
        "one big IDAT": lambda: _png(523, 700, _filtered_stream(GREY), idat_size=1 << 30),
        "1-byte IDATs": lambda: _png(523, 8, _filtered_stream(GREY[:8]), idat_size=1),
        "text after the image data": lambda: _png(
            523, 700, _filtered_stream(GREY), after=_chunk(b"tEXt", b"Comment\x00scanner")),
    }
    data = cases[name]()
    stored = with_stored_image_data(data)
    assert stored is not None
    assert np.array_equal(_decode(stored), _decode(data))
    # An independent decoder reads the rewritten file too: it is a valid PNG.
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(bytes(stored)))),
                          np.asarray(Image.open(io.BytesIO(data))))


def _filtered_stream(grey: np.ndarray, level: int = 6) -> bytes:
    """zlib stream of rows with filter type 0 (what an encoder writes for 8-bit grey)."""
    rows = np.hstack([np.zeros((grey.shape[0], 1), np.uint8), grey])
    return zlib.compress(rows.tobytes(), level)


def test_the_page_loader_uses_it_and_reads_the_same_page(tmp_path):
    path = tmp_path / "scan.png"
    path.write_bytes(_pil(Image.fromarray(GREY)))
    assert np.array_equal(load_page(path, 1), GREY)


def test_without_isal_the_file_is_decoded_as_before(monkeypatch):
    monkeypatch.setattr(png_stored, "isal_zlib", None)
    assert with_stored_image_data(cv2.imencode(".png", GREY)[1].tobytes()) is None


@pytest.mark.parametrize("damage", [
    "idat crc", "truncated", "cut inside the stream", "stream too short", "stream too long",
    "data after the stream", "bad deflate", "bad adler", "interlaced", "chunk between idats",
    "no idat", "bad colour type", "not a png", "zero width"])
def test_anything_unusual_is_left_to_libpng(damage):
    good = _filtered_stream(GREY[:50])
    w, h = 523, 50
    cases = {
        "idat crc": lambda: _flip(_png(w, h, good), _first_idat_crc(_png(w, h, good))),
        "truncated": lambda: _png(w, h, good)[:-2000],
        "cut inside the stream": lambda: _png(w, h, good[:len(good) // 2]),
        "stream too short": lambda: _png(w, h + 1, good),
        "stream too long": lambda: _png(w, h - 1, good),
        "data after the stream": lambda: _png(w, h, good + b"junk"),
        "bad deflate": lambda: _png(w, h, good[:2] + bytes(x ^ 0x55 for x in good[2:40])
                                    + good[40:]),
        "bad adler": lambda: _png(w, h, good[:-1] + bytes([good[-1] ^ 1])),
        "interlaced": lambda: _png(w, h, good, interlace=1),
        "chunk between idats": lambda: _split_idats(_png(w, h, good, idat_size=1000)),
        "no idat": lambda: png_stored.SIGNATURE + _chunk(
            b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) + _chunk(b"IEND", b""),
        "bad colour type": lambda: _png(w, h, good, colour=5),
        "not a png": lambda: b"GIF89a" + bytes(100),
        "zero width": lambda: _png(0, h, good),
    }
    assert with_stored_image_data(cases[damage]()) is None


def test_a_damaged_file_gets_libpngs_verdict_as_before(tmp_path):
    """A PNG whose image data fails its CRC is refused as corrupt, exactly as without ISA-L."""
    data = _png(523, 50, _filtered_stream(GREY[:50]))
    path = tmp_path / "damaged.png"
    path.write_bytes(_flip(data, _first_idat_crc(data)))
    with pytest.raises(CorruptImageError):
        load_page(path, 1)


def test_a_zip_bomb_costs_nothing():
    """A 10x10 header over data inflating to 200 MB: refused after the bound, in kilobytes."""
    bomb = _png(10, 10, zlib.compress(bytes(200_000_000), 9), idat_size=1 << 20)
    tracemalloc.start()
    try:
        assert with_stored_image_data(bomb) is None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000


def test_a_file_of_more_tiny_chunks_than_the_bound_is_left_to_libpng():
    """Walking chunks is Python here, C in libpng: past MAX_CHUNKS the original is decoded."""
    stream = _filtered_stream(GREY[:300])
    data = _png(523, 300, stream, idat_size=max(1, len(stream) // (png_stored.MAX_CHUNKS + 5)))
    assert data.count(b"IDAT") > png_stored.MAX_CHUNKS
    assert with_stored_image_data(data) is None
    assert np.array_equal(_decode(data), GREY[:300])


def test_an_image_beyond_the_memory_bound_is_decoded_the_usual_way(monkeypatch):
    data = cv2.imencode(".png", GREY)[1].tobytes()
    monkeypatch.setattr(png_stored, "MAX_IMAGE_BYTES", GREY.size)  # one byte per row short
    assert with_stored_image_data(data) is None
    monkeypatch.setattr(png_stored, "MAX_IMAGE_BYTES", GREY.size + GREY.shape[0])
    assert with_stored_image_data(data) is not None


def _first_idat_crc(data: bytes) -> int:
    return data.index(b"IDAT") + 4 + struct.unpack(">I", data[data.index(b"IDAT") - 4:
                                                           data.index(b"IDAT")])[0]


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]


def _split_idats(data: bytes) -> bytes:
    second = data.index(b"IDAT", data.index(b"IDAT") + 4) - 4
    return data[:second] + _chunk(b"tEXt", b"a\x00b") + data[second:]
