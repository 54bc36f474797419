"""Finding QR codes in images and PDFs: real decoding, and hostile files refused by name."""

from __future__ import annotations

import io
from datetime import date

import cv2
import numpy as np
import pytest
from PIL import Image
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from scfn_desktop.credentials import (
    CardClaims,
    CertificateNumber,
    CredentialError,
    find_codes,
    find_codes_in_file,
    holder_check,
    issue_card,
    qr_matrix,
    qr_png,
    qr_scan,
)


@pytest.fixture(scope="module")
def tokens(issuer_key) -> list[str]:
    return [
        issue_card(issuer_key, CardClaims(CertificateNumber(2025, n), 1, date(2026, 3, 1),
                                          date(2031, 3, 31), holder_check("SATO Hanako")))
        for n in (1, 2)
    ]


def _png(token: str, module_px: int = 6) -> bytes:
    return qr_png(qr_matrix(token), module_px=module_px)


def test_a_photo_like_image_is_read(tokens):
    grey = np.array(Image.open(io.BytesIO(_png(tokens[0]))).convert("L"))
    canvas = np.full((900, 1200), 235, np.uint8)
    h, w = grey.shape
    source = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    target = np.float32([[300, 120], [760, 170], [720, 640], [260, 600]])  # tilted and skewed
    warped = cv2.warpPerspective(grey, cv2.getPerspectiveTransform(source, target), (1200, 900),
                                 dst=canvas, borderMode=cv2.BORDER_TRANSPARENT)
    ok, jpeg = cv2.imencode(".jpg", warped, [cv2.IMWRITE_JPEG_QUALITY, 85])
    assert ok
    found = find_codes(jpeg.tobytes(), name="photo.jpg")
    assert [code.text for code in found] == [tokens[0]]
    assert found[0].page == 1


def test_every_code_on_every_pdf_page_is_found(tokens, tmp_path):
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(90 * mm, 90 * mm))
    for token in tokens:  # one code per page, drawn as an image at 300 dpi-ish
        image = Image.open(io.BytesIO(_png(token, module_px=4)))
        canvas.drawImage(ImageReader(image), 40 * mm, 50 * mm, 20 * mm, 20 * mm)
        canvas.showPage()
    canvas.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    found = find_codes_in_file(path)
    assert [(code.text, code.page) for code in found] == [(tokens[0], 1), (tokens[1], 2)]


def test_an_image_without_a_code_finds_nothing():
    blank = io.BytesIO()
    Image.new("L", (400, 300), 255).save(blank, "PNG")
    assert find_codes(blank.getvalue()) == []


def _refusal(data: bytes, name: str = "evil.png") -> CredentialError:
    with pytest.raises(CredentialError) as info:
        find_codes(data, name=name)
    assert name in info.value.reason_ja and name in info.value.reason_en
    return info.value


def test_corrupt_files_are_refused_by_name(tokens):
    assert _refusal(b"\x89PNG\r\n\x1a\n" + b"\0" * 100).code == "image_unreadable"
    assert _refusal(_png(tokens[0])[:200]).code == "image_unreadable"  # truncated
    assert _refusal(b"%PDF-1.4\n garbage", "broken.pdf").code == "pdf_unreadable"
    assert _refusal(b"plain text, no image", "notes.txt").code == "image_unreadable"


def test_a_pixel_bomb_is_refused_before_decoding():
    bomb = io.BytesIO()
    Image.new("1", (9000, 9000), 1).save(bomb, "PNG")  # 81 Mpx in a few kB
    assert len(bomb.getvalue()) < 200_000
    assert _refusal(bomb.getvalue(), "bomb.png").code == "image_too_large"


def test_size_and_page_limits(tokens, tmp_path, monkeypatch):
    monkeypatch.setattr(qr_scan, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "huge.png"
    big.write_bytes(b"\0" * 2000)
    with pytest.raises(CredentialError) as info:
        find_codes_in_file(big)
    assert info.value.code == "file_too_large" and "huge.png" in info.value.reason_en
    monkeypatch.setattr(qr_scan, "MAX_FILE_BYTES", 30 * 1024 * 1024)
    monkeypatch.setattr(qr_scan, "MAX_PDF_PAGES", 1)
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.showPage()
    canvas.showPage()
    canvas.save()
    assert _refusal(buffer.getvalue(), "long.pdf").code == "pdf_too_long"
    with pytest.raises(CredentialError) as missing:
        find_codes_in_file(tmp_path / "absent.png")
    assert missing.value.code == "file_unreadable"


def test_a_poster_sized_pdf_page_is_rendered_within_the_pixel_bound(tokens, monkeypatch):
    buffer = io.BytesIO()
    monkeypatch.setattr(qr_scan, "MAX_PIXELS", 12_000_000)  # keeps the test fast
    canvas = Canvas(buffer, pagesize=(1189 * mm, 841 * mm))  # A0 landscape: 130 Mpx at 300 dpi
    image = Image.open(io.BytesIO(_png(tokens[1], module_px=8)))
    canvas.drawImage(ImageReader(image), 100 * mm, 100 * mm, 150 * mm, 150 * mm)
    canvas.showPage()
    canvas.save()
    shapes: list[tuple[int, ...]] = []
    original = qr_scan._decode
    monkeypatch.setattr(qr_scan, "_decode", lambda grey: shapes.append(grey.shape) or
                        original(grey))
    assert [code.text for code in find_codes(buffer.getvalue(), name="a0.pdf")] == [tokens[1]]
    assert shapes[0][0] * shapes[0][1] <= qr_scan.MAX_PIXELS
