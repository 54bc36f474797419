"""ArUco fiducial markers shared by the printer (bit matrix) and the reader (detector)."""

from __future__ import annotations

from functools import lru_cache

import cv2
import numpy as np

from .layout import MARKER_DICTIONARY


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


@lru_cache(maxsize=2)
def detector(thorough: bool = False) -> cv2.aruco.ArucoDetector:
    """Fast detector for the downscaled page; ``thorough`` sweeps more threshold windows.

    On the 2.3-4.5 px/mm detection image markers are 27-55 px wide, so three adaptive
    threshold windows (7, 15, 23 px) suffice; the thorough variant is the fallback for
    blurred or unevenly lit photos.
    """
    params = cv2.aruco.DetectorParameters()
    if thorough:
        params.adaptiveThreshWinSizeMin = 5
        params.adaptiveThreshWinSizeMax = 55
        params.adaptiveThreshWinSizeStep = 8
    else:
        params.adaptiveThreshWinSizeMin = 7
        params.adaptiveThreshWinSizeMax = 23
        params.adaptiveThreshWinSizeStep = 8
    params.cornerRefinementMethod = cv2.aruco.CORNER_REFINE_NONE
    return cv2.aruco.ArucoDetector(dictionary(), params)


def detect(grey: np.ndarray, thorough: bool = False) -> dict[int, np.ndarray]:
    """Return {marker id: 4x2 float32 corners} for every marker found (first of duplicates)."""
    corners, ids, _rejected = detector(thorough).detectMarkers(grey)
    found: dict[int, np.ndarray] = {}
    if ids is None:
        return found
    for c, i in zip(corners, ids.ravel(), strict=True):
        found.setdefault(int(i), c.reshape(4, 2).astype(np.float32))
    return found
