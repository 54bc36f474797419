"""PySide6 6.12.0 returns None from every void method and True from every `emit()` without a
new reference. On Python 3.11 (where None and True are ordinary objects) each call takes one
reference away, and after a few thousand the interpreter aborts ("none_dealloc: deallocating
None") - a check-in desk does that within a venue day. pyproject.toml excludes the release;
this test fails if an installed PySide6 has the fault again."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    ping = Signal(int)


def test_void_calls_and_emits_keep_their_references(qapp):
    label, emitter = QLabel(), _Emitter()
    emitter.ping.connect(lambda _value: None)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(2000):
        label.setText("受付")
        label.setVisible(False)
        emitter.ping.emit(i)
    assert sys.getrefcount(None) > none_before - 200, "void calls drop references to None"
    assert sys.getrefcount(True) > true_before - 200, "emit() drops references to True"
