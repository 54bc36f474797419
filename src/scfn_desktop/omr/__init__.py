"""Optical mark recognition for the 修了認定テスト answer sheets (numpy + OpenCV only).

Public entry points are re-exported here; see docs/omr.md for the design.
"""

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

__all__ = [
    "BLANK",
    "DOUBTFUL",
    "MULTIPLE",
    "SINGLE",
    "CorruptImageError",
    "ImageTooLargeError",
    "Issue",
    "Layout",
    "LayoutError",
    "NotOurFormError",
    "Page",
    "QuestionReading",
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
