"""Webcam scanning: QtMultimedia captures, a worker thread decodes (OpenCV's QR detector via
services.attendance.frames), and a decoded code is handled like a scanned one.

Frames arrive 15-30 times a second; decoding one 1280x720 frame takes tens of milliseconds, so
the worker only ever holds the newest frame and drops the rest (the preview stays live, the
GUI thread never decodes). The same code held in front of the camera passes once
(`RepeatFilter`). No camera is not an error: the page says so and scanning goes on with the
barcode scanner or the search.
"""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoSink,
)

from scfn_desktop.services.attendance.frames import RepeatFilter, decode_frame

PREVIEW_EVERY = 3  # show every 3rd frame: ~10 fps is plenty for aiming


def grey_array(image: QImage) -> np.ndarray:
    """A QImage as an (H, W) uint8 array (a copy, safe to hand to another thread)."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    data = np.frombuffer(grey.constBits(), np.uint8, count=stride * height)
    return data.reshape(height, stride)[:, :width].copy()


class _Bridge(QObject):
    decoded = Signal(str)


class FrameDecoder:
    """One daemon thread decoding the newest frame it was given."""

    def __init__(self, on_decoded) -> None:  # type: ignore[no-untyped-def]
        self._frame: np.ndarray | None = None
        self._wake = threading.Condition()
        self._stopped = False
        self._on_decoded = on_decoded
        self.busy = False
        self._thread = threading.Thread(target=self._run, name="scfn-qr-decoder", daemon=True)
        self._thread.start()

    def offer(self, frame: np.ndarray) -> None:
        with self._wake:
            self._frame = frame  # an older undecoded frame is simply replaced
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._frame is None and not self._stopped:
                    self._wake.wait()
                if self._stopped:
                    return
                frame, self._frame = self._frame, None
                self.busy = True
            try:
                text = decode_frame(frame)
            finally:
                self.busy = False
            if text:
                self._on_decoded(text)

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify()
        self._thread.join(2)


class CameraScanner(QObject):
    """Emits `codeDecoded(text)` once per code in view, `preview(QImage)` and `status(str)`:
    "none" (no camera), "off", "on" or "error"."""

    codeDecoded = Signal(str)
    preview = Signal(QImage)
    status = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repeat = RepeatFilter()
        self.state = "off"
        self.error = ""
        self._bridge = _Bridge()
        self._bridge.decoded.connect(self._decoded)
        self._decoder: FrameDecoder | None = None
        self._camera: QCamera | None = None
        self._session: QMediaCaptureSession | None = None
        self._sink: QVideoSink | None = None
        self._frames = 0

    @staticmethod
    def available() -> bool:
        return bool(QMediaDevices.videoInputs())

    def start(self) -> bool:
        """Start the default camera; False (state "none") when the PC has none."""
        devices = QMediaDevices.videoInputs()
        if not devices:
            self._set_state("none")
            return False
        self._ensure_decoder()
        self._camera = QCamera(QMediaDevices.defaultVideoInput(), self)
        self._camera.errorOccurred.connect(self._camera_error)
        self._sink = QVideoSink(self)
        self._sink.videoFrameChanged.connect(self._frame)
        self._session = QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._camera.start()
        self._set_state("on")
        return True

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._camera.deleteLater()
            self._camera = None
        if self._decoder is not None:
            self._decoder.stop()
            self._decoder = None
        if self.state == "on":
            self._set_state("off")

    def _ensure_decoder(self) -> None:
        if self._decoder is None:
            self._decoder = FrameDecoder(self._bridge.decoded.emit)

    def _set_state(self, state: str) -> None:
        self.state = state
        self.status.emit(state)

    def _camera_error(self, _error: object, text: str) -> None:
        self.error = text
        self._set_state("error")

    def _frame(self, frame: QVideoFrame) -> None:
        if frame.isValid():
            self.feed_image(frame.toImage())

    def feed_image(self, image: QImage) -> None:
        """One camera frame (also how tests feed image files): preview, then decode."""
        if image.isNull():
            return
        self._frames += 1
        if self._frames % PREVIEW_EVERY == 1:
            self.preview.emit(image)
        self._ensure_decoder()
        assert self._decoder is not None
        if not self._decoder.busy:
            self._decoder.offer(grey_array(image))

    def _decoded(self, text: str) -> None:
        if self.repeat.accept(text):
            self.codeDecoded.emit(text)
