"""Certificate cards: time to produce 600 cards (both sides) per layout, and verification speed.

    PYTHONPATH=src python -m benchmarks.print_cards [--cards 600] [--photos none|prepared|raw]

Target: 600 cards under 10 s in each layout (card printer pages and A4 10-up sheets).  The
tokens are signed beforehand (as the issuing service does when it issues the certificates), so
the figure is the PDF: QR matrices, drawing, font subsetting, compression and the file write.
Verification throughput is ``verify_card`` on genuine codes with a 1,000-entry revocation list
(what ``scfn verify`` and the verify page do per scan), and ``find_codes`` on the printed PDF
(reading codes back from a rendered page).  Prints Markdown for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image, ImageDraw

from benchmarks._machine import machine_lines
from scfn_desktop.credentials import (
    CardClaims,
    CertificateNumber,
    KeyRing,
    RevocationEntry,
    RevocationStatus,
    find_codes,
    holder_check,
    issue_card,
    read_revocation_list,
    sign_revocation_list,
    verify_card,
)
from scfn_desktop.printing.cards import CardPrintData, prepare_photo, write_cards_pdf

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
RING = KeyRing.of(KEY.public_key())
TARGET_S = 10.0


def _photo(prepared: bool) -> bytes:
    """A 1200 x 1600 camera-like JPEG, or the same after ``prepare_photo`` (what the photo
    import stores, so a print run only copies it)."""
    image = Image.new("RGB", (1200, 1600), (205, 215, 232))
    ImageDraw.Draw(image).ellipse((300, 240, 900, 1040), fill=(228, 190, 160))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return prepare_photo(buffer.getvalue()) if prepared else buffer.getvalue()


def make_cards(count: int, photos: str = "none") -> list[CardPrintData]:
    photo = None if photos == "none" else _photo(prepared=photos == "prepared")
    cards = []
    for serial in range(1, count + 1):
        number = CertificateNumber(2025, serial)
        claims = CardClaims(number, 1, date(2026, 3, 1), date(2031, 3, 31),
                            holder_check(f"TANAKA Ichiro{serial}"))
        cards.append(CardPrintData("田中 一郎", f"TANAKA Ichiro{serial}", str(number),
                                   claims.certified_on, claims.valid_until,
                                   issue_card(KEY, claims), photo=photo))
    return cards


def time_layout(cards: list[CardPrintData], layout: str, folder: Path) -> tuple[float, int, Path]:
    path = folder / f"cards-{layout}.pdf"
    start = time.perf_counter()
    cpu = time.process_time()
    write_cards_pdf(path, cards, layout=layout)
    return time.perf_counter() - start, int((time.process_time() - cpu) * 1000), path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=600)
    parser.add_argument("--photos", choices=("none", "prepared", "raw"), default="none",
                        help="a photo on every card: as stored after import, or raw 1200x1600")
    args = parser.parse_args()
    cards = make_cards(args.cards, args.photos)
    print("\n".join(machine_lines({"cards": str(args.cards), "photos": args.photos})))
    print()
    print("| layout | cards | pages | wall s | CPU s | cards/s | PDF MB | target < 10 s |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for layout in ("card", "a4-10"):
            wall, cpu_ms, path = time_layout(cards, layout, folder)
            pages = 2 * args.cards if layout == "card" else 2 * -(-args.cards // 10)
            print(f"| {layout} | {args.cards} | {pages} | {wall:.2f} | {cpu_ms / 1000:.2f} | "
                  f"{args.cards / wall:.0f} | {os.path.getsize(path) / 2**20:.1f} | "
                  f"{'met' if wall < TARGET_S else 'MISSED'} |")
        sample = folder / "sample.pdf"
        write_cards_pdf(sample, cards[:10], layout="a4-10")
        start = time.perf_counter()
        found = find_codes(sample.read_bytes())
        read_s = time.perf_counter() - start
    entries = [RevocationEntry(CertificateNumber(2024, n), 1, RevocationStatus.REVOKED,
                               date(2026, 1, 1)) for n in range(1, 1001)]
    listing = read_revocation_list(sign_revocation_list(
        KEY, entries, issued_at=datetime(2026, 6, 1, tzinfo=UTC)), RING)
    tokens = [card.token for card in cards]
    start = time.perf_counter()
    statuses = [verify_card(token, RING, revocations=listing).status for token in tokens]
    verify_s = time.perf_counter() - start
    assert set(statuses) == {"valid"}
    print()
    print("| verification | count | seconds | per second |")
    print("|---|---|---|---|")
    print(f"| `verify_card` (1,000-entry revocation list) | {len(tokens)} | {verify_s:.2f} | "
          f"{len(tokens) / verify_s:,.0f} |")
    print(f"| `find_codes` on an A4 sheet PDF (2 pages, 300 dpi) | {len(found)} | {read_s:.2f} | "
          f"{len(found) / read_s:.1f} |")


if __name__ == "__main__":
    main()
