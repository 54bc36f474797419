"""QR codes in camera frames: decoding (OpenCV's QR detector) and "the same code held in front
of the camera is handled once".

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


def _detector() -> cv2.QRCodeDetector:
    """One detector per thread (OpenCV objects are not meant to be shared across threads)."""
    detector = getattr(_local, "detector", None)
    if detector is None:
        detector = _local.detector = cv2.QRCodeDetector()
    return detector


def decode_frame(frame: np.ndarray) -> str | None:
    """The text of the QR code in a grey (H x W) or BGR frame, or None."""
    if frame.ndim == 3:
        frame = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    try:
        text, _points, _ = _detector().detectAndDecode(frame)
    except cv2.error:  # a degenerate candidate (e.g. a tiny or folded code): no code
        return None
    return text or None


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
