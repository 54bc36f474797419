"""Models of the certificate (認定証) record: the number, who holds it, the 認証日 and the
validity, and its revocation (取消).

Numbers are a fiscal year and a serial (``SCFN-2025-00001``). ``CertificateSerial`` holds the
last serial given per year; a number is taken by incrementing that row inside the transaction
that creates the certificate, so the row lock serialises concurrent issuers and the unique
(year, serial) pair is the last line of defence: a number is never given twice, and a revoked
certificate keeps its number forever.

The card's life hangs off ``certificates.id``: every card revision printed (``certificate_cards``:
the first card, each 再交付 and each renewal, with the signed QR token and the name as printed),
the holder's photo (``certificate_photos``), and the issuer's public keys this installation
trusts for verifying cards (``card_issuer_keys``; the private key is a file in the data folder,
never a row).  Revocation is here because 欠格事由④ counts two years from it; a card is
"superseded" when a higher revision of its certificate exists (derived, never stored).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from scfn_desktop.db.base import Base, utcnow

if TYPE_CHECKING:
    from scfn_desktop.db.models.roster import Trainee


class CertificateSerial(Base):
    """The last serial given in one (fiscal) year; only ever incremented."""

    __tablename__ = "certificate_serials"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_serial: Mapped[int] = mapped_column(Integer, default=0)


class Certificate(Base):
    """One certificate (認定証) created by the agency's 認証 of a trainee."""

    __tablename__ = "certificates"
    __table_args__ = (
        UniqueConstraint("year", "serial", name="uq_certificates_year_serial"),
        UniqueConstraint("number", name="uq_certificates_number"),
        UniqueConstraint("certification_id", name="uq_certificates_certification_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(24))  # printed form, e.g. SCFN-2025-00001
    trainee_id: Mapped[int] = mapped_column(
        ForeignKey("trainees.id", ondelete="RESTRICT"), index=True
    )
    certification_id: Mapped[int] = mapped_column(
        ForeignKey("agency_certifications.id", ondelete="RESTRICT")
    )
    certified_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    agency_reference: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(60))

    revocation: Mapped[CertificateRevocation | None] = relationship(
        back_populates="certificate", uselist=False
    )
    cards: Mapped[list[CertificateCard]] = relationship(order_by="CertificateCard.revision")
    trainee: Mapped[Trainee] = relationship()


class CertificateRevocation(Base):
    """The agency's 取消 of a certificate: the date starts the 2-year bar of 欠格事由④."""

    __tablename__ = "certificate_revocations"
    __table_args__ = (
        UniqueConstraint("certificate_id", name="uq_certificate_revocations_certificate_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    certificate_id: Mapped[int] = mapped_column(
        ForeignKey("certificates.id", ondelete="RESTRICT")
    )
    revoked_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(60))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    certificate: Mapped[Certificate] = relationship(back_populates="revocation")


class CertificateCard(Base):
    """One printed card revision (版) of a certificate: 1 for the first card, +1 for every
    再交付 and every renewal. What the card shows is kept as signed and printed (name, dates,
    the QR token), so printing it again gives the same card whatever the roster says later;
    a name change is a reissue. Revisions are unique per certificate: two stations reissuing
    at once collide instead of giving one revision twice."""

    __tablename__ = "certificate_cards"
    __table_args__ = (
        UniqueConstraint("certificate_id", "revision", name="uq_certificate_cards_revision"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    certificate_id: Mapped[int] = mapped_column(
        ForeignKey("certificates.id", ondelete="RESTRICT"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12))  # issue / reissue / renewal
    reason: Mapped[str] = mapped_column(String(200), default="")
    name_kanji: Mapped[str] = mapped_column(String(60), default="")
    name_romaji: Mapped[str] = mapped_column(String(60), default="")
    certified_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    key_id: Mapped[str] = mapped_column(String(8))
    token: Mapped[str] = mapped_column(String(200))
    issued_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(60))


class CertificatePhoto(Base):
    """The holder's photo for the card, already cropped and scaled to the card's frame
    (``printing.cards.prepare_photo``: a JPEG of about 20 kB), one per certificate."""

    __tablename__ = "certificate_photos"

    certificate_id: Mapped[int] = mapped_column(
        ForeignKey("certificates.id", ondelete="CASCADE"), primary_key=True
    )
    jpeg: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(60))


class CardIssuerKey(Base):
    """A public key trusted for certificate cards: this installation's own issuer keys
    (``origin`` "own"; the one with no ``retired_at`` signs new cards, retired ones still
    verify the cards they signed) and keys imported from an issuing PC ("imported")."""

    __tablename__ = "card_issuer_keys"

    key_id: Mapped[str] = mapped_column(String(8), primary_key=True)
    public_pem: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(19))
    origin: Mapped[str] = mapped_column(String(10))  # own / imported
    label: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(60))
    retired_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
