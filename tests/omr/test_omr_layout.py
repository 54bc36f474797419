import itertools
import json

import pytest

from scfn_desktop.omr.layout import Layout, LayoutError, build_layout
from scfn_desktop.omr.sheet_code import (
    SheetCodeError,
    encode_sheet_code,
    parse_sheet_code,
)


def test_json_round_trip_and_shape():
    layout = build_layout(40, 5, labels="kana", number_digits=8)
    data = json.loads(layout.to_json())
    assert data["page"] == {"width_mm": 210.0, "height_mm": 297.0}
    assert [m["id"] for m in data["markers"]] == [0, 1, 2, 3]
    assert data["questions"][0]["number"] == 1
    assert [c["label"] for c in data["questions"][0]["choices"]] == list("アイウエオ")
    assert len(data["trainee_number"]["digits"]) == 8
    assert {"x_mm", "y_mm", "w_mm", "h_mm"} <= set(data["qr"])
    again = Layout.from_json(layout.to_json())
    assert again == layout
    assert again.fingerprint == layout.fingerprint


def test_tampered_json_is_rejected():
    data = json.loads(build_layout(10, 4).to_json())
    data["questions"][0]["choices"][0]["x_mm"] += 1
    with pytest.raises(LayoutError):
        Layout.from_dict(data)


@pytest.mark.parametrize("n,c", [(1, 2), (30, 4), (50, 4), (100, 4), (100, 6), (84, 9)])
def test_geometry_is_printable_and_fillable(n, c):
    layout = build_layout(n, c)
    bubbles = [b for q in layout.questions for b in q.choices]
    bubbles += [b for col in layout.trainee_number for b in col.bubbles]
    for b in bubbles:
        assert 2.0 <= b.r_mm <= 2.5
        assert b.x_mm - b.r_mm >= 8 and b.x_mm + b.r_mm <= 202
        assert b.y_mm - b.r_mm >= 8 and b.y_mm + b.r_mm <= 289
    # pencil-friendly spacing, and nothing overlaps the markers or the QR code
    pts = [(b.x_mm, b.y_mm) for b in bubbles]
    for (x1, y1), (x2, y2) in itertools.combinations(pts, 2):
        assert (x1 - x2) ** 2 + (y1 - y2) ** 2 >= 6.0**2 - 1e-6
    for m in layout.markers:
        assert m.x_mm - m.size_mm / 2 >= 8 and m.y_mm - m.size_mm / 2 >= 8
        for x, y in pts:
            assert max(abs(x - m.x_mm), abs(y - m.y_mm)) > m.size_mm / 2 + 4
    qr = layout.qr
    for x, y in pts:
        inside = qr.x_mm - 3 < x < qr.x_mm + qr.w_mm + 3 and qr.y_mm - 3 < y < qr.y_mm + qr.h_mm + 3
        assert not inside
    assert layout.questions[-1].number == n


def test_layouts_differ_in_fingerprint():
    assert build_layout(30, 4).fingerprint != build_layout(30, 5).fingerprint
    assert build_layout(30, 4).fingerprint == build_layout(30, 4).fingerprint


@pytest.mark.parametrize("args", [(0, 4), (101, 4), (10, 1), (10, 10), (100, 9)])
def test_impossible_layouts_raise(args):
    with pytest.raises(LayoutError):
        build_layout(*args)


def test_sheet_code_round_trip():
    text = encode_sheet_code("R7-01", "20250001", "0a1b2c3d")
    assert text == "SCFN1|ER7-01|T20250001|L0a1b2c3d"
    code = parse_sheet_code(text)
    assert (code.exam_id, code.trainee_number, code.layout_fingerprint) == (
        "R7-01",
        "20250001",
        "0a1b2c3d",
    )
    blank = parse_sheet_code(encode_sheet_code("R7-01", None, "0a1b2c3d"))
    assert blank.is_blank_form


@pytest.mark.parametrize(
    "text", ["https://example.com", "SCFN1|ER7|T1", "SCFN2|E1|T1|L0a1b2c3d", "SCFN1|Ex|Tab|L0"]
)
def test_foreign_sheet_codes_raise(text):
    with pytest.raises(SheetCodeError):
        parse_sheet_code(text)
