"""The package's public names load on first use (omr/__init__.py): the three lists that name
them — the type checkers' imports, `_HOMES` and `__all__` — must agree, and starting reader
processes (omr.pool) must not import OpenCV into the caller."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import scfn_desktop.omr as omr

INIT = Path(omr.__file__)


def test_every_public_name_loads_from_the_module_that_declares_it():
    assert sorted(omr.__all__) == sorted(omr._HOME_OF)
    for name in omr.__all__:
        value = getattr(omr, name)
        module = sys.modules[f"scfn_desktop.omr.{omr._HOME_OF[name]}"]
        assert getattr(module, name) is value


def test_the_type_checkers_imports_name_the_same_homes():
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    guarded = next(node for node in tree.body if isinstance(node, ast.If))
    declared = {alias.name: node.module for node in guarded.body
                if isinstance(node, ast.ImportFrom) for alias in node.names}
    assert declared == omr._HOME_OF


def test_starting_readers_imports_no_opencv():
    code = ("import sys; from scfn_desktop.omr import pool\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'cv2', 'numpy'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
