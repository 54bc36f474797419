"""QR symbols: independent decoders read back exactly the token, within the size budget."""

from __future__ import annotations

import io
from datetime import date

import cv2
import numpy as np
import pytest
from PIL import Image
from pyzbar import pyzbar

from scfn_desktop.credentials import (
    BadgeClaims,
    CardClaims,
    CertificateNumber,
    CredentialError,
    holder_check,
    issue_badge,
    issue_card,
    qr_matrix,
    qr_module_plan,
    qr_png,
    qr_version,
)

CARD = CardClaims(CertificateNumber(2025, 12345), 2, date(2026, 3, 1), date(2031, 3, 31),
                  holder_check("NGUYEN VAN An"))
BADGE = BadgeClaims(2025, 1, "00012345", 1)


@pytest.fixture(scope="module")
def tokens(issuer_key) -> dict[str, str]:
    return {"badge": issue_badge(issuer_key, BADGE), "card": issue_card(issuer_key, CARD)}


@pytest.mark.parametrize("kind", ["badge", "card"])
def test_independent_decoders_read_the_token(tokens, kind):
    text = tokens[kind]
    matrix = qr_matrix(text)
    assert qr_version(matrix) == 8  # 49 x 49 modules at error correction Q
    image = Image.open(io.BytesIO(qr_png(matrix, module_px=4)))
    zbar = pyzbar.decode(image, symbols=[pyzbar.ZBarSymbol.QRCODE])
    assert [symbol.data.decode("ascii") for symbol in zbar] == [text]
    grey = np.array(image.convert("L"))
    decoded, _points, _straight = cv2.QRCodeDetector().detectAndDecode(grey)
    assert decoded == text


def test_card_fits_version_9_at_q_with_room_to_spare(tokens):
    assert len(tokens["card"]) == 140
    assert qr_version(qr_matrix(tokens["card"], max_version=9)) <= 9
    assert qr_version(qr_matrix(tokens["card"], error_correction="H")) == 9


def test_alphanumeric_mode_is_forced():
    # Byte mode would need version 10 at Q for 140 characters; alphanumeric needs 8.
    assert qr_version(qr_matrix("Z" * 140)) == 8


def test_too_large_or_foreign_text_is_refused():
    with pytest.raises(CredentialError) as info:
        qr_matrix("A" * 190)
    assert info.value.code == "qr_too_large"
    with pytest.raises(CredentialError) as info:
        qr_matrix("A" * 5000, max_version=40)
    assert info.value.code == "qr_too_large"
    with pytest.raises(CredentialError) as info:
        qr_matrix("lower case")
    assert info.value.code == "qr_not_alphanumeric"


@pytest.mark.parametrize("dpi", [300, 600])
@pytest.mark.parametrize("version", [7, 8, 9])
def test_module_plan_gives_whole_dots_within_15_to_20_mm(dpi, version):
    modules = 17 + 4 * version
    plan = qr_module_plan(modules, dpi=dpi)
    assert isinstance(plan.dots_per_module, int) and plan.dots_per_module >= 3
    assert plan.module_mm == pytest.approx(plan.dots_per_module * 25.4 / dpi)
    assert 15 <= plan.symbol_mm <= 20
    assert plan.quiet_zone_mm == pytest.approx(4 * plan.module_mm)
    # The largest whole number of dots that fits: one more would exceed 20 mm.
    assert (plan.dots_per_module + 1) * modules * 25.4 / dpi > 20


def test_module_plan_reports_the_impossible():
    with pytest.raises(CredentialError) as info:
        qr_module_plan(49, target_mm=(15, 15.5), dpi=300)
    assert info.value.code == "qr_size_unreachable"
