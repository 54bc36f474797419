"""Local alignment after the global homography: find each bubble row on its printed rings.

The four corner markers give one projective map per page. Curled paper in a photo, or a
printer whose paper feed drifts, bends the page away from any such map by up to a
millimetre or two, enough to move a bubble's 1.56 mm sampling disc onto its printed
outline. So, after the global map, every row of bubbles (one question, or one digit value
of the trainee-number grid) is located where it actually is:

1. The region of each question column (and of the number grid) is warped upright at
   ``ALIGN_PX_PER_MM`` through the global map (one small warp per column).
2. Each row's empty bubbles are averaged into one "mean bubble" (or its filled ones, if
   it has more of those), and the printed ring (or a disc) is searched in it by
   normalised cross-correlation within +-``MAX_SHIFT_MM``: matching the whole row's rings
   at once, for all rows in one ``matchTemplate`` call.
   The bound is a third of the bubble pitch, so the search can never lock onto a
   neighbouring bubble.
3. A row counts as *measured* when its correlation peak is clear (``MIN_PEAK``) and not
   on the edge of the search window (which would mean it needs more than the bound).
4. The shift applied to a row is a Gaussian-weighted mean of the measured rows around it
   (``KERNEL_MM``): paper bends smoothly, and the mean cancels the measurement noise of
   single rows. A measured row that disagrees with its neighbours by more than
   ``OUTLIER_MM`` is dropped from the mean (iterated once).
5. A row that was not measured itself, or whose measurement contradicts its neighbours,
   is *failed*: the reader flags its question (or the number grid) for a person instead
   of guessing where it is from the rows around it.

For a flat scan every row measures ~0 and nothing moves. :class:`Alignment` reports how
far the bubbles were moved, so a reading says when the sheet was bent.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np

from . import geometry
from .layout import Layout

#: Every layout pitch (6, 6.5, 7 mm) is a whole number of pixels at 4 px/mm.
ALIGN_PX_PER_MM = 4.0
#: Largest correction: 2 mm (12 px of the 6 px/mm work image), a third of the smallest
#: bubble pitch (6 mm), so a neighbour's ring is never inside the search window.
MAX_SHIFT_MM = 2.0
RING_STROKE_MM = 0.28  # the printed outline: 0.8 pt
MIN_PEAK = 0.5
KERNEL_MM = 10.0
#: A bubble whose inner disc is this dark is filled (see _bubbles_to_use).
FILLED_DARKNESS = 0.25
INNER_RATIO = 0.68
GRID_BLOCK = 4
MIN_SUPPORT = 0.9
OUTLIER_MM = 0.5
_SUPERSAMPLE = 4


@dataclass(frozen=True)
class Alignment:
    """How far the local alignment moved the bubbles from where the corner markers put them."""

    max_shift_mm: float
    mean_shift_mm: float
    rows: int
    rows_measured: int  # rows whose own rings gave a clear position
    rows_failed: int  # rows whose position could not be confirmed (flagged)

    def to_dict(self) -> dict[str, float | int]:
        return {
            "max_shift_mm": round(self.max_shift_mm, 3),
            "mean_shift_mm": round(self.mean_shift_mm, 3),
            "rows": self.rows,
            "rows_measured": self.rows_measured,
            "rows_failed": self.rows_failed,
        }


@dataclass(frozen=True)
class _Rows:
    centres: np.ndarray  # (bubbles, 2) mm: questions first, then the number grid
    members: tuple[np.ndarray, ...]  # bubble indices of each row
    row_xy: np.ndarray  # (rows, 2) mm, centre of each row
    groups: tuple[tuple[int, ...], ...]  # rows measured together: a question column, the grid
    radius: float
    question_rows: int
    page_mm: tuple[float, float]


_ROWS: dict[str, _Rows] = {}


def _rows(layout: Layout) -> _Rows:
    """The rows of ``layout``, computed once per geometry (keyed by its fingerprint: hashing
    the whole frozen layout on every sheet would cost more than the lookup saves)."""
    rows = _ROWS.get(layout.fingerprint)
    if rows is None:
        if len(_ROWS) > 16:
            _ROWS.clear()
        rows = _ROWS[layout.fingerprint] = _layout_rows(layout)
    return rows


def _layout_rows(layout: Layout) -> _Rows:
    """Rows of the layout, as index arrays into the bubbles in the reader's order (every
    question's choices, then the number grid column by column): one row per question, and
    one per digit value in each block of at most ``GRID_BLOCK`` digit columns (a 48 mm row
    of eight digits would bend too much across its width on curled paper)."""
    q = [[(b.x_mm, b.y_mm) for b in question.choices] for question in layout.questions]
    cols = [[(b.x_mm, b.y_mm) for b in col.bubbles] for col in layout.trainee_number]
    centres = [p for row in q for p in row] + [p for col in cols for p in col]
    members: list[np.ndarray] = []
    by_column: dict[float, list[int]] = {}
    start = 0
    for row in q:
        by_column.setdefault(round(row[0][0], 2), []).append(len(members))
        members.append(np.arange(start, start + len(row)))
        start += len(row)
    groups = [tuple(rows) for rows in by_column.values()]
    per_col = len(cols[0]) if cols else 0
    for c0 in range(0, len(cols), GRID_BLOCK):
        block = range(c0, min(c0 + GRID_BLOCK, len(cols)))
        first = len(members)
        for d in range(per_col):
            members.append(np.array([start + c * per_col + d for c in block]))
        groups.append(tuple(range(first, len(members))))
    centres_a = np.asarray(centres, np.float64)
    row_xy = np.array([centres_a[m].mean(axis=0) for m in members])
    radius = layout.questions[0].choices[0].r_mm
    return _Rows(centres_a, tuple(members), row_xy, tuple(groups), radius, len(q),
                 (layout.page_width_mm, layout.page_height_mm))


@lru_cache(maxsize=8)
def _ring(r_px: float, filled: bool = False) -> np.ndarray:
    """Anti-aliased ring (the printed outline, 1 = ink), or a filled disc, centred in an
    odd square."""
    half = int(np.ceil(r_px + RING_STROKE_MM * ALIGN_PX_PER_MM / 2 + 1.0))
    size, s = 2 * half + 1, _SUPERSAMPLE
    big = np.zeros((size * s, size * s), np.uint8)
    c = (half + 0.5) * s - 0.5  # the centre pixel of the square, in the big image
    thickness = -1 if filled else max(1, int(round(RING_STROKE_MM * ALIGN_PX_PER_MM * s)))
    cv2.circle(big, (int(round(c * 16)), int(round(c * 16))), int(round(r_px * s * 16)), 255,
               thickness, cv2.LINE_AA, shift=4)
    return cv2.resize(big, (size, size), interpolation=cv2.INTER_AREA).astype(np.float32)


def _vertex(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Sub-pixel offset of a peak from three samples (parabola through them)."""
    d = a - 2 * b + c
    with np.errstate(divide="ignore", invalid="ignore"):
        off = np.where(d < 0, 0.5 * (a - c) / d, 0.0)
    return np.clip(off, -0.5, 0.5)


def _mean_bubbles(work: np.ndarray, h_work: np.ndarray, rows: _Rows, half: int
                  ) -> tuple[np.ndarray, np.ndarray]:
    """(rows, 2 half + 1, 2 half + 1): each row's bubbles averaged, as ink (255 = black),
    and which rows are located on their filled bubbles (their mean is a disc, not a ring).

    One upright warp per column of rows at ALIGN_PX_PER_MM; at 4 px/mm every layout pitch
    (6, 6.5, 7 mm) is a whole number of pixels, so with the patch origin on a bubble
    centre every bubble sits exactly on a pixel and its neighbourhood is a plain slice.
    """
    ppm = ALIGN_PX_PER_MM
    side = 2 * half + 1
    means = np.zeros((len(rows.members), side, side), np.float32)
    disc_rows = np.zeros(len(rows.members), bool)
    flat = geometry.page_affine(h_work, *rows.page_mm)
    for row_ids in rows.groups:
        idx = np.concatenate([rows.members[r] for r in row_ids])
        pts = rows.centres[idx]
        x0, y0 = pts.min(axis=0) - half / ppm
        w = int(round((pts[:, 0].max() - x0) * ppm)) + half + 1
        h = int(round((pts[:, 1].max() - y0) * ppm)) + half + 1
        patch = geometry.warp_region(work, h_work, x0, y0, w / ppm, h / ppm, ppm, flat)
        views = np.lib.stride_tricks.sliding_window_view(patch, (side, side))
        tl = np.rint((pts - (x0, y0)) * ppm).astype(np.intp) - half  # window top-left
        windows = views[tl[:, 1], tl[:, 0]]  # (bubbles, side, side) uint8
        per_row = len(rows.members[row_ids[0]])  # a column's rows, or the grid's, are alike
        windows = windows.reshape(len(row_ids), per_row, side, side)
        use, discs = _bubbles_to_use(windows, rows.radius * ppm)
        disc_rows[list(row_ids)] = discs
        weights = use / use.sum(axis=1, keepdims=True).astype(np.float32)
        flat_windows = windows.reshape(len(row_ids), per_row, side * side).astype(np.float32)
        mean = np.einsum("rb,rbp->rp", weights, flat_windows)  # one small matmul per row
        means[list(row_ids)] = 255.0 - mean.reshape(-1, side, side)
    return means, disc_rows


@lru_cache(maxsize=8)
def _inner_disc(side: int, radius_px: float) -> np.ndarray:
    yy, xx = np.mgrid[:side, :side] - side // 2
    return xx**2 + yy**2 <= radius_px**2


def _bubbles_to_use(windows: np.ndarray, r_px: float) -> tuple[np.ndarray, np.ndarray]:
    """(rows, bubbles) which bubbles a row's mean uses, and (rows,) whether they are discs.

    A row is located on whichever kind of bubble it has more of: its empty ones (the
    printed rings) or its filled ones (pencil marks, pre-printed number digits: discs).
    Mixing the two would blur the mean: a filled bubble's dark interior dominates a
    normalised correlation with a ring, and a lone empty ring between black discs is
    pulled towards them.
    """
    side = windows.shape[-1]
    inner = windows[:, :, _inner_disc(side, round(INNER_RATIO * r_px, 3))].mean(axis=2)
    edges = np.concatenate([windows[:, :, 0], windows[:, :, -1]], axis=2).mean(axis=2)
    filled = 1.0 - inner / np.maximum(edges, 1.0) >= FILLED_DARKNESS
    discs = filled.sum(axis=1) * 2 > filled.shape[1]
    return np.where(discs[:, None], filled, ~filled), discs


def _measure_rows(work: np.ndarray, h_work: np.ndarray, rows: _Rows
                  ) -> tuple[np.ndarray, np.ndarray]:
    """(row shifts in mm, row measured?): where the ring is in each row's mean bubble.

    Averaging a row's bubbles first (the template of a whole row of rings, matched at
    once) keeps the ring coherent and the pencil marks, which differ per bubble, diluted.
    All rows' means are laid side by side in one strip and matched against the ring with
    a single ``matchTemplate`` (normalised cross-correlation); each row reads only its own
    tile of the result.
    """
    ppm = ALIGN_PX_PER_MM
    search = int(round(MAX_SHIFT_MM * ppm))
    ring = _ring(round(rows.radius * ppm, 3))
    half = ring.shape[0] // 2 + search
    side = 2 * half + 1
    means, disc_rows = _mean_bubbles(work, h_work, rows, half)
    strip = means.reshape(-1, side)  # tiles stacked vertically
    res = cv2.matchTemplate(strip, ring, cv2.TM_CCOEFF_NORMED)
    if disc_rows.any():  # mostly filled (e.g. "0000" in the number grid): find the discs
        disc = _ring(round(rows.radius * ppm, 3), filled=True)
        for r in np.flatnonzero(disc_rows):
            res[r * side : r * side + side - disc.shape[0] + 1] = cv2.matchTemplate(
                means[r], disc, cv2.TM_CCOEFF_NORMED)
    n, count = 2 * search + 1, len(rows.members)
    tiles = np.zeros((count * side, n), np.float32)
    tiles[: res.shape[0]] = res[:, :n]
    surfaces = tiles.reshape(count, side, n)[:, :n, :]  # each row's own result tile
    best = surfaces.reshape(count, -1).argmax(axis=1)
    py, px = np.divmod(best, n)
    r = np.arange(count)
    peak = surfaces[r, py, px]
    measured = (peak >= MIN_PEAK) & (px > 0) & (px < n - 1) & (py > 0) & (py < n - 1)
    cy, cx = np.clip(py, 1, n - 2), np.clip(px, 1, n - 2)
    sx = px + _vertex(surfaces[r, cy, cx - 1], surfaces[r, cy, cx], surfaces[r, cy, cx + 1])
    sy = py + _vertex(surfaces[r, cy - 1, cx], surfaces[r, cy, cx], surfaces[r, cy + 1, cx])
    shifts = np.stack([sx - search, sy - search], axis=1) / ppm
    shifts[~measured] = 0.0
    return shifts, measured


def _smooth(row_xy: np.ndarray, shifts: np.ndarray, use: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray]:
    """Gaussian-weighted mean of the used rows' shifts at every row, and its support."""
    d2 = ((row_xy[:, None, :] - row_xy[None, :, :]) ** 2).sum(axis=2)
    w = np.exp(-d2 / (2 * KERNEL_MM**2)) * use[None, :]
    support = w.sum(axis=1)
    mean = (w @ shifts) / np.maximum(support, 1e-9)[:, None]
    return mean, support


def refine(work: np.ndarray, h_work: np.ndarray, layout: Layout
           ) -> tuple[np.ndarray, np.ndarray, Alignment]:
    """(per-bubble shift in page mm, per-bubble 'position not confirmed', summary).

    Bubbles are ordered as the reader measures them: every question's choices, then the
    number grid column by column.
    """
    rows = _rows(layout)
    shifts, measured = _measure_rows(work, h_work, rows)
    use = measured.copy()
    for _ in range(2):  # drop rows that contradict their neighbours, then re-smooth
        mean, support = _smooth(rows.row_xy, shifts, use)
        own = use.astype(float)
        others = support - own
        loo = (mean * support[:, None] - shifts * own[:, None]) / np.maximum(others, 1e-9)[
            :, None]
        outlier = use & (others >= MIN_SUPPORT) & (
            np.linalg.norm(shifts - loo, axis=1) > OUTLIER_MM)
        if not outlier.any():
            break
        use &= ~outlier
    mean, support = _smooth(rows.row_xy, shifts, use)
    failed_rows = ~use  # its own rings unclear, beyond the bound, or against its neighbours
    mean[support < MIN_SUPPORT] = 0.0  # (only shown to the reviewer: the row is flagged)

    per_bubble = np.zeros_like(rows.centres)
    failed = np.zeros(len(rows.centres), bool)
    for r, idx in enumerate(rows.members):
        per_bubble[idx] = mean[r]
        failed[idx] = failed_rows[r]
    norms = np.linalg.norm(mean, axis=1)
    summary = Alignment(
        max_shift_mm=float(norms.max()) if norms.size else 0.0,
        mean_shift_mm=float(norms.mean()) if norms.size else 0.0,
        rows=len(rows.members),
        rows_measured=int(use.sum()),
        rows_failed=int(failed_rows.sum()),
    )
    return per_bubble.astype(np.float32), failed, summary
