"""The scanner check (issue 8, part 4): the check form made by `scfn sheets calibration`,
read back from scans made with good and with ruinous settings, through the service and the
CLI, in Japanese and English; and `scfn scan --watch` on a folder."""

from __future__ import annotations

import json
import subprocess

import cv2
import numpy as np
import pytest
from examkit import PROCTOR, STAFF, fill, make_exam, make_run, number, printed_pages, write_png

from scfn_desktop import cli
from scfn_desktop.omr import synthetic as syn
from scfn_desktop.omr.calibration import (
    CALIBRATION_NUMBER,
    FIRM_ROW,
    LIGHT_ROW,
    STEPS,
    calibration_layout,
)
from scfn_desktop.printing.answer_sheets import rasterize_pdf
from scfn_desktop.services.admin import accounts
from scfn_desktop.services.errors import PermissionDenied, ServiceError
from scfn_desktop.services.exams.calibration import check_scanner, make_check_form
from scfn_desktop.services.permissions import SYSTEM
from scfn_desktop.services.progress import run_to_end

DPI = 300.0
SCAN = syn.Condition("scan", dpi=300, rotation_deg=1, blur_sigma_px=0.5, noise_sigma=3)


@pytest.fixture
def cli_login(db, monkeypatch):
    """Every change from the CLI needs a login (the check records an audit entry)."""
    accounts.add_user(db, SYSTEM, "kantoku", "proctor", "kantoku-pass")
    monkeypatch.setenv("SCFN_USER", "kantoku")
    monkeypatch.setenv("SCFN_PASSWORD", "kantoku-pass")


@pytest.fixture
def form(db, tmp_path):
    pdf = tmp_path / "check.pdf"
    assert make_check_form(db, PROCTOR, pdf) == 1
    return pdf


@pytest.fixture
def filled(form):
    """The printed form with row 3 filled firmly and row 4 lightly, upright at 300 dpi."""
    page = rasterize_pdf(form.read_bytes(), DPI)[0]
    layout, rng = calibration_layout(), np.random.default_rng(7)
    img = syn.draw_marks(page, layout, [syn.Mark(FIRM_ROW, c, "solid") for c in range(5)],
                         DPI, rng)
    return syn.draw_marks(img, layout, [syn.Mark(LIGHT_ROW, c, "solid") for c in range(5)],
                          DPI, rng, hand=0.4)


def test_the_form_is_one_page_with_its_qr_and_text(form):
    text = subprocess.run(["pdftotext", str(form), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "スキャナー確認用紙" in text and "Scanner check form" in text
    assert "鉛筆で薄く塗る" in text and "100%" in text
    page = rasterize_pdf(form.read_bytes(), 200)[0]
    pyzbar = pytest.importorskip("pyzbar.pyzbar")
    decoded = pyzbar.decode(page)
    assert decoded[0].data.decode().startswith(f"SCFN1|ECALIBRATION|T{CALIBRATION_NUMBER}|L")


def test_good_settings_are_fit(db, filled, tmp_path):
    path = write_png(tmp_path / "good.png", syn.degrade(filled, DPI, SCAN,
                                                        np.random.default_rng(1)))
    report = run_to_end(check_scanner(db, PROCTOR, path))
    assert report.fit, report.checks
    assert report.dpi == pytest.approx(300, abs=5) and report.colour_mode == "grey"
    assert [p for p, _m in report.steps] == list(STEPS)
    assert all(abs(m - p) < 0.05 for p, m in report.steps)  # a linear scanner
    assert min(report.firm) > 0.3 and 0.1 < float(np.median(report.light)) < 0.3
    assert report.number == CALIBRATION_NUMBER and report.qr_text
    assert {c.code: c.status for c in report.checks}["pencil"] == "ok"


@pytest.mark.parametrize("damage, failing", [
    ("black-and-white", {"colour_mode", "light_steps"}),
    ("background removal", {"light_steps"}),
    ("100 dpi", {"resolution"}),
])
def test_ruinous_settings_are_named(db, filled, tmp_path, damage, failing):
    rng = np.random.default_rng(2)
    if damage == "100 dpi":
        scan = syn.degrade(filled, DPI, syn.Condition("low", dpi=100, noise_sigma=2), rng)
    else:
        scan = syn.degrade(filled, DPI, SCAN, rng)
    if damage == "black-and-white":
        scan = np.where(scan > 128, 255, 0).astype(np.uint8)
    elif damage == "background removal":  # light grey pushed to white, like "text" modes
        scan = np.clip(scan.astype(np.float32) * 255 / 190, 0, 255).astype(np.uint8)
    report = run_to_end(check_scanner(db, PROCTOR, write_png(tmp_path / "x.png", scan)))
    assert not report.fit
    unfit = {c.code for c in report.checks if c.status == "unfit"}
    assert failing <= unfit
    assert all(c.message_ja and c.message_en for c in report.checks)


def test_a_colour_scan_and_unfilled_pencil_rows(db, form, tmp_path):
    page = rasterize_pdf(form.read_bytes(), 200, grey=False)[0]
    path = tmp_path / "colour.png"
    path.write_bytes(cv2.imencode(".png", page)[1].tobytes())
    report = run_to_end(check_scanner(db, PROCTOR, path))
    assert report.colour_mode == "colour" and report.fit
    pencil = next(c for c in report.checks if c.code == "pencil")
    assert pencil.status == "warning" and "3" in pencil.message_ja


def test_an_answer_sheet_is_not_the_check_form(db, tmp_path):
    exam = make_exam(db, make_run(db, 2), n=10, key="1,2,3,4,1,2,3,4,1,2")
    sheet = printed_pages(str(exam), 10, 4, (number(1),))[0]
    path = write_png(tmp_path / "sheet.png", fill(sheet, 10, 4, {1: "1"}))
    with pytest.raises(ServiceError) as exc:
        run_to_end(check_scanner(db, PROCTOR, path))
    assert "スキャナー確認用紙ではありません" in exc.value.message("ja")
    with pytest.raises(PermissionDenied):
        run_to_end(check_scanner(db, STAFF, path))


def test_cli_makes_the_form_and_checks_a_scan(db, filled, tmp_path, capsys, cli_login):
    db.dispose()
    out = tmp_path / "cli-check.pdf"
    assert cli.main(["--lang", "ja", "sheets", "calibration", "-o", str(out)]) == 0
    assert out.read_bytes()[:4] == b"%PDF" and "100%" in capsys.readouterr().out
    good = write_png(tmp_path / "good.png", syn.degrade(filled, DPI, SCAN,
                                                        np.random.default_rng(3)))
    assert cli.main(["--lang", "ja", "scan", "--calibration", str(good)]) == 0
    text = capsys.readouterr().out
    assert "試験の解答用紙を読み取れます" in text and "300 dpi" in text
    bw = write_png(tmp_path / "bw.png", np.where(cv2.imread(str(good), 0) > 128, 255, 0)
                   .astype(np.uint8))
    assert cli.main(["--lang", "en", "scan", "--calibration", str(bw)]) == 1
    text = capsys.readouterr().out
    assert "[UNFIT]" in text and "black-and-white" in text and "not fit" in text
    assert cli.main(["scan", "--calibration", str(bw), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["fit"] is False and data["colour_mode"] == "black-and-white"


def test_cli_watch_imports_what_arrives_until_idle(db, tmp_path, capsys, cli_login):
    exam = make_exam(db, make_run(db, 2), n=10, key="1,2,3,4,1,2,3,4,1,2")
    db.dispose()
    folder = tmp_path / "hot"
    pages = printed_pages(str(exam), 10, 4, (number(1), number(2)))
    write_png(folder / "a.png", fill(pages[0], 10, 4, {1: "1"}))
    write_png(folder / "b.png", fill(pages[1], 10, 4, {1: "1", 2: "2"}))
    assert cli.main(["--lang", "en", "scan", "--exam", str(exam), "--watch", str(folder),
                     "--until-idle", "2.5", "--workers", "0", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(line["file"].rsplit("/", 1)[-1] for line in lines) == ["a.png", "b.png"]
    assert [s["trainee"] for line in lines for s in line["sheets"]] == [number(1), number(2)]
    assert cli.main(["scan", "--watch", str(folder)]) == 2  # no --exam
