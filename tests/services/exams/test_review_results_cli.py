"""Review decisions as events, results/statistics/exports, the demo exam and the CLI."""

from __future__ import annotations

import json
import re
import subprocess

import openpyxl
import pytest
from examkit import (
    COMMITTEE,
    PROCTOR,
    add_sheet,
    fill,
    make_exam,
    make_run,
    number,
    printed_pages,
    trainee_id,
    write_png,
)

from scfn_desktop import cli
from scfn_desktop.services.admin import accounts
from scfn_desktop.services.demo import loader as demo
from scfn_desktop.services.errors import PermissionDenied, ValidationFailed
from scfn_desktop.services.exams import review
from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.exams.exports import export_overlays, export_results
from scfn_desktop.services.exams.item_analysis import item_analysis
from scfn_desktop.services.exams.results import (
    exam_results,
    overlay_image,
    sheet_reading,
)
from scfn_desktop.services.exams.scanning import import_scans
from scfn_desktop.services.permissions import SYSTEM
from scfn_desktop.services.progress import run_to_end

N, K = 10, 4
KEY = "1,2,3,4,1,2,3,4,1,2"
RIGHT = {q: KEY.split(",")[q - 1] for q in range(1, N + 1)}


def test_decisions_are_events_and_the_latest_counts(db):
    run = make_run(db, 2)
    exam_id = make_exam(db, run, n=3, key="1,1,1", pass_percent=100)
    add_sheet(db, exam_id, trainee_id(db, 1), {1: ("doubtful", "1"), 2: ("single", "1"),
                                               3: ("single", "1")})
    (item,) = review.review_queue(db, exam_id)
    assert item.kind == "mark" and item.question == 1 and not item.resolved
    assert exam_results(db, exam_id).by_number()[number(1)].status == "pending"
    with pytest.raises(PermissionDenied):
        review.decide(db, COMMITTEE, item.mark_id, ["1"])
    with pytest.raises(ValidationFailed):
        review.decide(db, PROCTOR, item.mark_id, ["7"])
    review.decide(db, PROCTOR, item.mark_id, "blank")
    assert exam_results(db, exam_id).by_number()[number(1)].status == "failed"
    answer = review.decide(db, PROCTOR, item.mark_id, ["1"])
    assert (answer.kind, answer.labels, answer.by) == ("labels", ("1",), "kantoku")
    assert exam_results(db, exam_id).by_number()[number(1)].status == "passed"
    (item,) = review.review_queue(db, exam_id)
    assert item.resolved and item.decision.by == "kantoku"
    assert [h[:3] for h in review.decision_history(db, item.mark_id)] == [
        ("blank", "", "kantoku"), ("labels", "1", "kantoku")]
    review.decide(db, PROCTOR, item.mark_id, "several")
    assert exam_results(db, exam_id).by_number()[number(1)].status == "failed"


def test_unidentified_sheet_is_assigned_and_duplicates_chosen(db):
    run = make_run(db, 2)
    exam_id = make_exam(db, run, n=2, key="1,1", pass_percent=100)
    lost = add_sheet(db, exam_id, None, {1: ("single", "1"), 2: ("single", "1")},
                     status="unidentified", error_code="number_doubtful")
    (item,) = review.review_queue(db, exam_id)
    assert item.kind == "identify" and item.sheet_id == lost
    review.assign_trainee(db, PROCTOR, lost, trainee_id(db, 2), "氏名欄で確認")
    assert review.review_queue(db, exam_id) == []
    assert exam_results(db, exam_id).by_number()[number(2)].status == "passed"
    second = add_sheet(db, exam_id, trainee_id(db, 2), {1: ("single", "2")}, status="duplicate")
    r = exam_results(db, exam_id).by_number()[number(2)]
    assert r.status == "pending" and set(r.duplicate_sheet_ids) == {lost, second}
    review.choose_counting_sheet(db, PROCTOR, second, "本人申告")
    assert exam_results(db, exam_id).by_number()[number(2)].status == "failed"
    review.discard_sheet(db, PROCTOR, second, "書き損じ")
    assert exam_results(db, exam_id).by_number()[number(2)].status == "passed"


def test_item_analysis_flags_a_flawed_question(db):
    run = make_run(db, 6)
    exam_id = make_exam(db, run, n=2, key="1,1")
    for i in range(1, 7):
        add_sheet(db, exam_id, trainee_id(db, i), {1: ("single", "1"), 2: ("single", "3")})
    s1, s2 = item_analysis(db, exam_id).items
    assert (s1.p, [f.code for f in s1.flags]) == (1.0, ["very_easy"])
    assert (s2.p, s2.blank) == (0.0, 0)
    assert [f.code for f in s2.flags] == ["distractor", "very_hard"]  # everyone chose 3


def test_exports(db, tmp_path):
    run = make_run(db, 3)
    exam_id = make_exam(db, run, n=N, key=KEY)
    p = printed_pages(str(exam_id), N, K, (number(1),))
    run_to_end(import_scans(db, PROCTOR, exam_id, [
        write_png(tmp_path / "a.png", fill(p[0], N, K, RIGHT, styles={3: "tick"}))]))
    export_results(db, COMMITTEE, exam_id, tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["結果"]
    rows = list(ws.values)
    assert rows[0][:5] == ("受講番号", "氏名", "得点", "満点", "判定")
    assert [r[4] for r in rows[1:]] == ["要確認", "未受験", "未受験"]
    export_results(db, COMMITTEE, exam_id, tmp_path / "r.csv")
    assert "未受験" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    sheet_id = exam_results(db, exam_id).trainees[0].sheet_id
    reading = sheet_reading(db, sheet_id)
    assert reading.warped is not None and reading.doubtful_questions == [3]
    img = overlay_image(db, sheet_id)
    assert img.ndim == 3 and img.shape[:2] == reading.warped.shape
    steps = []
    (pdf,) = run_to_end(export_overlays(db, COMMITTEE, exam_id, tmp_path / "sheets.pdf"),
                        steps.append)
    assert pdf.read_bytes()[:4] == b"%PDF" and steps[-1].done == steps[-1].total == 1
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"Pages:\s+1\n", info.stdout)
    assert re.search(r"Page size:\s+595.2\d* x 84\d", info.stdout)  # A4 wide, real size
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(pdf), str(tmp_path / "page")],
                   check=True)
    assert list(tmp_path.glob("page*.png"))


def test_exports_refuse_a_mismatched_name_and_leave_nothing_half_written(db, tmp_path):
    run = make_run(db, 3)
    exam_id = make_exam(db, run, n=N, key=KEY)
    p = printed_pages(str(exam_id), N, K, (number(1), number(2)))
    run_to_end(import_scans(db, PROCTOR, exam_id, [
        write_png(tmp_path / "s" / "a.png", fill(p[0], N, K, RIGHT)),
        write_png(tmp_path / "s" / "b.png", fill(p[1], N, K, RIGHT))]))
    with pytest.raises(ValidationFailed, match="overlay.pdf"):
        export_results(db, COMMITTEE, exam_id, tmp_path / "overlay.pdf")
    with pytest.raises(ValidationFailed, match=r"\.xlsx"):
        run_to_end(export_overlays(db, COMMITTEE, exam_id, tmp_path / "sheets.xlsx"))
    assert not (tmp_path / "overlay.pdf").exists() and not (tmp_path / "sheets.xlsx").exists()
    gen = export_overlays(db, COMMITTEE, exam_id, tmp_path / "cancelled.pdf")
    next(gen)
    next(gen)  # the first page is drawn
    gen.close()  # what Cancel does on the worker
    assert sorted(p.name for p in tmp_path.glob("cancelled*")) == []
    folder = run_to_end(export_overlays(db, COMMITTEE, exam_id, tmp_path / "pngs"))
    assert [p.suffix for p in folder] == [".png", ".png"]


def test_demo_adds_the_exam_once(db):
    demo.load_demo(db, SYSTEM)
    (exam,) = exams.list_exams(db)
    assert (exam.num_questions, exam.num_choices, exam.rule.pass_value) == (50, 4, 60.0)
    assert exam.number_digits == 6
    demo.load_demo(db, SYSTEM)
    assert len(exams.list_exams(db)) == 1


def test_cli_create_list_layout_print_and_scan_json(db, tmp_path, capsys, monkeypatch):
    run = make_run(db, 3)
    accounts.add_user(db, SYSTEM, "boss", "admin", "boss-pass")
    monkeypatch.setenv("SCFN_USER", "boss")  # every change from the CLI needs a login
    monkeypatch.setenv("SCFN_PASSWORD", "boss-pass")
    db.dispose()
    assert cli.main(["exam", "create", "--run", str(run), "--questions", str(N), "--choices",
                     "4", "--key", KEY.replace("1,2,3", "1/3,2,3", 1), "--pass-percent",
                     "60"]) == 0
    assert cli.main(["exam", "list", "--json"]) == 0
    out = capsys.readouterr().out
    listed = json.loads(out[out.index("["):])
    assert listed[0]["key"].startswith("1/3,2,3") and listed[0]["pass"]["value"] == 60
    exam_id = str(listed[0]["id"])
    assert cli.main(["sheets", "layout", "--exam", exam_id, "--json"]) == 0
    layout = json.loads(capsys.readouterr().out)
    assert layout["params"]["num_questions"] == N
    assert cli.main(["sheets", "print", "--exam", exam_id, "--blank", "1", "-o",
                     str(tmp_path / "f.pdf")]) == 0
    assert (tmp_path / "f.pdf").read_bytes()[:4] == b"%PDF"
    p = printed_pages(exam_id, N, K, (number(1), number(2)))
    a = write_png(tmp_path / "s" / "a.png", fill(p[0], N, K, RIGHT | {2: "34"}))
    write_png(tmp_path / "s" / "b.png", fill(p[1], N, K, RIGHT | {5: ""}, styles={7: "tick"}))
    capsys.readouterr()
    assert cli.main(["scan", "--exam", exam_id, str(tmp_path / "s"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["errors"] == []
    first, second = data["sheets"]
    assert set(first) == {"file", "page", "trainee", "answers", "doubtful", "score", "passed",
                          "already_imported"}
    assert first["already_imported"] is False
    assert [f["status"] for f in data["files"]] == ["imported", "imported"]
    assert first["file"] == str(a) and first["page"] == 1 and first["trainee"] == number(1)
    assert first["answers"]["1"] == ["1"] and first["answers"]["2"] == ["3", "4"]
    assert (first["doubtful"], first["score"], first["passed"]) == ([], 9, True)
    assert second["answers"]["5"] == [] and second["doubtful"] == [7]
    assert (second["score"], second["passed"]) == (None, None)
    # The same folder again: every file says it was imported before, per file and per sheet.
    assert cli.main(["scan", "--exam", exam_id, str(tmp_path / "s"), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert [f["already_imported"] for f in again["files"]] == [True, True]
    assert all(item["already_imported"] for item in again["sheets"])
    assert cli.main(["--lang", "en", "scan", "--exam", exam_id, str(tmp_path / "s")]) == 0
    out = capsys.readouterr().out
    assert "score 9 passed doubtful questions -" in out and "(already imported)" in out
    assert "0 sheets read, 0 errors, 2 files already imported" in out
    assert not any("\u3040" <= ch <= "\u9fff" for ch in out.replace(str(tmp_path), ""))
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "x.png").write_bytes(b"\x89PNG\r\n\x1a\nbroken")
    assert cli.main(["scan", "--exam", exam_id, str(tmp_path / "bad"), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["sheets"] == [] and data["errors"][0]["file"].endswith("x.png")
    assert cli.main(["exam", "void", "--exam", exam_id, "--question", "2", "--reason",
                     "設問不備"]) == 0
