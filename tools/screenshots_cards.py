"""Regenerate the certificate card and HTML verifier screenshots in docs/screenshots/:
card_front.png, card_back.png (pdftoppm -r 200), cards_a4_sheet.png, cards_calibration.png
(-r 60) and verifier_<state>.png (the standalone verifier in headless Chromium, one per state,
plus verifier_tampered_list.png).  Uses a throwaway key; needs poppler, chromium and
chromium-driver:
    .venv/bin/python tools/screenshots_cards.py [output-folder]
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "support"))

from chromium import chromium  # noqa: E402

from scfn_desktop.credentials import (  # noqa: E402
    CardClaims,
    CertificateNumber,
    KeyRing,
    RevocationEntry,
    RevocationStatus,
    holder_check,
    issue_card,
    sign_revocation_list,
)
from scfn_desktop.credentials.html_verifier import write_verifier_html  # noqa: E402
from scfn_desktop.printing.card_calibration import write_calibration_pdf  # noqa: E402
from scfn_desktop.printing.cards import CardPrintData, write_cards_pdf  # noqa: E402

KEY = Ed25519PrivateKey.generate()
OTHER = Ed25519PrivateKey.generate()


def _photo() -> bytes:
    image = Image.new("RGB", (600, 800), (214, 222, 236))
    draw = ImageDraw.Draw(image)
    draw.ellipse((170, 150, 430, 470), fill=(232, 196, 168))
    draw.rectangle((110, 560, 490, 800), fill=(48, 62, 92))
    draw.ellipse((150, 470, 450, 700), fill=(48, 62, 92))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def _card(serial: int, romaji: str, kanji: str = "", *, revision: int = 1,
          since: date = date(2026, 3, 1), until: date = date(2031, 3, 31),
          key: Ed25519PrivateKey = KEY, photo: bytes | None = None) -> CardPrintData:
    number = CertificateNumber(2025, serial)
    claims = CardClaims(number, revision, since, until, holder_check(romaji))
    return CardPrintData(kanji, romaji, str(number), since, until, issue_card(key, claims),
                         revision=revision, photo=photo)


def _png(pdf: Path, out: Path, dpi: int, page: int = 1) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "p"
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(prefix)], check=True)
        out.write_bytes(prefix.with_suffix(".png").read_bytes())


def cards(out: Path, work: Path) -> None:
    card = _card(1, "NGUYEN Van An", "グエン・ヴァン・アン", photo=_photo())
    pdf = work / "card.pdf"
    write_cards_pdf(pdf, [card])
    _png(pdf, out / "card_front.png", 200, 1)
    _png(pdf, out / "card_back.png", 200, 2)
    people = [("山田 太郎", "YAMADA Taro"), ("", "SANTOS Maria Clara"), ("佐藤 花子", "SATO Hanako"),
              ("李 小龍", "LI Xiaolong"), ("グエン・ティ・ラン", "NGUYEN Thi Lan")]
    sheet = [_card(10 + i, people[i % 5][1], people[i % 5][0]) for i in range(10)]
    write_cards_pdf(work / "sheet.pdf", sheet, layout="a4-10")
    _png(work / "sheet.pdf", out / "cards_a4_sheet.png", 60, 1)
    write_calibration_pdf(work / "calibration.pdf", (0.0, 0.0))
    _png(work / "calibration.pdf", out / "cards_calibration.png", 60, 1)


def verifier(out: Path, work: Path) -> None:
    ring = KeyRing.of(KEY.public_key())
    listing = sign_revocation_list(KEY, [
        RevocationEntry(CertificateNumber(2025, 2), 1, RevocationStatus.REVOKED,
                        date(2026, 6, 1), "欠格事由の判明"),
        RevocationEntry(CertificateNumber(2025, 3), 2, RevocationStatus.SUPERSEDED,
                        date(2026, 6, 2), "再交付（紛失）"),
    ], issued_at=datetime(2026, 6, 3, tzinfo=UTC))
    page = write_verifier_html(work / "verify.html", ring, listing)
    genuine = _card(1, "NGUYEN Van An").token
    codes = {
        "valid": (genuine, "NGUYEN Van An"),
        "expired": (_card(4, "SATO Hanako", since=date(2016, 3, 1),
                          until=date(2020, 3, 31)).token, ""),
        "revoked": (_card(2, "YAMADA Taro").token, ""),
        "superseded": (_card(3, "LI Xiaolong").token, ""),
        "unknown_key": (_card(5, "SATO Hanako", key=OTHER).token, ""),
        "forged": (genuine[:60] + ("1" if genuine[60] != "1" else "2") + genuine[61:], ""),
    }
    html = page.read_text(encoding="utf-8")
    tampered = work / "tampered.html"
    tampered.write_text(html.replace("欠格事由の判明", "（削除）", 1), encoding="utf-8")
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    with chromium(900, 1050) as driver:
        for state, (code, name) in codes.items():
            driver.get("about:blank")
            driver.get(page.as_uri())
            WebDriverWait(driver, 10).until(
                lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
            if name:
                driver.find_element(By.ID, "name").send_keys(name)
            box = driver.find_element(By.ID, "code")
            driver.execute_script("arguments[0].value = arguments[1]", box, code)
            box.send_keys(Keys.ENTER)
            WebDriverWait(driver, 10).until(
                lambda d, wanted=state: d.find_element(By.ID, "result").get_attribute(
                    "data-state") == wanted)
            driver.save_screenshot(str(out / f"verifier_{state}.png"))
        driver.get(tampered.as_uri())
        WebDriverWait(driver, 10).until(
            lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
        driver.save_screenshot(str(out / "verifier_tampered_list.png"))


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        cards(out, Path(tmp))
        verifier(out, Path(tmp))
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
