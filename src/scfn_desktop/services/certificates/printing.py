"""Printing cards (認定証) already issued: card printer pages or A4 10-up, the calibration page,
and the A4 offset remembered per PC.

Printing signs nothing: each card revision carries its token from when it was issued, so
venue staff may print (PRINT_CARDS) without the issuer key. Only current revisions of
certificates that are not revoked are printed: a superseded or revoked card must not be
printed again. The offset is a property of this PC's printer, so it lives in this PC's
settings (`settings.json`), not in the shared database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from scfn_desktop.config import Settings
from scfn_desktop.db import Database
from scfn_desktop.db.models.certificates import Certificate, CertificatePhoto
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.printing.card_calibration import write_calibration_pdf
from scfn_desktop.printing.cards import (
    CardLayoutMode,
    CardPrintData,
    PrintInputError,
    iter_cards_pdf,
)
from scfn_desktop.services import audit
from scfn_desktop.services.certificates.cards import parse_numbers
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.files import cannot_save
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import Progress, ProgressGen

SETTINGS_KEY = "cards"
MAX_OFFSET_MM = 10.0
LAYOUTS = tuple(mode.value for mode in CardLayoutMode)


@dataclass(frozen=True)
class PrintResult:
    path: Path
    cards: int
    pages: int
    numbers: tuple[str, ...]


def saved_offset(settings: Settings | None = None) -> tuple[float, float]:
    """The A4 sheet offset (x, y) in mm saved on this PC; (0, 0) until calibrated."""
    raw = (settings or Settings.load()).extra.get(SETTINGS_KEY)
    try:
        x, y = float(raw["offset_x_mm"]), float(raw["offset_y_mm"])  # type: ignore[index]
    except (TypeError, KeyError, ValueError):
        return 0.0, 0.0
    return (x, y) if max(abs(x), abs(y)) <= MAX_OFFSET_MM else (0.0, 0.0)


def save_offset(actor: Actor, x_mm: float, y_mm: float, settings: Settings | None = None
                ) -> tuple[float, float]:
    """Remember the offset measured on the calibration page (±10 mm, 0.1 mm steps)."""
    require(actor, Permission.PRINT_CARDS)
    x, y = round(float(x_mm), 1), round(float(y_mm), 1)
    if max(abs(x), abs(y)) > MAX_OFFSET_MM:
        raise ValidationFailed(f"ずれの補正は ±{MAX_OFFSET_MM:g} mm までです。",
                               f"The offset is limited to ±{MAX_OFFSET_MM:g} mm.")
    settings = settings or Settings.load()
    entry = dict(settings.extra.get(SETTINGS_KEY) or {})
    entry.update(offset_x_mm=x, offset_y_mm=y)
    settings.extra[SETTINGS_KEY] = entry
    settings.save()
    return x, y


def write_calibration(actor: Actor, out: str | Path,
                      offset: tuple[float, float] | None = None) -> Path:
    """The A4 calibration page with the saved (or given) offset applied."""
    require(actor, Permission.PRINT_CARDS)
    path = Path(out)
    try:
        write_calibration_pdf(path, offset if offset is not None else saved_offset())
    except OSError as exc:
        raise cannot_save(path, exc) from exc
    return path


def card_print_data(db: Database, numbers: Sequence[str] | None = None,
                    run_id: int | None = None) -> list[CardPrintData]:
    """The current card of each certificate asked for (all printable ones when `numbers` is
    None), with its photo. Asking for a revoked certificate or one without a card is an
    error naming it; without `numbers` those are left out."""
    wanted = parse_numbers(numbers) if numbers is not None else None
    with db.session() as s:
        stmt = (select(Certificate).join(Trainee, Trainee.id == Certificate.trainee_id)
                .options(selectinload(Certificate.cards), selectinload(Certificate.revocation))
                .order_by(Certificate.year, Certificate.serial))
        if wanted is not None:
            stmt = stmt.where(Certificate.number.in_(wanted))
        if run_id is not None:
            stmt = stmt.where(Trainee.run_id == run_id)
        certs = list(s.scalars(stmt))
        photos = dict(s.execute(select(CertificatePhoto.certificate_id, CertificatePhoto.jpeg)
                                .where(CertificatePhoto.certificate_id.in_(
                                    [c.id for c in certs]))).all())
    if wanted is not None:
        found = {c.number for c in certs}
        problems = [(f"{n}: 見つかりません", f"{n}: not found") for n in wanted if n not in found]
        problems += [(f"{c.number}: 取り消されています", f"{c.number}: revoked")
                     for c in certs if c.revocation is not None]
        problems += [(f"{c.number}: まだ交付されていません", f"{c.number}: no card issued yet")
                     for c in certs if c.revocation is None and not c.cards]
        if problems:
            raise ValidationFailed("印刷できない認定証があります:\n" + "\n".join(p[0] for p in problems),
                                   "These cards cannot be printed:\n"
                                   + "\n".join(p[1] for p in problems), [p[0] for p in problems])
        order = {n: i for i, n in enumerate(wanted)}
        certs.sort(key=lambda c: order[c.number])
    out = []
    for cert in certs:
        if cert.revocation is not None or not cert.cards:
            continue
        card = max(cert.cards, key=lambda c: c.revision)
        out.append(CardPrintData(card.name_kanji, card.name_romaji, cert.number,
                                 card.certified_on, card.valid_until, card.token,
                                 revision=card.revision, photo=photos.get(cert.id)))
    return out


def print_cards(db: Database, actor: Actor, out: str | Path, layout: str = "card",
                numbers: Sequence[str] | None = None, run_id: int | None = None,
                offset: tuple[float, float] | None = None) -> ProgressGen[PrintResult]:
    """Write the cards' PDF (yields per card; the file appears only when complete)."""
    require(actor, Permission.PRINT_CARDS)
    if layout not in LAYOUTS:
        raise ValidationFailed(f"レイアウト「{layout}」は使えません（{', '.join(LAYOUTS)}）。",
                               f"Unknown layout '{layout}' ({', '.join(LAYOUTS)}).")
    cards = card_print_data(db, numbers, run_id)
    if not cards:
        raise ValidationFailed("印刷できる認定証がありません（交付済みで取り消されていないもの）。",
                               "There are no cards to print (issued and not revoked).")
    path = Path(out)
    shift = offset if offset is not None else saved_offset()
    yield Progress(0, len(cards), "認定証のPDFを作成しています…", "Writing the cards' PDF…")
    try:
        for done, total in iter_cards_pdf(path, cards, layout=layout, offset_mm=shift):
            yield Progress(done, total, f"認定証のPDFを作成しています {done}/{total}",
                           f"Writing the cards' PDF {done}/{total}")
    except PrintInputError as exc:
        raise ValidationFailed(exc.reason_ja, exc.reason_en) from exc
    except OSError as exc:
        raise cannot_save(path, exc) from exc
    per_page = 1 if layout == "card" else 10
    pages = 2 * ((len(cards) + per_page - 1) // per_page)
    numbers_done = tuple(c.number for c in cards)
    with db.transaction() as s:
        audit.record(s, actor, "card.print", "certificate_cards", "", None, {
            "layout": layout, "count": len(cards), "numbers": list(numbers_done),
            "file": path.name, "offset_mm": list(shift) if layout != "card" else None})
    return PrintResult(path, len(cards), pages, numbers_done)
