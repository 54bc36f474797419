"""A distinct sound per verdict (resources/sounds/*.wav, made by tools/make_sounds.py), played
with QtMultimedia, so staff hear the verdict while looking at the trainee; mutable.

A PC without audio output is no error: the effect simply stays silent.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl
from PySide6.QtMultimedia import QSoundEffect

from scfn_desktop.ui.resources import resource_path

KINDS = ("on_time", "late", "refused", "already", "invalid", "offline")


class VerdictSounds(QObject):
    def __init__(self, muted: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.muted = muted
        self.last_played = ""
        self._effects: dict[str, QSoundEffect] = {}
        for kind in KINDS:
            path = resource_path("sounds", f"{kind}.wav")
            if path.is_file():
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(0.8)
                self._effects[kind] = effect

    def source(self, kind: str) -> str:
        effect = self._effects.get(kind)
        return effect.source().toLocalFile() if effect is not None else ""

    def play(self, kind: str) -> None:
        """Play `kind` (one of KINDS) unless muted; remembers what was asked for tests."""
        if self.muted or kind not in self._effects:
            return
        self.last_played = kind
        effect = self._effects[kind]
        effect.stop()
        effect.play()
