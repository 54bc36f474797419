"""Badge PDFs as a printer gets them: rendered by poppler at 300 dpi, every QR code read by an
independent decoder (pyzbar) to a token the desk accepts; text inside its card; fonts embedded;
crop marks on the cutting lines; the card layout at ID-1 size."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from attendancekit import STAFF, after_start, make_run
from PIL import Image

from scfn_desktop.printing.badges import INSET_MM, LAYOUTS
from scfn_desktop.services.attendance import badges as badge_service
from scfn_desktop.services.attendance.desk import DeskStatus, open_desk, scan
from scfn_desktop.services.progress import run_to_end

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils missing")
MM_PER_PT = 25.4 / 72


def render(pdf: Path, tmp_path: Path, dpi: int = 300) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf),
                    str(tmp_path / "page")], check=True)
    return sorted(tmp_path.glob("page-*.png"))


def qr_texts(png: Path) -> list[str]:
    from pyzbar.pyzbar import ZBarSymbol, decode

    return [r.data.decode("ascii") for r in decode(Image.open(png), symbols=[ZBarSymbol.QRCODE])]


@pytest.fixture
def kit(db):
    return make_run(db, trainees=12, badges=False)


def test_a4_sheet_every_qr_decodes_to_an_accepted_token(db, kit, tmp_path):
    pdf = tmp_path / "badges.pdf"
    pages = run_to_end(badge_service.print_badges(db, STAFF, kit.run_id, pdf, "a4-10"))
    assert pages == 2 and not list(tmp_path.glob("*.part"))
    tokens = [t for png in render(pdf, tmp_path) for t in qr_texts(png)]
    assert len(tokens) == 12 and all(len(t) == 127 for t in tokens)
    desk = open_desk(db, kit.run_id, 1, "受付1")
    verdicts = [scan(db, STAFF, desk, t, at=after_start(-1)) for t in tokens]
    assert all(v.status is DeskStatus.ON_TIME for v in verdicts)
    assert sorted(v.trainee.number for v in verdicts) == kit.numbers
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "山田" in text and "YAMADA Hanako" in text and "251012" in text
    assert "グループ" in text and "令和7年度 第1期" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    lines = fonts.splitlines()[2:]
    assert lines and all(" yes " in line for line in lines)  # every font embedded


def test_text_stays_inside_its_card(db, kit, tmp_path):
    """Even a very long name and organisation never cross into the next card or the QR."""
    from scfn_desktop.db.models.roster import Organisation, Trainee

    with db.transaction() as s:
        t = s.query(Trainee).filter_by(trainee_number=kit.numbers[0]).one()
        t.family_name, t.given_name = "グエン・ティ・ミン・カイ", "アレクサンドラ・マリア・ルイーサ"
        t.romaji = "NGUYEN THI MINH KHAI Alexandra Maria Luisa de los Santos"
        t.organisation = Organisation(name="公益財団法人" + "国際交流" * 20 + "協会",
                                      prefecture="東京都")
    pdf = tmp_path / "long.pdf"
    run_to_end(badge_service.print_badges(db, STAFF, kit.run_id, pdf, "a4-10"))
    subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "b.html")], check=True)
    html = (tmp_path / "b.html").read_text(encoding="utf-8")
    lay = LAYOUTS["a4-10"]
    slots = [(x + INSET_MM - 0.5, y + INSET_MM - 0.5, x + lay.card_w - INSET_MM + 0.5,
              y + lay.card_h - INSET_MM + 0.5) for x, y in lay.origins()]
    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                       r"([^<]*)<", html)
    assert len(words) > 100
    for x0, y0, x1, y1, word in words:
        box = [float(v) * MM_PER_PT for v in (x0, y0, x1, y1)]
        assert any(a <= box[0] and b <= box[1] and box[2] <= c and box[3] <= d
                   for a, b, c, d in slots), (word, box)


def test_crop_marks_on_every_cutting_line(db, kit, tmp_path):
    pdf = tmp_path / "marks.pdf"
    run_to_end(badge_service.print_badges(db, STAFF, kit.run_id, pdf, "a4-10"))
    image = Image.open(render(pdf, tmp_path, dpi=100)[0]).convert("L")
    px = 100 / 25.4
    lay = LAYOUTS["a4-10"]
    for col in range(lay.columns + 1):
        x = round((lay.left + col * lay.card_w) * px)
        assert min(image.getpixel((x + dx, round(6 * px))) for dx in (-1, 0, 1)) < 128
    for row in range(lay.rows + 1):
        y = round((lay.top + row * lay.card_h) * px)
        assert min(image.getpixel((round(8 * px), y + dy)) for dy in (-1, 0, 1)) < 128


def test_card_layout_is_id1_one_per_page(db, kit, tmp_path):
    pdf = tmp_path / "cards.pdf"
    pages = run_to_end(badge_service.print_badges(db, STAFF, kit.run_id, pdf, "card",
                                                  kit.numbers[:3]))
    assert pages == 3
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (round(w * MM_PER_PT, 2), round(h * MM_PER_PT, 2)) == (85.6, 53.98)
    tokens = [t for png in render(pdf, tmp_path) for t in qr_texts(png)]
    assert len(tokens) == 3


def test_cancelled_printing_leaves_no_file(db, kit, tmp_path):
    pdf = tmp_path / "cancel.pdf"
    gen = badge_service.print_badges(db, STAFF, kit.run_id, pdf, "card")
    next(gen)
    next(gen)
    gen.close()
    assert not pdf.exists() and not list(tmp_path.glob("*.part"))
