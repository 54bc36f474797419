"""Models of the certificate (認定証) record: the number, who holds it, the 認証日 and the
validity, and its revocation (取消).

Numbers are a fiscal year and a serial (``SCFN-2025-00001``). ``CertificateSerial`` holds the
last serial given per year; a number is taken by incrementing that row inside the transaction
that creates the certificate, so the row lock serialises concurrent issuers and the unique
(year, serial) pair is the last line of defence: a number is never given twice, and a revoked
certificate keeps its number forever.

Room is left for the card's life (revisions printed, renewals) as further tables that point at
``certificates.id``; revocation is here already because 欠格事由④ counts two years from it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from scfn_desktop.db.base import Base, utcnow


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
