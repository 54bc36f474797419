"""The scanner check: a one-page test form, and what a scan of it says about the settings.

Venues use whatever scanner they have, and the settings that ruin mark reading are common
defaults: black-and-white (1-bit) mode, "text" or background-removal modes that wash light
grey out to white (and with it a light-handed trainee's pencil), a resolution too low for
the QR code. The check form is an answer sheet of its own layout (:func:`calibration_layout`,
read by the same reader), with

* rows 1-2: bubbles printed in ten steps of darkness (``STEPS``, 5 % to 100 %),
* row 3 to fill firmly and row 4 to fill lightly, by hand, with the exam's pencils,
* the trainee-number grid pre-filled with ``CALIBRATION_NUMBER`` and its QR code.

:func:`check_scan` measures the resolution, the colour mode, the darkness of every step and
hand-filled bubble, whether the number and the QR read, and turns them into
:class:`Check` verdicts with Japanese and English text. Printers differ, so the steps are
judged relatively (light steps must keep at least half their darkness, darker steps must
read darker), not against absolute values.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .classify import MIN_LEVEL
from .images import ScanError
from .layout import Layout, build_layout
from .pages import decode_unchanged, load_page
from .read import read_sheet
from .sheet_code import SheetCodeError, parse_sheet_code

CALIBRATION_EXAM_ID = "CALIBRATION"
CALIBRATION_NUMBER = "01234567"
STEPS = (0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.40, 0.50, 0.70, 1.00)
FIRM_ROW, LIGHT_ROW = 3, 4

MIN_DPI, RECOMMENDED_DPI, SLOW_DPI = 150.0, 200.0, 600.0
LIGHT_KEEP = 0.5  # a step up to 20 % must keep at least half its printed darkness
MIN_BLACK = 0.6
FILLED = 0.06  # a hand row darker than this has been filled in
FIRM_LEVEL = 0.25

OK, WARNING, UNFIT = "ok", "warning", "unfit"


class NotCalibrationFormError(ScanError):
    error_code = "not_calibration_form"


@dataclass(frozen=True)
class Check:
    code: str
    status: str  # ok / warning / unfit
    value: str  # what was measured, language-neutral
    message_ja: str
    message_en: str


@dataclass(frozen=True)
class CalibrationReport:
    file: str
    dpi: float
    colour_mode: str  # colour / grey / black-and-white
    steps: tuple[tuple[float, float], ...]  # (printed darkness, measured darkness)
    firm: tuple[float, ...]  # row 3, filled firmly by hand
    light: tuple[float, ...]  # row 4, filled lightly by hand
    number: str  # read from the grid ("?" for an unreadable digit)
    qr_text: str | None
    checks: tuple[Check, ...]

    @property
    def fit(self) -> bool:
        return all(c.status != UNFIT for c in self.checks)

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file, "fit": self.fit, "dpi": round(self.dpi), "colour_mode":
            self.colour_mode, "steps": [[p, round(m, 3)] for p, m in self.steps],
            "firm": [round(v, 3) for v in self.firm], "light": [round(v, 3) for v in self.light],
            "number": self.number, "qr": self.qr_text,
            "checks": [{"code": c.code, "status": c.status, "value": c.value,
                        "ja": c.message_ja, "en": c.message_en} for c in self.checks],
        }


def calibration_layout() -> Layout:
    return build_layout(4, len(STEPS) // 2)


def colour_mode(image: np.ndarray) -> str:
    """colour, grey (also a colour file whose channels are equal), or black-and-white."""
    img = image if image.dtype == np.uint8 else cv2.convertScaleAbs(image, alpha=255 / 65535)
    if img.ndim == 3 and img.shape[2] >= 3:
        bgr = img[..., :3].astype(np.int16)
        spread = bgr.max(axis=2) - bgr.min(axis=2)
        if np.count_nonzero(spread > 24) >= 0.0005 * spread.size:  # e.g. the magenta rings
            return "colour"
        img = img[..., 0]
    elif img.ndim == 3:
        img = img[..., 0]
    extremes = np.count_nonzero((img <= 8) | (img >= 247))
    return "black-and-white" if extremes >= 0.995 * img.size else "grey"


def _dpi(h: np.ndarray, layout: Layout) -> float:
    """Scan resolution at the page centre, from the page-mm -> image homography."""
    cx, cy = layout.page_width_mm / 2, layout.page_height_mm / 2
    pts = np.array([[[cx, cy]], [[cx + 10, cy]], [[cx, cy + 10]]], np.float64)
    p = cv2.perspectiveTransform(pts, h).reshape(3, 2)
    px_per_mm = (np.linalg.norm(p[1] - p[0]) + np.linalg.norm(p[2] - p[0])) / 20
    return float(px_per_mm * 25.4)


def check_scan(path: str) -> CalibrationReport:
    """Read a scan of the check form and judge the scanner settings.

    Raises ScanError for a file that is not an image, NotOurFormError when no form is
    found, and NotCalibrationFormError for an answer sheet scanned instead of the check form.
    """
    layout = calibration_layout()
    mode = colour_mode(decode_unchanged(path))
    reading = read_sheet(load_page(path, 1, max_px_per_mm=None), layout)
    try:
        code = parse_sheet_code(reading.qr_text) if reading.qr_text else None
    except SheetCodeError:
        code = None
    if (code is not None and code.exam_id != CALIBRATION_EXAM_ID) or (
        "layout_mismatch" in reading.issue_codes()
    ):
        raise NotCalibrationFormError(
            "スキャナー確認用紙ではありません（解答用紙などが読み込まれました）。",
            "This is not the scanner check form (an answer sheet was scanned instead?).",
            path,
        )
    fills = [q.fills for q in reading.questions]
    steps = tuple(zip(STEPS, (*fills[0], *fills[1]), strict=True))
    firm, light = fills[FIRM_ROW - 1], fills[LIGHT_ROW - 1]
    assert reading.homography is not None
    dpi = _dpi(reading.homography, layout)
    qr_ok = code is not None and code.trainee_number == CALIBRATION_NUMBER
    number_ok = reading.number_from_grid == CALIBRATION_NUMBER and not reading.number_doubtful
    checks = (
        _resolution(dpi), _mode(mode), *_steps(steps),
        _number(reading.number_from_grid, number_ok), _qr(qr_ok), _hand(firm, light),
    )
    return CalibrationReport(path, dpi, mode, steps, firm, light, reading.number_from_grid,
                             reading.qr_text, checks)


def _resolution(dpi: float) -> Check:
    v = f"{dpi:.0f} dpi"
    if dpi < MIN_DPI:
        return Check("resolution", UNFIT, v, f"解像度が低すぎます（{v}）。200〜300 dpi にしてください。",
                     f"Resolution too low ({v}): use 200-300 dpi.")
    if dpi < RECOMMENDED_DPI:
        return Check("resolution", OK, v, f"解像度 {v}：読み取れます（200〜300 dpi を推奨）。",
                     f"Resolution {v}: readable (200-300 dpi recommended).")
    if dpi > SLOW_DPI:
        return Check("resolution", WARNING, v,
                     f"解像度 {v}：読み取れますが処理が遅くなります。300 dpi で十分です。",
                     f"Resolution {v}: readable but slow; 300 dpi is enough.")
    return Check("resolution", OK, v, f"解像度 {v}：適切です。", f"Resolution {v}: right.")


def _mode(mode: str) -> Check:
    if mode == "black-and-white":
        return Check("colour_mode", UNFIT, mode,
                     "白黒（2値）で読み込まれています。薄いマークが消えるため、グレースケールかカラーにしてください。",
                     "Scanned in black-and-white (1-bit): light marks vanish. Use grey or colour.")
    if mode == "colour":
        return Check("colour_mode", OK, mode, "カラー：適切です（赤の成分で読み取ります）。",
                     "Colour: right (the red channel is read).")
    return Check("colour_mode", OK, mode, "グレースケール：適切です。", "Grey: right.")


def _steps(steps: tuple[tuple[float, float], ...]) -> list[Check]:
    shown = " / ".join(f"{p:.0%}→{m:.0%}" for p, m in steps)
    out = []
    faded = [p for p, m in steps if p <= 0.20 and m < LIGHT_KEEP * p]
    if faded:
        out.append(Check("light_steps", UNFIT, shown,
                         f"薄い濃さ（{', '.join(f'{p:.0%}' for p in faded)}）がほとんど消えています。"
                         "「文字」モードや背景除去・裏写り防止を切り、明るさを標準に戻してください。",
                         f"Light steps ({', '.join(f'{p:.0%}' for p in faded)}) almost vanish: "
                         "turn off text mode and background removal, and reset the brightness."))
    else:
        out.append(Check("light_steps", OK, shown, "薄い濃さも読み取れています。",
                         "Light steps are kept."))
    measured = [m for _p, m in steps]
    flat = [steps[i + 1][0] for i in range(len(steps) - 1) if measured[i + 1] < measured[i] - 0.02]
    if flat or measured[-1] < MIN_BLACK:
        out.append(Check("dark_steps", UNFIT, shown,
                         "濃さの段階が正しく区別されていません（コントラストが強すぎるか、黒がつぶれています）。",
                         "The darkness steps are not told apart (contrast too high or black "
                         "clipped)."))
    else:
        out.append(Check("dark_steps", OK, shown, "濃さの段階が区別できています。",
                         "The darkness steps are told apart."))
    return out


def _number(number: str, ok: bool) -> Check:
    if ok:
        return Check("number", OK, number, f"受講番号欄を読み取れました（{number}）。",
                     f"Trainee-number grid read ({number}).")
    return Check("number", UNFIT, number or "-",
                 f"受講番号欄を正しく読み取れません（読取: {number or '-'}、正: {CALIBRATION_NUMBER}）。",
                 f"Trainee-number grid misread ({number or '-'}, expected {CALIBRATION_NUMBER}).")


def _qr(ok: bool) -> Check:
    if ok:
        return Check("qr", OK, "ok", "QR コードを読み取れました。", "QR code read.")
    return Check("qr", UNFIT, "-", "QR コードを読み取れません。解像度やピントを確認してください。",
                 "QR code not read: check the resolution and focus.")


def _hand(firm: tuple[float, ...], light: tuple[float, ...]) -> Check:
    f, li = float(np.median(firm)), float(np.median(light))
    value = f"{f:.0%} / {li:.0%}"
    if f < FILLED and li < FILLED:
        return Check("pencil", WARNING, "-",
                     "3行目と4行目が塗られていません。試験で使う鉛筆で塗ってから、もう一度確認してください。",
                     "Rows 3 and 4 are not filled in: fill them with the exam's pencils and "
                     "check again.")
    if f < FIRM_LEVEL or li < MIN_LEVEL:
        return Check("pencil", WARNING, value,
                     f"鉛筆のマークが薄く読み取られています（濃く {f:.0%}、薄く {li:.0%}）。"
                     "薄いマークは確認に回ります。HB より濃い鉛筆（B）を勧めてください。",
                     f"Pencil marks read light (firm {f:.0%}, light {li:.0%}): light marks will "
                     "go to review. Recommend B pencils rather than HB.")
    return Check("pencil", OK, value, f"鉛筆のマークを読み取れます（濃く {f:.0%}、薄く {li:.0%}）。",
                 f"Pencil marks read well (firm {f:.0%}, light {li:.0%}).")
