"""ArUco fiducial markers shared by the printer (bit matrix) and the reader (detector)."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import cv2
import numpy as np

from .layout import MARKER_DICTIONARY

#: Detector effort.  ``quick`` is what almost every sheet needs; the others are fallbacks.
Effort = Literal["quick", "standard", "thorough"]

# (min, max, step) adaptive-threshold window sizes in pixels, and the smallest marker
# perimeter as a fraction of the image's larger side.
_SETTINGS: dict[str, tuple[int, int, int, float]] = {
    # One 15 px window on the 2.3-4.5 px/mm detection image (3.3-6.5 mm, i.e. 2-3 marker
    # cells) finds all four markers on every benchmark scan and photo, at a third of the
    # cost of three windows.  Markers are >= 27 px there, so candidates below 1/20 of
    # the image side (noise, bubbles, QR modules) are dropped before the costly steps.
    "quick": (15, 15, 8, 0.05),
    "standard": (7, 23, 8, 0.03),
    "thorough": (5, 55, 8, 0.03),
}


@lru_cache(maxsize=1)
def dictionary() -> cv2.aruco.Dictionary:
    return cv2.aruco.getPredefinedDictionary(getattr(cv2.aruco, MARKER_DICTIONARY))


def marker_bits(marker_id: int) -> list[list[bool]]:
    """Cell matrix of a marker including its black border; True means a black cell.

    The printer draws each True cell as a filled square, so the printed marker is exactly
    what the detector expects, at any size.
    """
    size = dictionary().markerSize + 2
    img = cv2.aruco.generateImageMarker(dictionary(), marker_id, size)
    return [[bool(v < 128) for v in row] for row in img]


@lru_cache(maxsize=3)
def detector(effort: Effort = "standard") -> cv2.aruco.ArucoDetector:
    """ArUco detector for one effort level (see ``_SETTINGS``).

    ``quick`` and ``standard`` are meant for the 2.3-4.5 px/mm detection image;
    ``thorough`` sweeps many threshold windows and is the fallback for blurred or
    unevenly lit photos at work resolution.  Corner refinement is left to the caller
    (``cornerSubPix`` on the sharper work image).
    """
    wmin, wmax, step, perimeter = _SETTINGS[effort]
    params = cv2.aruco.DetectorParameters()
    params.adaptiveThreshWinSizeMin = wmin
    params.adaptiveThreshWinSizeMax = wmax
    params.adaptiveThreshWinSizeStep = step
    params.minMarkerPerimeterRate = perimeter
    params.cornerRefinementMethod = cv2.aruco.CORNER_REFINE_NONE
    return cv2.aruco.ArucoDetector(dictionary(), params)


def detect(grey: np.ndarray, effort: Effort = "standard") -> dict[int, np.ndarray]:
    """Return {marker id: 4x2 float32 corners} for every marker found (first of duplicates)."""
    corners, ids, _rejected = detector(effort).detectMarkers(grey)
    found: dict[int, np.ndarray] = {}
    if ids is None:
        return found
    for c, i in zip(corners, ids.ravel(), strict=True):
        found.setdefault(int(i), c.reshape(4, 2).astype(np.float32))
    return found
