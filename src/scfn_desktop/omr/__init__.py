"""Optical mark recognition for the 修了認定テスト answer sheets (numpy + OpenCV only).

Public entry points are re-exported here; see docs/omr.md for the design. They are loaded on
first use (PEP 562), so importing one light module of the package (``omr.pool``, which starts
the reader processes) does not first import OpenCV and numpy into the caller.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .classify import BLANK, DOUBTFUL, MULTIPLE, SINGLE
    from .images import (
        CorruptImageError,
        ImageTooLargeError,
        Page,
        ScanError,
        TruncatedFileError,
        UnreadableFileError,
        UnsupportedFileError,
        load_pages,
    )
    from .layout import Layout, LayoutError, build_layout
    from .overlay import crop_question, draw_overlay
    from .read import Issue, NotOurFormError, QuestionReading, SheetReading, read_sheet
    from .sheet_code import SheetCode, SheetCodeError, encode_sheet_code, parse_sheet_code

#: Where each public name lives.
_HOMES = {
    "classify": ("BLANK", "DOUBTFUL", "MULTIPLE", "SINGLE"),
    "images": ("CorruptImageError", "ImageTooLargeError", "Page", "ScanError",
               "TruncatedFileError", "UnreadableFileError", "UnsupportedFileError", "load_pages"),
    "layout": ("Layout", "LayoutError", "build_layout"),
    "overlay": ("crop_question", "draw_overlay"),
    "read": ("Issue", "NotOurFormError", "QuestionReading", "SheetReading", "read_sheet"),
    "sheet_code": ("SheetCode", "SheetCodeError", "encode_sheet_code", "parse_sheet_code"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "BLANK",
    "CorruptImageError",
    "DOUBTFUL",
    "ImageTooLargeError",
    "Issue",
    "Layout",
    "LayoutError",
    "MULTIPLE",
    "NotOurFormError",
    "Page",
    "QuestionReading",
    "SINGLE",
    "ScanError",
    "SheetCode",
    "SheetCodeError",
    "SheetReading",
    "TruncatedFileError",
    "UnreadableFileError",
    "UnsupportedFileError",
    "build_layout",
    "crop_question",
    "draw_overlay",
    "encode_sheet_code",
    "load_pages",
    "parse_sheet_code",
    "read_sheet",
]


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
