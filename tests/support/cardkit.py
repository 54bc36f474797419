"""Builders for the certificate card tests: trainees certified by the committee and the
agency through the real services (with romaji names, as the roster holds them), the issuer
key unlocked, and an independent QR decoder for rendered PDFs."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from committeekit import ADMIN, check_all, make_run, open_meeting, sit_exam, trainee_id
from examkit import COMMITTEE
from sqlalchemy import update

from scfn_desktop.db import Database
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.services.committee import certification, decisions, meetings

CERTIFIED_ON = date(2025, 3, 28)  # FY2024: valid until 2028-03-31
VALID_UNTIL = date(2028, 3, 31)
TODAY = date(2026, 12, 1)
REFERENCE = "出入国在留管理庁 令和7年3月28日付 入管庁第123号"
ROMAJI = ["SATO Hanako", "SUZUKI Taro", "TAKAHASHI Misaki", "TANAKA Kenta", "ITO Hina",
          "WATANABE Sho", "YAMAMOTO Sakura", "NAKAMURA Daisuke"]


def certified_run(db: Database, people: int = 4, certified_on: date = CERTIFIED_ON,
                  today: date = TODAY) -> list[str]:
    """A run of `people` trainees, all certified (committee, then the agency on
    `certified_on`); returns their certificate numbers in trainee order."""
    run = make_run(db, people)
    with db.transaction() as s:
        for i in range(1, people + 1):
            s.execute(update(Trainee).where(Trainee.id == trainee_id(db, i))
                      .values(romaji=ROMAJI[(i - 1) % len(ROMAJI)],
                              email=f"person{i}@example.jp"))
    sit_exam(db, run, dict.fromkeys(range(1, people + 1), 9))
    check_all(db, run)
    meeting = open_meeting(db, run)
    ids = [trainee_id(db, i) for i in range(1, people + 1)]
    for tid in ids:
        decisions.decide(db, COMMITTEE, meeting, tid, "certify", reason="出席簿で出席を確認")
    meetings.close_meeting(db, COMMITTEE, meeting)
    records = certification.record_certification(db, ADMIN, ids, certified_on, REFERENCE,
                                                 today=today)
    return [r.number for r in records]


def render_pages(pdf: Path, folder: Path, dpi: int = 300) -> list[Path]:
    """Every page of `pdf` as a PNG rendered by poppler (pdftoppm)."""
    prefix = folder / "page"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True)
    return sorted(folder.glob("page*.png"))


def decode_qr(png: Path) -> list[str]:
    """The QR texts in an image, read by zbar (pyzbar): a decoder independent of the
    application's own OpenCV reader."""
    from PIL import Image
    from pyzbar.pyzbar import ZBarSymbol, decode

    with Image.open(png) as image:
        return [r.data.decode("ascii") for r in decode(image, symbols=[ZBarSymbol.QRCODE])]
