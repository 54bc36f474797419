"""Answer-sheet geometry: the single source of truth shared by the printer and the reader.

Everything is in millimetres on an A4 portrait page, measured from the page's top-left
corner (x to the right, y downwards) and always refers to the *centre* of an element.
The printer draws exactly these coordinates and the reader maps exactly these
coordinates through the scan's homography, so a change here can never make the two
disagree.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import cached_property
from typing import Any

PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0

#: ArUco dictionary used for the corner markers (name of the cv2.aruco constant).
MARKER_DICTIONARY = "DICT_4X4_50"
#: Marker ids in corner order: top-left, top-right, bottom-right, bottom-left.  Four distinct
#: ids let the reader tell a page scanned upside down from one scanned the right way up.
MARKER_IDS = (0, 1, 2, 3)
MARKER_SIZE_MM = 12.0
MARKER_INSET_MM = 17.0  # marker centre from the page edge: outer edge 11 mm from the edge

BUBBLE_RADIUS_MM = 2.3
LABELS_DIGITS = "123456789"
LABELS_KANA = "アイウエオカキクケ"

# Question area (bubble centres).  The top leaves room for the header, the QR code and
# the trainee-number grid; the bottom stays clear of the bottom markers' quiet zone.
_Q_FIRST_ROW_Y = 106.0
_Q_LAST_ROW_Y_MAX = 268.0
_Q_LEFT_X = 10.5
_Q_RIGHT_X = 199.5
_Q_NUMBER_W = 7.0  # room for the printed question number left of the first bubble
_Q_COLUMN_GAP = 3.0
_PREFERRED_ROWS = 25
# (row pitch, choice pitch) candidates, roomiest first: an HB pencil needs >= 6 mm.
_PITCHES = ((7.0, 7.0), (7.0, 6.5), (6.5, 6.5), (6.5, 6.0), (6.0, 6.0))

# Trainee-number grid: one column per digit position, rows 0-9, right-aligned.
_NUM_PITCH = 6.0
_NUM_RIGHT_X = 197.0
_NUM_BOX_Y = 36.0
_NUM_FIRST_ROW_Y = 44.0


class LayoutError(ValueError):
    """Raised when the requested form cannot be laid out on one A4 page."""


@dataclass(frozen=True)
class Rect:
    """Axis-aligned rectangle; x/y is the top-left corner (unlike bubbles and markers)."""

    x_mm: float
    y_mm: float
    w_mm: float
    h_mm: float

    def to_dict(self) -> dict[str, float]:
        return {"x_mm": self.x_mm, "y_mm": self.y_mm, "w_mm": self.w_mm, "h_mm": self.h_mm}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Rect:
        return cls(float(d["x_mm"]), float(d["y_mm"]), float(d["w_mm"]), float(d["h_mm"]))


@dataclass(frozen=True)
class Marker:
    id: int
    x_mm: float
    y_mm: float
    size_mm: float

    def corners_mm(self) -> list[tuple[float, float]]:
        """Corners in ArUco order (TL, TR, BR, BL of the upright marker image)."""
        h = self.size_mm / 2
        x, y = self.x_mm, self.y_mm
        return [(x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h)]


@dataclass(frozen=True)
class Bubble:
    label: str
    x_mm: float
    y_mm: float
    r_mm: float

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "x_mm": self.x_mm, "y_mm": self.y_mm, "r_mm": self.r_mm}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Bubble:
        return cls(str(d["label"]), float(d["x_mm"]), float(d["y_mm"]), float(d["r_mm"]))


@dataclass(frozen=True)
class Question:
    number: int
    choices: tuple[Bubble, ...]
    #: Where the question number is printed (centre).
    label_x_mm: float
    label_y_mm: float


@dataclass(frozen=True)
class DigitColumn:
    """One digit position of the trainee number: a write-in box above bubbles 0-9."""

    position: int
    x_mm: float
    box_y_mm: float
    bubbles: tuple[Bubble, ...]


@dataclass(frozen=True)
class Layout:
    num_questions: int
    num_choices: int
    labels: str
    number_digits: int
    markers: tuple[Marker, ...]
    questions: tuple[Question, ...]
    trainee_number: tuple[DigitColumn, ...]
    qr: Rect
    header: Rect
    name_box: Rect
    instructions: Rect
    row_pitch_mm: float
    choice_pitch_mm: float
    page_width_mm: float = PAGE_WIDTH_MM
    page_height_mm: float = PAGE_HEIGHT_MM

    @property
    def choice_labels(self) -> tuple[str, ...]:
        return tuple(b.label for b in self.questions[0].choices)

    def question(self, number: int) -> Question:
        return self.questions[number - 1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "page": {"width_mm": self.page_width_mm, "height_mm": self.page_height_mm},
            "params": {
                "num_questions": self.num_questions,
                "num_choices": self.num_choices,
                "labels": self.labels,
                "number_digits": self.number_digits,
                "row_pitch_mm": self.row_pitch_mm,
                "choice_pitch_mm": self.choice_pitch_mm,
            },
            "marker_dictionary": MARKER_DICTIONARY,
            "markers": [
                {"id": m.id, "x_mm": m.x_mm, "y_mm": m.y_mm, "size_mm": m.size_mm}
                for m in self.markers
            ],
            "questions": [
                {
                    "number": q.number,
                    "label_x_mm": q.label_x_mm,
                    "label_y_mm": q.label_y_mm,
                    "choices": [b.to_dict() for b in q.choices],
                }
                for q in self.questions
            ],
            "trainee_number": {
                "digits": [
                    {
                        "position": c.position,
                        "x_mm": c.x_mm,
                        "box_y_mm": c.box_y_mm,
                        "bubbles": [b.to_dict() for b in c.bubbles],
                    }
                    for c in self.trainee_number
                ]
            },
            "qr": self.qr.to_dict(),
            "header": self.header.to_dict(),
            "name_box": self.name_box.to_dict(),
            "instructions": self.instructions.to_dict(),
            "fingerprint": self.fingerprint,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Layout:
        p = d["params"]
        layout = cls(
            num_questions=int(p["num_questions"]),
            num_choices=int(p["num_choices"]),
            labels=str(p["labels"]),
            number_digits=int(p["number_digits"]),
            markers=tuple(
                Marker(int(m["id"]), float(m["x_mm"]), float(m["y_mm"]), float(m["size_mm"]))
                for m in d["markers"]
            ),
            questions=tuple(
                Question(
                    number=int(q["number"]),
                    choices=tuple(Bubble.from_dict(b) for b in q["choices"]),
                    label_x_mm=float(q["label_x_mm"]),
                    label_y_mm=float(q["label_y_mm"]),
                )
                for q in d["questions"]
            ),
            trainee_number=tuple(
                DigitColumn(
                    position=int(c["position"]),
                    x_mm=float(c["x_mm"]),
                    box_y_mm=float(c["box_y_mm"]),
                    bubbles=tuple(Bubble.from_dict(b) for b in c["bubbles"]),
                )
                for c in d["trainee_number"]["digits"]
            ),
            qr=Rect.from_dict(d["qr"]),
            header=Rect.from_dict(d["header"]),
            name_box=Rect.from_dict(d["name_box"]),
            instructions=Rect.from_dict(d["instructions"]),
            row_pitch_mm=float(p["row_pitch_mm"]),
            choice_pitch_mm=float(p["choice_pitch_mm"]),
            page_width_mm=float(d["page"]["width_mm"]),
            page_height_mm=float(d["page"]["height_mm"]),
        )
        expected = d.get("fingerprint")
        if expected is not None and expected != layout.fingerprint:
            raise LayoutError(f"layout fingerprint mismatch: {expected} != {layout.fingerprint}")
        return layout

    @classmethod
    def from_json(cls, text: str) -> Layout:
        return cls.from_dict(json.loads(text))

    @cached_property
    def fingerprint(self) -> str:
        """8 hex digits identifying the geometry, so a form printed for another layout is caught.

        Only what the reader depends on (markers, bubbles, labels) goes in; header text and
        decoration can change without invalidating printed forms.
        """
        geometry = {
            "m": [(m.id, m.x_mm, m.y_mm, m.size_mm) for m in self.markers],
            "q": [[(b.label, b.x_mm, b.y_mm, b.r_mm) for b in q.choices] for q in self.questions],
            "t": [[(b.x_mm, b.y_mm, b.r_mm) for b in c.bubbles] for c in self.trainee_number],
            "qr": [self.qr.x_mm, self.qr.y_mm, self.qr.w_mm],
        }
        blob = json.dumps(geometry, separators=(",", ":")).encode()
        return hashlib.sha256(blob).hexdigest()[:8]


def _labels(kind: str, n: int) -> str:
    if kind == "digits":
        return LABELS_DIGITS[:n]
    if kind == "kana":
        return LABELS_KANA[:n]
    raise LayoutError(f"labels must be 'digits' or 'kana', not {kind!r}")


def _grid_plan(num_questions: int, num_choices: int) -> tuple[float, float, int, int]:
    """Pick pitches and columns x rows: the roomiest pitch that fits, <= 25 rows preferred."""
    width = _Q_RIGHT_X - _Q_LEFT_X
    for row_pitch, choice_pitch in _PITCHES:
        col_w = _Q_NUMBER_W + num_choices * choice_pitch
        max_cols = int((width + _Q_COLUMN_GAP) // (col_w + _Q_COLUMN_GAP))
        max_rows = int((_Q_LAST_ROW_Y_MAX - _Q_FIRST_ROW_Y) // row_pitch) + 1
        if max_cols * max_rows < num_questions:
            continue
        rows = min(max_rows, _PREFERRED_ROWS)
        cols = math.ceil(num_questions / rows)
        if cols > max_cols:
            cols = max_cols
            rows = math.ceil(num_questions / cols)
        rows = math.ceil(num_questions / cols)  # balance the columns
        return row_pitch, choice_pitch, cols, rows
    width_needed = _Q_NUMBER_W + num_choices * 6.0
    max_cols = int((width + _Q_COLUMN_GAP) // (width_needed + _Q_COLUMN_GAP))
    max_rows = int((_Q_LAST_ROW_Y_MAX - _Q_FIRST_ROW_Y) // 6.0) + 1
    raise LayoutError(
        f"{num_questions} questions x {num_choices} choices do not fit on one A4 page "
        f"(at most {max_cols * max_rows} questions with {num_choices} choices)"
    )


def build_layout(
    num_questions: int,
    num_choices: int,
    labels: str = "digits",
    number_digits: int = 8,
) -> Layout:
    """Compute the complete, deterministic geometry of an answer sheet."""
    if not 1 <= num_questions <= 100:
        raise LayoutError("num_questions must be between 1 and 100")
    if not 2 <= num_choices <= 9:
        raise LayoutError("num_choices must be between 2 and 9")
    if not 4 <= number_digits <= 10:
        raise LayoutError("number_digits must be between 4 and 10")
    label_chars = _labels(labels, num_choices)

    m, s = MARKER_INSET_MM, MARKER_SIZE_MM
    markers = (
        Marker(MARKER_IDS[0], m, m, s),
        Marker(MARKER_IDS[1], PAGE_WIDTH_MM - m, m, s),
        Marker(MARKER_IDS[2], PAGE_WIDTH_MM - m, PAGE_HEIGHT_MM - m, s),
        Marker(MARKER_IDS[3], m, PAGE_HEIGHT_MM - m, s),
    )

    row_pitch, choice_pitch, cols, rows = _grid_plan(num_questions, num_choices)
    col_w = _Q_NUMBER_W + num_choices * choice_pitch
    total_w = cols * col_w + (cols - 1) * _Q_COLUMN_GAP
    x_start = _Q_LEFT_X + ((_Q_RIGHT_X - _Q_LEFT_X) - total_w) / 2
    questions = []
    for i in range(num_questions):
        col, row = divmod(i, rows)
        x0 = x_start + col * (col_w + _Q_COLUMN_GAP)
        y = round(_Q_FIRST_ROW_Y + row * row_pitch, 3)
        choices = tuple(
            Bubble(
                label_chars[j],
                round(x0 + _Q_NUMBER_W + (j + 0.5) * choice_pitch, 3),
                y,
                BUBBLE_RADIUS_MM,
            )
            for j in range(num_choices)
        )
        questions.append(Question(i + 1, choices, round(x0 + _Q_NUMBER_W / 2, 3), y))

    digits = []
    for pos in range(number_digits):
        x = round(_NUM_RIGHT_X - (number_digits - 1 - pos) * _NUM_PITCH, 3)
        bubbles = tuple(
            Bubble(str(d), x, round(_NUM_FIRST_ROW_Y + d * _NUM_PITCH, 3), BUBBLE_RADIUS_MM)
            for d in range(10)
        )
        digits.append(DigitColumn(pos, x, _NUM_BOX_Y, bubbles))

    num_left = digits[0].x_mm - _NUM_PITCH / 2
    qr = Rect(num_left - 30.0, 27.0, 25.0, 25.0)
    return Layout(
        num_questions=num_questions,
        num_choices=num_choices,
        labels=labels,
        number_digits=number_digits,
        markers=markers,
        questions=tuple(questions),
        trainee_number=tuple(digits),
        qr=qr,
        header=Rect(26.0, 10.0, PAGE_WIDTH_MM - 52.0, 14.0),
        name_box=Rect(12.0, 27.0, qr.x_mm - 16.0, 27.0),
        instructions=Rect(12.0, 57.0, qr.x_mm + qr.w_mm - 12.0, 40.0),
        row_pitch_mm=row_pitch,
        choice_pitch_mm=choice_pitch,
    )
