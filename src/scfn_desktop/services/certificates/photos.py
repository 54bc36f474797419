"""The holder's photo on the card (optional: a card without one is complete).

An imported image is cropped to the card's 3:4 frame and scaled to 300 dpi at once
(`printing.cards.prepare_photo`, which bounds the file's bytes and pixels before decoding and
refuses what is not an image), so what is stored is a small JPEG of fixed size, about 20 kB,
and printing hundreds of cards never decodes a camera's 12-megapixel original. The audit log
keeps the stored JPEG's SHA-256, not the picture.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.certificates import Certificate, CertificatePhoto
from scfn_desktop.printing.cards import MAX_PHOTO_BYTES, PrintInputError, prepare_photo
from scfn_desktop.services import audit
from scfn_desktop.services.certificates.cards import parse_numbers
from scfn_desktop.services.errors import NotFound, ServiceError, ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require

#: A prepared photo is about 20 kB; anything far larger was not made by prepare_photo.
MAX_STORED_BYTES = 256 * 1024


def read_photo_file(path: str | Path) -> bytes:
    """The bytes of a photo file, refusing an over-large one before reading it whole."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_PHOTO_BYTES:
            raise ValidationFailed(f"写真 {path.name} が大きすぎます（10 MB まで）。",
                                   f"The photo {path.name} is too large (10 MB at most).")
        return path.read_bytes()
    except OSError as exc:
        raise ServiceError(f"写真 {path.name} を読めません: {exc.strerror or exc}",
                           f"Cannot read the photo {path.name}: {exc.strerror or exc}") from exc


def import_photo(db: Database, actor: Actor, number: str, data: bytes) -> str:
    """Crop, scale and store the photo for certificate `number` (replacing an earlier one);
    returns the stored JPEG's SHA-256."""
    require(actor, Permission.PRINT_CARDS)
    wanted = parse_numbers([number])[0]
    try:
        jpeg = prepare_photo(data, wanted)
    except PrintInputError as exc:
        raise ValidationFailed(exc.reason_ja, exc.reason_en) from exc
    if len(jpeg) > MAX_STORED_BYTES:
        raise ValidationFailed(f"認定証 {wanted} の写真: 縮小後も大きすぎます。",
                               f"Photo for card {wanted}: still too large once scaled.")
    digest = hashlib.sha256(jpeg).hexdigest()
    with db.transaction() as s:
        cert = _certificate(s, wanted)
        row = s.get(CertificatePhoto, cert.id)
        before = {"sha256": row.sha256} if row else None
        if row is None:
            row = CertificatePhoto(certificate_id=cert.id, jpeg=jpeg, sha256=digest,
                                   imported_by=actor.username[:60])
            s.add(row)
        else:
            row.jpeg, row.sha256, row.imported_by = jpeg, digest, actor.username[:60]
        s.flush()
        audit.record(s, actor, "card.photo", "certificate", cert.id, before,
                     {"number": cert.number, "sha256": digest, "bytes": len(jpeg)})
    return digest


def remove_photo(db: Database, actor: Actor, number: str) -> None:
    require(actor, Permission.PRINT_CARDS)
    wanted = parse_numbers([number])[0]
    with db.transaction() as s:
        cert = _certificate(s, wanted)
        row = s.get(CertificatePhoto, cert.id)
        if row is None:
            raise NotFound(f"{wanted} の写真はありません。", f"{wanted} has no photo.")
        s.delete(row)
        s.flush()
        audit.record(s, actor, "card.photo_remove", "certificate", cert.id,
                     {"number": cert.number, "sha256": row.sha256}, None)


def photo_of(db: Database, number: str) -> bytes | None:
    with db.session() as s:
        return s.scalar(select(CertificatePhoto.jpeg).join(
            Certificate, Certificate.id == CertificatePhoto.certificate_id)
            .where(Certificate.number == number))


def _certificate(s, number: str) -> Certificate:  # type: ignore[no-untyped-def]
    cert = s.scalar(select(Certificate).where(Certificate.number == number))
    if cert is None:
        raise NotFound(f"認定番号 {number} の認定証はありません。",
                       f"No certificate numbered {number}.")
    return cert
