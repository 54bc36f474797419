"""Item analysis checked against figures computed by hand, then on a graded exam in the
database, the xlsx export and `scfn exam stats`."""

from __future__ import annotations

import json
import math

import openpyxl
import pytest
from examkit import COMMITTEE, add_sheet, make_exam, make_run, trainee_id

from scfn_desktop import cli
from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.exams.exports import export_results
from scfn_desktop.services.exams.item_analysis import analyse, item_analysis

S = ("several", ())
B = ("blank", ())


def one(label: str) -> tuple[str, tuple[str, ...]]:
    return ("labels", (label,))


KEY = {1: ["1"], 2: ["2"], 3: ["3"], 4: ["4"]}
#          Q1        Q2        Q3        Q4 (voided)
HAND = [{1: one("1"), 2: one("2"), 3: one("1"), 4: one("4")},  # A
        {1: one("1"), 2: one("2"), 3: one("1"), 4: one("1")},  # B
        {1: one("1"), 2: one("2"), 3: one("3"), 4: one("4")},  # C
        {1: one("1"), 2: one("3"), 3: one("1"), 4: one("4")},  # D
        {1: one("2"), 2: one("3"), 3: one("3"), 4: one("2")},  # E
        {1: B, 2: S, 3: one("1"), 4: one("4")}]                # F


def test_a_small_case_computed_by_hand():
    """Six examinees A-F, four questions with choices 1-4, key 1/2/3/4, question 4 voided.

    Right (1) or wrong (0) on Q1-Q3, and the number-correct total T (Q4 is voided: left out):
        A 1 1 0 T=2   B 1 1 0 T=2   C 1 1 1 T=3   D 1 0 0 T=1   E 0 0 1 T=1   F 0 0 0 T=0
    (F left Q1 blank and marked Q2 twice: both wrong.)

    Difficulty p: Q1 4/6 = 0.667, Q2 3/6 = 0.5, Q3 2/6 = 0.333.

    KR-20: mean T = 9/6 = 1.5; σ² = (4+4+9+1+1+0)/6 - 1.5² = 19/6 - 9/4 = 11/12;
    Σpq = (4/6)(2/6) + (3/6)(3/6) + (2/6)(4/6) = 8/36 + 9/36 + 8/36 = 25/36;
    KR-20 = 3/2 · (1 - (25/36)/(11/12)) = 3/2 · (1 - 25/33) = 3/2 · 8/33 = 4/11 = 0.3636.

    Corrected point-biserial (the item against the rest R = T - item, population moments):
    Q1: R = 1,1,2,0,1,0; mean x = 2/3, mean R = 5/6; mean(xR) = 4/6;
        cov = 4/6 - (2/3)(5/6) = 1/9; var x = 2/9; var R = 7/6 - 25/36 = 17/36;
        r = (1/9)/√(2/9 · 17/36) = 2/√34 = 0.3430.
    Q2: R = 1,1,2,1,1,0; mean x = 1/2, mean R = 1; mean(xR) = 4/6; cov = 1/6;
        var x = 1/4; var R = 8/6 - 1 = 1/3; r = (1/6)/√(1/12) = √12/6 = 0.5774.
    Q3: R = 2,2,2,1,0,0; mean x = 1/3, mean R = 7/6; mean(xR) = 2/6;
        cov = 2/6 - 7/18 = -1/18; var x = 2/9; var R = 13/6 - 49/36 = 29/36;
        r = (-1/18)/√(2/9 · 29/36) = -1/√58 = -0.1313  -> negative: flagged.

    Upper-lower index: groups of round(0.27 · 6) = 2; by T: C 3, A 2, B 2, D 1, E 1, F 0 (ties
    in the given order), so upper = C, A and lower = E, F.
    Q1: 2/2 - 0/2 = 1.0; Q2: 2/2 - 0/2 = 1.0; Q3: (C 1 + A 0)/2 - (E 1 + F 0)/2 = 0.0.

    Choices of Q3: "1" by A, B, D, F = 4; "3" (the key) by C, E = 2; "2", "4" by nobody:
    a wrong choice picked more often than the key: flagged.
    Q2: "2" by A, B, C = 3; "3" by D, E = 2; F marked twice: multiple = 1.  Q1: F blank = 1.
    Q4 is voided: shown with its figures (4 of 6 chose the key "4"), no flags, not in KR-20.
    """
    t = analyse(KEY, {4}, "1234", HAND)
    q1, q2, q3, q4 = t.items
    assert t.examinees == 6 and t.kr20_items == 3 and t.group_size == 2
    assert t.kr20 == pytest.approx(4 / 11)
    assert t.mean == pytest.approx(1.5) and t.sd == pytest.approx(math.sqrt(11 / 12))
    assert [q.p for q in (q1, q2, q3)] == pytest.approx([4 / 6, 3 / 6, 2 / 6])
    assert q1.point_biserial == pytest.approx(2 / math.sqrt(34))
    assert q2.point_biserial == pytest.approx(math.sqrt(12) / 6)
    assert q3.point_biserial == pytest.approx(-1 / math.sqrt(58))
    assert [q.upper_lower for q in (q1, q2, q3)] == pytest.approx([1.0, 1.0, 0.0])
    assert [(c.label, c.count, c.is_key) for c in q3.choices] == [
        ("1", 4, False), ("2", 0, False), ("3", 2, True), ("4", 0, False)]
    assert q3.choices[0].share == pytest.approx(4 / 6)
    assert (q1.blank, q1.multiple, q2.blank, q2.multiple) == (1, 0, 0, 1)
    assert [f.code for f in q3.flags] == ["negative_discrimination", "distractor"]
    assert "「1」（4人）" in q3.flags[1].reason_ja and "key 3 (2)" in q3.flags[1].reason_en
    assert q1.flags == () and q2.flags == ()
    assert q4.voided and q4.flags == () and q4.correct == 4
    assert [i.question for i in t.flagged] == [3]


def test_edge_cases_never_divide_by_zero():
    everyone = [{1: one("1"), 2: one("2")} for _ in range(6)]
    t = analyse({1: ["1"], 2: ["2"]}, set(), "12", everyone)
    assert t.kr20 is None  # no variance in the totals
    assert t.items[0].point_biserial is None and t.items[0].p == 1.0
    assert [f.code for f in t.items[0].flags] == ["very_easy"]
    empty = analyse({1: ["1"]}, set(), "12", [])
    assert (empty.examinees, empty.kr20, empty.mean, empty.items[0].p) == (0, None, None, None)
    few = analyse(KEY, {4}, "1234", HAND[:4])  # 4 examinees: figures, but no flags
    assert few.flagged == [] and few.items[0].p == 1.0


@pytest.fixture
def hand_exam(db):
    """The hand-computed case as sheets in the database (trainees 1-6 = A-F) plus a seventh
    trainee whose sheet still waits for review (left out, counted as pending)."""
    run = make_run(db, 8)
    exam_id = make_exam(db, run, n=4, key="1,2,3,4")
    exams.void_question(db, COMMITTEE, exam_id, 4, "設問不備")
    kinds = {"labels": "single", "several": "multiple", "blank": "blank"}
    for i, answers in enumerate(HAND, start=1):
        add_sheet(db, exam_id, trainee_id(db, i), {q: (kinds[k], ls) for q, (k, ls)
                                                   in answers.items()})
    add_sheet(db, exam_id, trainee_id(db, 7), {1: ("doubtful", ())})
    return exam_id


def test_the_exam_in_the_database(db, hand_exam):
    t = item_analysis(db, hand_exam)
    assert (t.examinees, t.pending) == (6, 1)
    assert t.kr20 == pytest.approx(4 / 11)
    assert t.items[2].point_biserial == pytest.approx(-1 / math.sqrt(58))


def test_results_export_has_an_item_analysis_sheet(db, hand_exam, tmp_path):
    export_results(db, COMMITTEE, hand_exam, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    ws = wb["設問分析"]
    rows = list(ws.iter_rows(values_only=True))
    assert "KR-20" in str(rows[0][0]) and rows[0][1] == pytest.approx(4 / 11, abs=1e-3)
    header = rows[2]
    assert header[:7] == ("問", "正答", "没問", "正答率 p", "識別力 r（修正点双列相関）",
                          "上位-下位指数 D", "選択肢 1")
    q3 = rows[5]
    assert q3[0] == 3 and q3[3] == pytest.approx(0.333, abs=1e-3)
    assert q3[4] == pytest.approx(-0.131, abs=1e-3)
    assert "識別力が負" in q3[-2] and "Negative discrimination" in q3[-1]
    q4 = rows[6]
    assert q4[2] == "没問"


def test_cli_exam_stats(db, hand_exam, capsys):
    db.dispose()
    assert cli.main(["--lang", "en", "exam", "stats", "--exam", str(hand_exam), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["examinees"] == 6 and data["pending"] == 1
    assert data["kr20"] == pytest.approx(4 / 11, abs=1e-4)
    q3 = data["items"][2]
    assert q3["choices"] == {"1": 4, "2": 0, "3": 2, "4": 0}
    assert [f["code"] for f in q3["flags"]] == ["negative_discrimination", "distractor"]
    assert cli.main(["--lang", "en", "exam", "stats", "--exam", str(hand_exam)]) == 0
    out = capsys.readouterr().out
    assert "KR-20 0.364" in out and "Q3" in out and "check the key" in out
    assert cli.main(["--lang", "ja", "exam", "stats", "--exam", str(hand_exam)]) == 0
    assert "識別力が負" in capsys.readouterr().out
