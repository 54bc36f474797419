"""Builders for the certificate card tests: trainees certified by the committee and the
agency through the real services (with romaji names, as the roster holds them), the issuer
key unlocked, and an independent QR decoder for rendered PDFs."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from committeekit import ADMIN, check_all, make_run, open_meeting, sit_exam, trainee_id
from examkit import COMMITTEE

from scfn_desktop.db import Database
from scfn_desktop.services.committee import certification, decisions, meetings
from scfn_desktop.services.roster.trainees import update_trainee

CERTIFIED_ON = date(2025, 3, 28)  # FY2024: valid until 2028-03-31
VALID_UNTIL = date(2028, 3, 31)
TODAY = date(2026, 12, 1)
ORGANISATIONS = ("新宿区多文化共生プラザ", "東京都つながり創生財団")
REFERENCE = "出入国在留管理庁 令和7年3月28日付 入管庁第123号"
# committeekit's FAMILY and GIVEN names in romaji (family name first, in capitals)
FAMILY_ROMAJI = ["SATO", "SUZUKI", "TAKAHASHI", "TANAKA", "ITO", "WATANABE", "YAMAMOTO",
                 "NAKAMURA", "KOBAYASHI", "KATO"]
GIVEN_ROMAJI = ["Hanako", "Taro", "Misaki", "Kenta", "Hina", "Sho", "Sakura", "Daisuke", "Yui",
                "Takumi"]


def romaji(i: int) -> str:
    """The romaji of committeekit's trainee i (佐藤 健太 -> SATO Kenta)."""
    return f"{FAMILY_ROMAJI[(i - 1) % 10]} {GIVEN_ROMAJI[(i * 3) % 10]}"


def awaiting_agency(db: Database, people: int = 4, term: int = 1) -> list[int]:
    """A run (term `term`) of `people` trainees certified by the committee (meeting closed),
    awaiting the agency's 認証; returns their trainee ids."""
    run = make_run(db, people, term=term)
    for i in range(1, people + 1):
        update_trainee(db, ADMIN, trainee_id(db, i, term),
                       {"romaji": romaji(i), "email": f"person{i}@example.jp",
                        "organisation": ORGANISATIONS[i % 2], "prefecture": "東京都"})
    sit_exam(db, run, dict.fromkeys(range(1, people + 1), 9), term=term)
    check_all(db, run)
    meeting = open_meeting(db, run)
    ids = [trainee_id(db, i, term) for i in range(1, people + 1)]
    for tid in ids:
        decisions.decide(db, COMMITTEE, meeting, tid, "certify", reason="出席簿で出席を確認")
    meetings.close_meeting(db, COMMITTEE, meeting)
    return ids


def certified_run(db: Database, people: int = 4, certified_on: date = CERTIFIED_ON,
                  today: date = TODAY) -> list[str]:
    """A run of `people` trainees, all certified (committee, then the agency on
    `certified_on`); returns their certificate numbers in trainee order."""
    ids = awaiting_agency(db, people)
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


def stations_at_once(url: str, count: int, act) -> list[object]:  # type: ignore[no-untyped-def]
    """Run `act(db)` on `count` stations at the same instant, each on its own connection
    (its own `Database`); returns what each returned or raised."""
    import threading

    from scfn_desktop.db.session import Database as Station

    barrier = threading.Barrier(count)
    outcomes: list[object] = []

    def station() -> None:
        own = Station(url)
        try:
            barrier.wait()
            outcomes.append(act(own))
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcomes.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=station) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return outcomes


def concurrent_reissues_and_issues(db: Database, key, stations: int = 4) -> None:  # type: ignore[no-untyped-def]
    """Stations issue the batch at once (each certificate gets exactly one first card), then
    reissue the same card at once (revisions 2..n+1, none given twice, none skipped); only the
    newest card verifies as valid, the audit chain holds."""
    from sqlalchemy import func, select

    from scfn_desktop.credentials import CardStatus
    from scfn_desktop.db.models.certificates import CertificateCard
    from scfn_desktop.services import audit
    from scfn_desktop.services.certificates import cards
    from scfn_desktop.services.certificates.verification import verify_text
    from scfn_desktop.services.errors import ValidationFailed
    from scfn_desktop.services.progress import run_to_end

    numbers = certified_run(db, 3)
    issued = stations_at_once(db.url, stations, lambda own: run_to_end(
        cards.issue_cards(own, ADMIN, key, today=TODAY)))
    assert all(not isinstance(o, BaseException) or isinstance(o, ValidationFailed)
               for o in issued), issued
    assert sum(len(o.issued) for o in issued if not isinstance(o, BaseException)) == 3
    reissued = stations_at_once(db.url, stations, lambda own: cards.reissue_card(
        own, ADMIN, key, numbers[0], "loss", today=TODAY))
    assert not [o for o in reissued if isinstance(o, BaseException)], reissued
    assert sorted(o.revision for o in reissued) == list(range(2, stations + 2))
    with db.session() as s:
        revisions = s.scalars(select(CertificateCard.revision).where(
            CertificateCard.certificate_id == reissued[0].certificate_id)).all()
        assert sorted(revisions) == list(range(1, stations + 2))
        assert s.scalar(select(func.count(CertificateCard.id))) == 3 + stations
        assert audit.verify_chain(s).ok
    states = {o.revision: verify_text(db, o.token, today=TODAY).status for o in reissued}
    assert states.pop(stations + 1) is CardStatus.VALID
    assert set(states.values()) == {CardStatus.SUPERSEDED}
