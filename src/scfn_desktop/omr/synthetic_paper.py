"""Printer and paper distortions for synthetic scans: what one homography cannot undo.

The four corner markers give the reader one projective map per page. Two things real venues
produce bend the page away from any such map, and the benchmark and the tests need them
with known geometry:

* **A printer that scales.** A driver's "fit to printable area" shrinks the content about
  the page centre (98-99 % is typical); that alone is projective and the markers absorb
  it. What they cannot absorb is a paper feed whose speed drifts along the page, so the
  vertical scale changes from top to bottom: modelled as a local vertical scale going
  linearly from ``1 + feed_stretch`` at the top to ``1 - feed_stretch`` at the bottom.
* **Curled paper in a photo.** A sheet carried rolled or folded lies with its middle
  lifted. Seen from a camera ~40 cm above the page centre, a point lifted by z appears
  moved away from the centre by the factor D / (D - z). The lift is modelled as
  ``curl_mm * sin(pi * x / width)``: the long edges flat on the table, the middle highest.

Both are applied to an upright page image (layout millimetres map to pixels by ``dpi``)
before the capture simulation, through one ``cv2.remap``. The maps are computed on a
coarse grid and interpolated: the distortions are smooth, and full-resolution maps of a
300 dpi page would cost 70 MB and ~50 ms.
"""

from __future__ import annotations

import cv2
import numpy as np

from .layout import PAGE_HEIGHT_MM, PAGE_WIDTH_MM

CAMERA_DISTANCE_MM = 400.0
_GRID_STEP_PX = 8


def _printer_inverse(
    x: np.ndarray, y: np.ndarray, scale: float, stretch: float
) -> tuple[np.ndarray, np.ndarray]:
    """Layout position printed at paper position (x, y) (mm)."""
    cx, cy, h = PAGE_WIDTH_MM / 2, PAGE_HEIGHT_MM / 2, PAGE_HEIGHT_MM
    sx = cx + (x - cx) / scale
    v = (y - cy) / scale  # = u - stretch * u**2 / h, solved for u
    if stretch:
        a = stretch / h
        u = (1.0 - np.sqrt(np.maximum(1.0 - 4.0 * a * v, 0.0))) / (2.0 * a)
    else:
        u = v
    return sx, cy + u


def _curl_inverse(x: np.ndarray, y: np.ndarray, curl_mm: float) -> tuple[np.ndarray, np.ndarray]:
    """Paper position seen at image position (x, y) (mm), by fixed-point iteration."""
    cx, cy, d = PAGE_WIDTH_MM / 2, PAGE_HEIGHT_MM / 2, CAMERA_DISTANCE_MM
    px, py = x.copy(), y.copy()
    for _ in range(6):  # converges to < 1e-4 mm for lifts up to a few cm
        factor = (d - curl_mm * np.sin(np.pi * np.clip(px, 0, PAGE_WIDTH_MM) / PAGE_WIDTH_MM)) / d
        px, py = cx + (x - cx) * factor, cy + (y - cy) * factor
    return px, py


def paper_displacement(
    points_mm: np.ndarray, scale: float = 1.0, stretch: float = 0.0, curl_mm: float = 0.0
) -> np.ndarray:
    """Where layout points end up in the captured page (mm): for tests of the alignment."""
    cx, cy, h, d = PAGE_WIDTH_MM / 2, PAGE_HEIGHT_MM / 2, PAGE_HEIGHT_MM, CAMERA_DISTANCE_MM
    u = points_mm[:, 1] - cy
    x = cx + scale * (points_mm[:, 0] - cx)
    y = cy + scale * (u - stretch * u**2 / h)
    z = curl_mm * np.sin(np.pi * np.clip(x, 0, PAGE_WIDTH_MM) / PAGE_WIDTH_MM)
    f = d / (d - z)
    return np.stack([cx + (x - cx) * f, cy + (y - cy) * f], axis=1)


def distort_paper(
    page: np.ndarray, dpi: float, scale: float = 1.0, stretch: float = 0.0, curl_mm: float = 0.0
) -> np.ndarray:
    """The upright page as printed with ``scale``/``stretch`` and lifted by ``curl_mm``."""
    h, w = page.shape[:2]
    px_per_mm = dpi / 25.4
    # cv2.resize by an integer factor f maps coarse index k to pixel f * k + (f - 1) / 2,
    # so the coarse grid is placed exactly there and the interpolation is exact in between.
    step, half = _GRID_STEP_PX, (_GRID_STEP_PX - 1) / 2
    gx = np.arange(w // step + 2, dtype=np.float64) * step + half
    gy = np.arange(h // step + 2, dtype=np.float64) * step + half
    xx, yy = np.meshgrid(gx / px_per_mm, gy / px_per_mm)
    if curl_mm:
        xx, yy = _curl_inverse(xx, yy, curl_mm)
    xx, yy = _printer_inverse(xx, yy, scale, stretch)
    map_x = cv2.resize((xx * px_per_mm).astype(np.float32), None, fx=step, fy=step,
                       interpolation=cv2.INTER_LINEAR)[:h, :w]
    map_y = cv2.resize((yy * px_per_mm).astype(np.float32), None, fx=step, fy=step,
                       interpolation=cv2.INTER_LINEAR)[:h, :w]
    return cv2.remap(page, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                     borderValue=255)
