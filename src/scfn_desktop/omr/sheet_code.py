"""The QR payload printed on every answer sheet.

Format (version 1), short enough for a small, robust QR code::

    SCFN1|E<exam_id>|T<trainee number, empty on a blank spare form>|L<layout fingerprint>

The version prefix lets later formats coexist; the layout fingerprint catches a form that
was printed for another exam layout (its bubbles would be in the wrong places).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFIX = "SCFN1"
_EXAM_RE = re.compile(r"^[A-Za-z0-9_\-]{1,32}$")
_NUMBER_RE = re.compile(r"^[0-9]{0,10}$")
_FINGERPRINT_RE = re.compile(r"^[0-9a-f]{8}$")


class SheetCodeError(ValueError):
    """The text is not a (valid) SCFN answer-sheet code."""


@dataclass(frozen=True)
class SheetCode:
    exam_id: str
    trainee_number: str  # "" for a blank spare form
    layout_fingerprint: str

    @property
    def is_blank_form(self) -> bool:
        return self.trainee_number == ""


def encode_sheet_code(exam_id: str, trainee_number: str | None, layout_fingerprint: str) -> str:
    """Build the QR text; validates the fields so a bad code can never be printed."""
    number = trainee_number or ""
    if not _EXAM_RE.match(exam_id):
        raise SheetCodeError(f"exam id must be 1-32 characters [A-Za-z0-9_-]: {exam_id!r}")
    if not _NUMBER_RE.match(number):
        raise SheetCodeError(f"trainee number must be 0-10 digits: {number!r}")
    if not _FINGERPRINT_RE.match(layout_fingerprint):
        raise SheetCodeError(f"layout fingerprint must be 8 hex digits: {layout_fingerprint!r}")
    return f"{PREFIX}|E{exam_id}|T{number}|L{layout_fingerprint}"


def parse_sheet_code(text: str) -> SheetCode:
    """Parse QR text; raises SheetCodeError with a readable reason on anything foreign."""
    parts = text.strip().split("|")
    if not parts or parts[0] != PREFIX:
        raise SheetCodeError(
            f"not an SCFN answer-sheet code (expected prefix {PREFIX!r}): {text[:40]!r}"
        )
    if len(parts) != 4 or [p[:1] for p in parts[1:]] != ["E", "T", "L"]:
        raise SheetCodeError(f"malformed SCFN answer-sheet code: {text[:60]!r}")
    exam_id, number, fingerprint = parts[1][1:], parts[2][1:], parts[3][1:]
    if not _EXAM_RE.match(exam_id):
        raise SheetCodeError(f"invalid exam id in sheet code: {exam_id!r}")
    if not _NUMBER_RE.match(number):
        raise SheetCodeError(f"invalid trainee number in sheet code: {number!r}")
    if not _FINGERPRINT_RE.match(fingerprint):
        raise SheetCodeError(f"invalid layout fingerprint in sheet code: {fingerprint!r}")
    return SheetCode(exam_id, number, fingerprint)
