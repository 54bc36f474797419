"""Realistic synthetic filled scans with ground truth, for tests, the benchmark and demos.

Layering: this module depends on numpy/cv2 only.  It starts from an already rasterised
*printed* form (a grey image of the page at a known dpi, e.g. from
``printing.answer_sheets.rasterize_pdf``), so ``omr`` never imports ``printing``; the
benchmark and the tests do the composition.

Steps: :func:`plan_marks` decides what a trainee does on each question (including the
sloppy cases people produce), :func:`draw_marks` draws them as textured graphite, and
:func:`degrade` simulates the scanner or phone camera.  Everything is deterministic for
a given ``numpy.random.Generator`` seed.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .layout import Bubble, Layout
from .synthetic_paper import distort_paper

MM_PER_INCH = 25.4

# style -> (counts as an answer for a careful human, inherently ambiguous)
STYLE_TRUTH: dict[str, tuple[bool, bool]] = {
    "solid": (True, False),
    "light": (True, False),
    "partial": (True, False),
    "offcentre": (True, False),
    "tick": (True, True),
    "cross": (True, True),
    "erased": (False, False),
    "half_erased": (False, True),
    "dot": (False, False),
    "faint": (True, True),
}


@dataclass(frozen=True)
class Mark:
    question: int  # 1-based; 0 for the trainee-number grid
    choice: int  # 0-based choice index (digit for the number grid)
    style: str
    digit_position: int = -1


@dataclass(frozen=True)
class QuestionTruth:
    number: int
    answer: tuple[str, ...]  # what a careful human reads as marked
    ambiguous: bool  # a human would also hesitate: flagging is the right outcome


@dataclass(frozen=True)
class Condition:
    """Capture conditions: a flatbed scan or a phone photo."""

    name: str
    dpi: float = 300.0
    rotation_deg: float = 0.0  # max |rotation|, drawn uniformly
    upside_down: bool = False
    perspective: float = 0.0  # max corner displacement as a fraction of the page size
    blur_sigma_px: float = 0.0
    noise_sigma: float = 0.0
    jpeg_quality: int | None = None
    shading: float = 0.0  # depth of uneven light (0 = none, 0.4 = strong shadow)
    photo_border: bool = False  # page lies on a darker table, not edge to edge
    #: The printer: content scaled about the page centre (a driver's "fit to printable
    #: area"), and a paper feed whose speed drifts (vertical scale 1 + f at the top to
    #: 1 - f at the bottom).  See synthetic_paper.py.
    print_scale: float = 1.0
    feed_stretch: float = 0.0
    #: Paper curl: the middle of the sheet lifted this many mm (the long edges flat),
    #: photographed from ~40 cm above.
    curl_mm: float = 0.0


CLEAN_300 = Condition("clean 300 dpi scan", dpi=300)


def _mm_to_px(v: float, dpi: float) -> float:
    return v * dpi / MM_PER_INCH


def plan_marks(
    layout: Layout, rng: np.random.Generator, realistic: bool = True
) -> tuple[list[Mark], list[QuestionTruth]]:
    """Decide every question's marks; ``realistic=False`` gives only clean solid marks.

    Realistic mix per question (rounded): 87 % one firm mark, 3 % light pencil,
    2.5 % partial fill, 2.5 % off-centre, 2 % changed answer (clean erasure + new mark),
    1 % stray dot next to the answer, 1 % left blank, 0.5 % tick/cross (ambiguous),
    0.5 % half-erased second mark (ambiguous).
    """
    marks: list[Mark] = []
    truths: list[QuestionTruth] = []
    labels = [b.label for b in layout.questions[0].choices]
    n = layout.num_choices
    for q in layout.questions:
        choice = int(rng.integers(n))
        other = int((choice + 1 + rng.integers(n - 1)) % n)
        kind = "solid"
        if realistic:
            u = rng.random()
            table = (
                (0.030, "light"),
                (0.055, "partial"),
                (0.080, "offcentre"),
                (0.100, "changed"),
                (0.110, "dot"),
                (0.120, "blank"),
                (0.125, "tick_or_cross"),
                (0.130, "half_erased"),
            )
            kind = next((k for limit, k in table if u < limit), "solid")
        answer: tuple[str, ...] = (labels[choice],)
        ambiguous = False
        if kind == "blank":
            answer = ()
        elif kind == "changed":
            marks.append(Mark(q.number, other, "erased"))
            marks.append(Mark(q.number, choice, "solid"))
        elif kind == "dot":
            marks.append(Mark(q.number, other, "dot"))
            marks.append(Mark(q.number, choice, "solid"))
        elif kind == "tick_or_cross":
            marks.append(Mark(q.number, choice, "tick" if rng.random() < 0.5 else "cross"))
            ambiguous = True
        elif kind == "half_erased":
            marks.append(Mark(q.number, other, "half_erased"))
            marks.append(Mark(q.number, choice, "solid"))
            ambiguous = True
        else:
            marks.append(Mark(q.number, choice, kind))
        truths.append(QuestionTruth(q.number, answer, ambiguous))
    return marks, truths


def number_marks(layout: Layout, number: str) -> list[Mark]:
    """Pencil marks filling a trainee number into the grid (for blank spare forms)."""
    return [Mark(0, int(d), "solid", digit_position=i) for i, d in enumerate(number) if d.isdigit()]


def _graphite_texture(shape: tuple[int, int], rng: np.random.Generator, px: float) -> np.ndarray:
    """Grainy, slightly streaky multiplier in [0.55, 1.1] like pencil on copy paper."""
    noise = rng.random(shape, dtype=np.float32)
    k = max(1, int(px * 0.15)) | 1
    streak = cv2.GaussianBlur(noise, (k * 3, k), 0)
    grain = 0.75 + 0.6 * (streak - 0.5) + 0.25 * (noise - 0.5)
    return np.clip(grain, 0.55, 1.1)


def _mark_mask(style: str, r_px: float, rng: np.random.Generator) -> tuple[np.ndarray, float]:
    """Anti-aliased mask (size ~3r) and darkness for one mark, centred in the patch."""
    size = int(np.ceil(r_px * 3.2)) | 1
    c = size // 2
    scale = 4  # draw at 4x and shrink: smooth edges
    big = np.zeros((size * scale, size * scale), np.uint8)
    cs = c * scale + scale // 2
    rs = r_px * scale

    def ellipse(dx: float, dy: float, rx: float, ry: float, angle: float = 0.0) -> None:
        cv2.ellipse(
            big,
            (int(cs + dx * scale), int(cs + dy * scale)),
            (max(1, int(rx)), max(1, int(ry))),
            angle,
            0,
            360,
            255,
            -1,
            cv2.LINE_AA,
        )

    darkness = float(rng.uniform(0.62, 0.80))
    jitter = rng.normal(0, 0.06 * r_px, 2)
    if style in ("solid", "erased", "half_erased", "light", "faint"):
        grow = rng.uniform(0.95, 1.12)
        ellipse(
            jitter[0], jitter[1], rs * grow, rs * grow * rng.uniform(0.9, 1.05), rng.uniform(0, 180)
        )
        if style == "light":
            darkness = float(rng.uniform(0.40, 0.50))
        elif style == "faint":
            darkness = float(rng.uniform(0.20, 0.28))
        elif style == "erased":
            darkness = float(rng.uniform(0.03, 0.07))
        elif style == "half_erased":
            darkness = float(rng.uniform(0.22, 0.32))
    elif style == "partial":
        # a hurried fill: covers most of the bubble but not all
        ellipse(jitter[0] + 0.15 * r_px, jitter[1], rs * 0.85, rs * 0.85)
    elif style == "offcentre":
        off = rng.uniform(0.25, 0.40) * r_px
        angle = rng.uniform(0, 2 * np.pi)
        ellipse(off * np.cos(angle), off * np.sin(angle), rs * 1.05, rs * 1.0)
    elif style == "dot":
        off = rng.uniform(0.9, 1.3) * r_px
        angle = rng.uniform(0, 2 * np.pi)
        ellipse(off * np.cos(angle), off * np.sin(angle), rs * 0.15, rs * 0.13)
    elif style in ("tick", "cross"):
        w = max(2, int(rs * 0.28))
        if style == "tick":
            pts = [(-0.8, 0.0), (-0.2, 0.7), (1.0, -0.9)]
            for (x1, y1), (x2, y2) in zip(pts, pts[1:], strict=False):
                cv2.line(
                    big,
                    (int(cs + x1 * rs), int(cs + y1 * rs)),
                    (int(cs + x2 * rs), int(cs + y2 * rs)),
                    255,
                    w,
                    cv2.LINE_AA,
                )
        else:
            for sgn in (-1, 1):
                cv2.line(
                    big,
                    (int(cs - 0.9 * rs), int(cs - sgn * 0.9 * rs)),
                    (int(cs + 0.9 * rs), int(cs + sgn * 0.9 * rs)),
                    255,
                    w,
                    cv2.LINE_AA,
                )
    else:
        raise ValueError(f"unknown mark style {style!r}")
    mask = cv2.resize(big, (size, size), interpolation=cv2.INTER_AREA).astype(np.float32) / 255
    return mask, darkness


def _bubble_for(layout: Layout, m: Mark) -> Bubble:
    if m.question == 0:
        return layout.trainee_number[m.digit_position].bubbles[m.choice]
    return layout.questions[m.question - 1].choices[m.choice]


def draw_marks(
    page: np.ndarray,
    layout: Layout,
    marks: list[Mark],
    dpi: float,
    rng: np.random.Generator,
    hand: float = 1.0,
) -> np.ndarray:
    """Draw graphite marks on a copy of an upright grey page rendered at ``dpi``.

    ``hand`` scales the darkness of every pencil mark (erasure residue included): 1 is a
    firm HB hand, 0.33-0.5 a light hand whose fills are a third to a half as dark, still
    plainly visible to a person.
    """
    out = page.astype(np.float32)
    for m in marks:
        b = _bubble_for(layout, m)
        r_px = _mm_to_px(b.r_mm, dpi)
        mask, darkness = _mark_mask(m.style, r_px, rng)
        size = mask.shape[0]
        x0 = int(round(_mm_to_px(b.x_mm, dpi))) - size // 2
        y0 = int(round(_mm_to_px(b.y_mm, dpi))) - size // 2
        tex = _graphite_texture(mask.shape, rng, _mm_to_px(1.0, dpi))
        patch = out[y0 : y0 + size, x0 : x0 + size]
        patch *= 1.0 - np.clip(mask * (darkness * hand) * tex, 0, 0.95)
    return np.clip(out, 0, 255).astype(np.uint8)


def degrade(
    page: np.ndarray, src_dpi: float, cond: Condition, rng: np.random.Generator
) -> np.ndarray:
    """Simulate print and capture: printer scale, paper curl, resample, rotate, perspective,
    light, blur, noise, JPEG."""
    if cond.print_scale != 1.0 or cond.feed_stretch or cond.curl_mm:
        page = distort_paper(page, src_dpi, cond.print_scale, cond.feed_stretch, cond.curl_mm)
    h, w = page.shape
    s = cond.dpi / src_dpi
    out_w, out_h = int(round(w * s)), int(round(h * s))
    margin = 0.0
    if cond.photo_border:
        margin = 0.06 * max(out_w, out_h)
        out_w, out_h = int(out_w + 2 * margin), int(out_h + 2 * margin)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = src * s + margin
    if cond.perspective > 0:
        dst = dst + rng.uniform(-1, 1, (4, 2)).astype(np.float32) * cond.perspective * max(
            out_w, out_h
        )
    centre = np.float32([out_w / 2, out_h / 2])
    angle = np.deg2rad(rng.uniform(-cond.rotation_deg, cond.rotation_deg))
    if cond.upside_down:
        angle += np.pi
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]], np.float32)
    dst = ((dst - centre) @ rot.T + centre).astype(np.float32)
    if cond.photo_border:
        # a photographer keeps the whole sheet in frame: fit the output around the page
        dst = dst - dst.min(axis=0) + margin
        out_w, out_h = (int(v + margin) for v in dst.max(axis=0))
    matrix = cv2.getPerspectiveTransform(src, dst)
    border = int(rng.uniform(90, 140)) if cond.photo_border else 255
    interp = cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR
    if s < 0.9:  # pre-shrink with area averaging so pencil texture is not aliased
        small = cv2.resize(page, None, fx=s, fy=s, interpolation=interp)
        scale_back = np.diag([1 / s, 1 / s, 1.0]).astype(np.float64)
        img = cv2.warpPerspective(
            small, matrix @ scale_back, (out_w, out_h), borderValue=border, flags=cv2.INTER_LINEAR
        )
    else:
        img = cv2.warpPerspective(page, matrix, (out_w, out_h), borderValue=border)
    f = img.astype(np.float32)
    if cond.shading > 0:
        yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
        gx, gy = rng.uniform(-1, 1, 2)
        grad = (gx * (xx / out_w - 0.5) + gy * (yy / out_h - 0.5)) * cond.shading
        cx, cy = rng.uniform(0, out_w), rng.uniform(0, out_h)
        blob = np.exp(-(((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * (0.3 * out_w) ** 2)))
        light = np.clip(1.0 - cond.shading / 2 + grad - cond.shading * 0.5 * blob, 0.3, 1.1)
        f *= light
    if cond.blur_sigma_px > 0:
        f = cv2.GaussianBlur(f, (0, 0), cond.blur_sigma_px)
    if cond.noise_sigma > 0:
        f += rng.normal(0, cond.noise_sigma, f.shape).astype(np.float32)
    img = np.clip(f, 0, 255).astype(np.uint8)
    if cond.jpeg_quality is not None:
        ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, cond.jpeg_quality])
        img = cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)
    return img
