"""Locate and register a Japanese TrueType font for reportlab.

reportlab's built-in CID fonts are not embedded, so a PDF using them shows tofu on a PC
without Japanese fonts; we always embed a real TTF instead.  Fonts with CFF (PostScript)
outlines, such as Noto Sans CJK ``.otf``/``.ttc``, are skipped: reportlab cannot embed them.  The search order is: the
``SCFN_FONT`` environment variable, IPAex fonts (Debian ``fonts-ipaexfont``), then the
usual Windows and macOS Japanese fonts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "SCFN_FONT"
FONT_NAME = "SCFNJapanese"

_WINDOWS_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
# (path, subfont index for .ttc collections)
CANDIDATES: tuple[tuple[Path, int], ...] = (
    (Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"), 0),
    (Path("/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf"), 0),
    (Path("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"), 0),
    (Path("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"), 0),
    (Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"), 0),
    (Path("/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf"), 0),
    (_WINDOWS_FONTS / "ipaexg.ttf", 0),
    (_WINDOWS_FONTS / "meiryo.ttc", 0),
    (_WINDOWS_FONTS / "YuGothM.ttc", 0),
    (_WINDOWS_FONTS / "YuGothR.ttc", 0),
    (_WINDOWS_FONTS / "yugothic.ttf", 0),
    (_WINDOWS_FONTS / "msgothic.ttc", 0),
    (Path("/Library/Fonts/ipaexg.ttf"), 0),
    (Path("/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc"), 0),
)


class FontNotFoundError(RuntimeError):
    """No usable Japanese font; the message lists every path that was tried."""


@dataclass(frozen=True)
class RegisteredFont:
    name: str
    path: Path


_registered: RegisteredFont | None = None


def _candidates() -> list[tuple[Path, int]]:
    override = os.environ.get(ENV_VAR)
    found: list[tuple[Path, int]] = []
    if override:
        found.append((Path(override), 0))
    found.extend(CANDIDATES)
    return found


def _has_cff_outlines(path: Path, index: int = 0) -> bool:
    """True for an OpenType font with CFF outlines (sfnt tag ``OTTO``), also inside a ``.ttc``.

    reportlab embeds only TrueType (``glyf``) outlines; a CFF font either fails to load or, in
    some reportlab versions, loads and then cannot be subset, so it is skipped up front.
    """
    try:
        with path.open("rb") as stream:
            head = stream.read(12)
            if head[:4] == b"ttcf":
                stream.seek(12 + 4 * index)
                offset = int.from_bytes(stream.read(4), "big")
                stream.seek(offset)
                head = stream.read(4)
    except OSError:
        return False
    return head[:4] == b"OTTO"


def register_japanese_font() -> RegisteredFont:
    """Register (once) and return the first loadable Japanese font.

    reportlab subsets and embeds TTFonts automatically, so every PDF using the returned
    name carries its own glyphs.
    """
    global _registered
    if _registered is not None:
        return _registered
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    tried: list[str] = []
    for path, index in _candidates():
        tried.append(str(path))
        if not path.is_file():
            continue
        if _has_cff_outlines(path, index):
            tried[-1] += " (CFF/PostScript outlines: reportlab cannot embed them)"
            continue
        try:
            # one reportlab name per file, so an override never aliases another font
            name = f"{FONT_NAME}-{path.stem}"
            font = TTFont(name, str(path), subfontIndex=index)
        except Exception as exc:  # a corrupt or PostScript-outline font: try the next one
            tried[-1] += f" ({exc.__class__.__name__})"
            continue
        pdfmetrics.registerFont(font)
        _registered = RegisteredFont(name, path)
        return _registered
    raise FontNotFoundError(
        "日本語フォントが見つかりません / no Japanese TrueType font found. "
        f"Install fonts-ipaexfont or set {ENV_VAR} to a .ttf/.ttc file. Searched: "
        + ", ".join(tried)
    )
