"""Geometry and measurement: markers -> homography, and bubble darkness sampling.

Split from read.py so the decision logic there stays readable; these functions are pure
image arithmetic with no knowledge of statuses or issues.
"""

from __future__ import annotations

from functools import lru_cache

import cv2
import numpy as np

from . import markers
from .layout import Layout


def pyramid(grey: np.ndarray) -> tuple[np.ndarray, float, np.ndarray, float]:
    """(work image, its scale, detection image, its scale); scales are relative to grey.

    ``cv2.pyrDown`` halves with a proper low-pass filter and is ~10x faster than an
    arbitrary-factor area resize, so both images are power-of-two reductions: the work
    image ends up at 4.5-9 px/mm (bubbles), the detection image at ~2.3-4.5 px/mm
    (markers are 12 mm, i.e. >= 27 px, plenty for ArUco).
    """
    px_per_mm = max(grey.shape) / 297.0
    work, scale = grey, 1.0
    while px_per_mm * scale > 9.0:
        work = cv2.pyrDown(work)
        scale /= 2
    detect, d_scale = work, scale
    if px_per_mm * scale > 4.5:
        detect = cv2.pyrDown(work)
        d_scale = scale / 2
    return work, scale, detect, d_scale


def find_markers(
    detect: np.ndarray, work: np.ndarray, factor: float, layout: Layout
) -> dict[int, np.ndarray]:
    """Markers in work-image coordinates (``factor`` = work scale / detect scale).

    Escalates only as far as needed: a one-window pass on the small detection image
    (~2 ms, enough for every scan), then three windows, then the full work resolution
    and a locally equalised copy with a wide window sweep (small page in a photo, blur,
    dark light).  Later passes only add markers the earlier ones missed.
    """
    wanted = {m.id for m in layout.markers}
    found: dict[int, np.ndarray] = {}
    for effort in ("quick", "standard"):
        for k, v in markers.detect(detect, effort).items():
            if k in wanted:
                found.setdefault(k, v * factor)
        if len(found) == len(wanted):
            break
    if len(found) < len(wanted):
        clahe = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8))
        for img in (work, clahe.apply(work)):
            for k, v in markers.detect(img, "thorough").items():
                if k in wanted:
                    found.setdefault(k, v)
            if len(found) == len(wanted):
                break
    if found and factor > 1:
        pts = np.concatenate(list(found.values())).reshape(-1, 1, 2).astype(np.float32)
        criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 20, 0.05)
        cv2.cornerSubPix(work, pts, (3, 3), (-1, -1), criteria)
        for i, k in enumerate(list(found)):
            found[k] = pts[4 * i : 4 * i + 4].reshape(4, 2)
    return found


def homography(found: dict[int, np.ndarray], layout: Layout) -> tuple[np.ndarray, float]:
    """Page-mm -> work-image homography and its worst marker-corner error in mm."""
    src, dst = [], []
    for m in layout.markers:
        if m.id in found:
            src.extend(m.corners_mm())
            dst.extend(found[m.id].tolist())
    src_a = np.asarray(src, np.float32)
    dst_a = np.asarray(dst, np.float32)
    if len(found) >= 4:
        h, _ = cv2.findHomography(src_a, dst_a, 0)
    else:  # three markers: an affine map is all we can trust
        a, _ = cv2.estimateAffine2D(src_a, dst_a, method=cv2.LMEDS)
        h = None if a is None else np.vstack([a, [0, 0, 1]])
    if h is None:
        return np.eye(3), float("inf")
    proj = cv2.perspectiveTransform(src_a.reshape(-1, 1, 2), h).reshape(-1, 2)
    err_px = float(np.max(np.linalg.norm(proj - dst_a, axis=1)))
    sides = [np.linalg.norm(c - np.roll(c, 1, axis=0), axis=1).mean() for c in found.values()]
    px_per_mm = float(np.mean(sides)) / layout.markers[0].size_mm
    return h, err_px / max(px_per_mm, 1e-6)


def background(detect: np.ndarray, px_per_mm: float) -> np.ndarray:
    """Paper brightness estimate (same size as ``detect``) to cancel shadows and gradients.

    A max filter wider than a filled bubble removes the marks and print, a blur smooths.
    """
    k = int(round(6.5 * px_per_mm)) | 1
    bg = cv2.dilate(detect, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    bg = cv2.blur(bg, (k, k))
    return np.maximum(bg, 40).astype(np.float32)


@lru_cache(maxsize=8)
def disc_offsets_mm(radius_mm: float, step_mm: float = 0.16) -> np.ndarray:
    n = int(np.ceil(radius_mm / step_mm))
    g = np.arange(-n, n + 1) * step_mm
    xx, yy = np.meshgrid(g, g)
    keep = xx**2 + yy**2 <= radius_mm**2
    return np.stack([xx[keep], yy[keep]], axis=1).astype(np.float32)


def measure(
    work: np.ndarray,
    h_work: np.ndarray,
    bg: np.ndarray,
    bg_factor: float,
    centres_mm: np.ndarray,
    radius_mm: float,
) -> np.ndarray:
    """Mean darkness (0 paper .. 1 black) of the inner disc of every bubble.

    Sample points are placed in page millimetres and mapped through the homography, so
    perspective and rotation are handled exactly, without warping the whole page.
    """
    offsets = disc_offsets_mm(round(radius_mm, 3))
    pts = (centres_mm[:, None, :] + offsets[None, :, :]).reshape(-1, 1, 2).astype(np.float32)
    img_pts = cv2.perspectiveTransform(pts, h_work).reshape(-1, 2)
    map_x = img_pts[:, 0].reshape(len(centres_mm), -1)  # remap needs < 32767 columns
    map_y = img_pts[:, 1].reshape(len(centres_mm), -1)
    values = cv2.remap(
        work, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=255
    ).reshape(len(centres_mm), -1)
    c_img = cv2.perspectiveTransform(centres_mm.reshape(-1, 1, 2).astype(np.float32), h_work)
    c_bg = c_img.reshape(-1, 2) * bg_factor
    bx = np.clip(np.rint(c_bg[:, 0]).astype(int), 0, bg.shape[1] - 1)
    by = np.clip(np.rint(c_bg[:, 1]).astype(int), 0, bg.shape[0] - 1)
    paper = bg[by, bx][:, None]
    darkness = np.clip(1.0 - values.astype(np.float32) / paper, 0.0, 1.0)
    return darkness.mean(axis=1)


#: Largest displacement (output pixels) at which a projective map may be replaced by its
#: affine fit.  A flatbed scan's homography is affine up to marker-corner noise; warping
#: it with ``warpAffine`` is ~2.5x faster than ``warpPerspective`` (7 vs 17-19 ms for the
#: whole page at 6 px/mm) and a 0.25 px (0.04 mm) shift is invisible in a review image.
AFFINE_TOLERANCE_PX = 0.25


def affine_if_flat(m: np.ndarray, size: tuple[int, int]) -> np.ndarray | None:
    """2x3 affine equal to the output->source projective map ``m`` within tolerance.

    Fitted by least squares on a 5x5 grid over the output rectangle (the deviation of a
    projective map from its affine fit is largest at the border, which the grid covers).
    Returns None for real perspective (phone photos).
    """
    w, h = size
    xs, ys = np.meshgrid(np.linspace(0.0, w, 5), np.linspace(0.0, h, 5))
    grid = np.stack([xs.ravel(), ys.ravel(), np.ones(xs.size)], axis=1)
    proj = grid @ m.T
    if np.any(np.abs(proj[:, 2]) < 1e-9):
        return None
    target = proj[:, :2] / proj[:, 2:3]
    fit, *_ = np.linalg.lstsq(grid, target, rcond=None)
    if float(np.abs(grid @ fit - target).max()) > AFFINE_TOLERANCE_PX:
        return None
    return np.ascontiguousarray(fit.T)


def warp_region(
    src: np.ndarray,
    h_src: np.ndarray,
    x_mm: float,
    y_mm: float,
    w_mm: float,
    h_mm: float,
    px_per_mm: float,
    page_affine: np.ndarray | None = None,
) -> np.ndarray:
    """Upright crop of a page region (mm) at px_per_mm, sampled from ``src``.

    ``page_affine``: the affine fit of the whole page's mm -> ``src`` map (see
    :func:`page_affine`), when the caller warps several regions of one page: then the
    flatness test is not repeated per region (a region of a flat page is flat).
    """
    to_src = h_src @ np.array(
        [[1 / px_per_mm, 0, x_mm], [0, 1 / px_per_mm, y_mm], [0, 0, 1]], np.float64
    )
    size = (int(round(w_mm * px_per_mm)), int(round(h_mm * px_per_mm)))
    flags = cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP
    if page_affine is not None:
        affine = page_affine @ np.array(
            [[1 / px_per_mm, 0, x_mm], [0, 1 / px_per_mm, y_mm], [0, 0, 1]], np.float64
        )
    else:
        affine = affine_if_flat(to_src, size)
    if affine is not None:
        return cv2.warpAffine(src, affine, size, flags=flags, borderValue=255)
    return cv2.warpPerspective(src, to_src, size, flags=flags, borderValue=255)


def page_affine(h_src: np.ndarray, width_mm: float, height_mm: float) -> np.ndarray | None:
    """2x3 affine equal to the page-mm -> ``src`` homography within AFFINE_TOLERANCE_PX over
    the whole page, or None (real perspective): for :func:`warp_region`'s ``page_affine``."""
    return affine_if_flat(h_src, (int(np.ceil(width_mm)), int(np.ceil(height_mm))))
