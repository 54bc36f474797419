"""QR symbols for tokens: the module matrix, its printed size, and a PNG for the screen.

Tokens are Crockford base32, so the symbol is forced into *alphanumeric* mode (5.5 bits a
character instead of 8): that is what keeps a 140-character card token at version 8.  The
printing layer draws the matrix itself with reportlab (vector squares, exact dots), so this
module returns plain booleans and leaves drawing to the caller; ``qr_png`` is only for the
screen.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import qrcode
from PIL import Image
from qrcode.exceptions import DataOverflowError
from qrcode.util import MODE_ALPHA_NUM, QRData

from .errors import CredentialError
from .qr_mask import make_with_best_mask

__all__ = ["QUIET_ZONE_MODULES", "ModulePlan", "qr_matrix", "qr_module_plan", "qr_png", "qr_version"]

QUIET_ZONE_MODULES = 4  # ISO/IEC 18004: four light modules on every side
_LEVELS = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}
_ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
MM_PER_INCH = 25.4


@dataclass(frozen=True)
class ModulePlan:
    """How to print one symbol: whole printer dots per module, so every module is the same
    size on paper (a fractional module makes the printer round some modules up and some down,
    which scanners read worse)."""

    dpi: int
    dots_per_module: int
    module_mm: float
    symbol_mm: float  # the symbol without its quiet zone
    quiet_zone_mm: float  # to keep free on each side


def qr_matrix(
    text: str, *, error_correction: str = "Q", max_version: int = 9
) -> list[list[bool]]:
    """The smallest symbol for ``text`` in alphanumeric mode, as rows of booleans (True =
    dark), without the quiet zone.  Raises ``CredentialError`` when the text is not
    alphanumeric or needs a version above ``max_version``."""
    if error_correction not in _LEVELS:
        raise ValueError(f"error correction must be one of {sorted(_LEVELS)}")
    if not set(text) <= _ALPHANUMERIC:
        raise CredentialError(
            "qr_not_alphanumeric",
            "QRコードの英数字モードで表せない文字が含まれています。",
            "The text holds characters that QR alphanumeric mode cannot encode.",
        )
    code = qrcode.QRCode(version=None, error_correction=_LEVELS[error_correction], border=0)
    code.add_data(QRData(text.encode("ascii"), mode=MODE_ALPHA_NUM))
    try:
        version = code.best_fit()
    except (DataOverflowError, ValueError):  # qrcode 8 reports "beyond 40" as either
        version = 41
    if version > max_version:
        raise CredentialError(
            "qr_too_large",
            f"データが大きすぎて、QRコードの版 {max_version}（誤り訂正 {error_correction}）に"
            "収まりません。",
            f"The data does not fit a version {max_version} QR code at error correction "
            f"{error_correction}.",
        )
    return make_with_best_mask(code)  # what code.make() does, with a faster mask search


def qr_version(matrix: list[list[bool]]) -> int:
    """The QR version of a matrix from ``qr_matrix`` (version v is 17 + 4v modules wide)."""
    return (len(matrix) - 17) // 4


def qr_module_plan(
    modules: int, *, target_mm: tuple[float, float] = (15.0, 20.0), dpi: int = 300
) -> ModulePlan:
    """Pick the largest whole number of printer dots per module that keeps a symbol of
    ``modules`` modules a side (quiet zone excluded) within ``target_mm``; larger modules scan
    more reliably, so the largest that fits wins.  Raises ``CredentialError`` when no whole
    number of dots lands in the range."""
    low, high = target_mm
    if modules <= 0 or dpi <= 0 or not 0 < low <= high:
        raise ValueError("modules, dpi and the target size must be positive")
    dot_mm = MM_PER_INCH / dpi
    dots = int(high / (modules * dot_mm) + 1e-9)
    if dots < 1 or dots * modules * dot_mm < low - 1e-9:
        raise CredentialError(
            "qr_size_unreachable",
            f"{dpi} dpi では {modules} モジュールのQRコードを {low:g}〜{high:g} mm に"
            "印刷できません。",
            f"A {modules}-module QR code cannot be printed at {low:g}-{high:g} mm at {dpi} dpi.",
        )
    module_mm = dots * dot_mm
    return ModulePlan(
        dpi=dpi,
        dots_per_module=dots,
        module_mm=module_mm,
        symbol_mm=modules * module_mm,
        quiet_zone_mm=QUIET_ZONE_MODULES * module_mm,
    )


def qr_png(matrix: list[list[bool]], *, module_px: int = 8) -> bytes:
    """A black-on-white PNG of ``matrix`` with its quiet zone, ``module_px`` pixels a module
    (whole pixels, so the screen shows the symbol as crisply as the printer does)."""
    if module_px < 1:
        raise ValueError("module_px must be at least 1")
    side = len(matrix) + 2 * QUIET_ZONE_MODULES
    image = Image.new("1", (side, side), 1)
    pixels = image.load()
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                pixels[x + QUIET_ZONE_MODULES, y + QUIET_ZONE_MODULES] = 0
    image = image.resize((side * module_px, side * module_px), Image.Resampling.NEAREST)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
