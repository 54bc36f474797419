"""QR codes in camera frames: decoding (OpenCV's QR detector) and "the same code held in front
of the camera is handled once".

OpenCV's ArUco-based QR detector (`QRCodeDetectorAruco`, OpenCV 4.8+) finds a badge held at
arm's length in a 1280x720 webcam frame (modules of 3-5 pixels, tilted) far more often than
the classic `QRCodeDetector`, and gives up on an empty frame sooner; docs/benchmarks.md has the
figures. A half-size pass comes first: a badge held close is found there at a fifth of the
cost, and only when it finds nothing is the full frame searched.

Qt-free so the desk's camera worker, the tests (frames from image files) and the benchmark
(1280x720 frames) run the very same code.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import cv2
import numpy as np

HOLD_S = 3.0
_local = threading.local()


HALF_PASS_MIN_SIDE = 480  # frames smaller than this are searched at full size only


def _detector():  # type: ignore[no-untyped-def]
    """One detector per thread (OpenCV objects are not meant to be shared across threads)."""
    detector = getattr(_local, "detector", None)
    if detector is None:
        factory = getattr(cv2, "QRCodeDetectorAruco", cv2.QRCodeDetector)
        detector = _local.detector = factory()
    return detector


def _decode(image: np.ndarray) -> str | None:
    try:
        text, _points, _ = _detector().detectAndDecode(image)
    except cv2.error:  # a degenerate candidate (e.g. a tiny or folded code): no code
        return None
    return text or None


def decode_frame(frame: np.ndarray) -> str | None:
    """The text of the QR code in a grey (H x W) or BGR frame, or None."""
    if frame.ndim == 3:
        frame = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    if min(frame.shape[:2]) >= HALF_PASS_MIN_SIDE:
        half = cv2.resize(frame, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
        text = _decode(half)
        if text:
            return text
    return _decode(frame)


class RepeatFilter:
    """Lets a code through once while it stays in view: it passes again only after it has
    been out of sight for `hold_s` seconds (then the desk reports "already checked in")."""

    def __init__(self, hold_s: float = HOLD_S, clock: Callable[[], float] = time.monotonic
                 ) -> None:
        self.hold_s, self.clock = hold_s, clock
        self._seen: dict[str, float] = {}

    def accept(self, code: str) -> bool:
        now = self.clock()
        last = self._seen.get(code)
        self._seen[code] = now
        for old in [c for c, t in self._seen.items() if now - t > self.hold_s]:
            del self._seen[old]
        return last is None or now - last > self.hold_s
