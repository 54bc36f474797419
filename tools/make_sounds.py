"""Synthesise the check-in desk's verdict sounds into resources/sounds/ (16-bit mono WAV).

One sound per kind of verdict, told apart by ear without looking: on time is a bright rising
two-note chime, late a gentler double note, refused a low long buzz, already checked in two
quick equal beeps, an invalid badge a falling three-note figure, and "cannot store" (database
unreachable) a harsh repeated tone. 16 kHz mono keeps each file small (< 20 KB); short
fade-in/out envelopes avoid clicks. Deterministic, so re-running gives the same bytes:
    .venv/bin/python tools/make_sounds.py
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 16_000
FOLDER = Path(__file__).resolve().parents[1] / "resources" / "sounds"

# name -> list of (frequency Hz or 0 for silence, seconds, waveform)
SOUNDS: dict[str, list[tuple[float, float, str]]] = {
    "on_time": [(880, 0.11, "sine"), (1318.5, 0.22, "sine")],
    "late": [(660, 0.16, "sine"), (0, 0.05, "sine"), (660, 0.16, "sine")],
    "refused": [(196, 0.55, "square")],
    "already": [(988, 0.08, "sine"), (0, 0.06, "sine"), (988, 0.08, "sine")],
    "invalid": [(523.3, 0.12, "triangle"), (392, 0.12, "triangle"), (261.6, 0.3, "triangle")],
    "offline": [(150, 0.12, "square"), (0, 0.06, "sine")] * 3,
}


def _sample(kind: str, phase: float) -> float:
    if kind == "square":
        return 0.6 if math.sin(phase) >= 0 else -0.6
    if kind == "triangle":
        return 2 / math.pi * math.asin(math.sin(phase))
    return math.sin(phase)


def render(notes: list[tuple[float, float, str]]) -> bytes:
    frames = bytearray()
    for freq, seconds, kind in notes:
        count = int(RATE * seconds)
        fade = min(int(RATE * 0.01), count // 2)
        for i in range(count):
            envelope = min(1.0, i / fade if fade else 1.0, (count - i) / fade if fade else 1.0)
            value = 0.0 if freq == 0 else _sample(kind, 2 * math.pi * freq * i / RATE)
            frames += struct.pack("<h", int(value * envelope * 0.45 * 32767))
    return bytes(frames)


def main() -> int:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, notes in SOUNDS.items():
        path = FOLDER / f"{name}.wav"
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(render(notes))
        print(f"{path} {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
