"""Certificate records: allocate a number and create the record, inside the caller's
transaction (the agency's 認証 is recorded in the same unit of work, so either both exist or
neither does).

Numbers (認定番号, ``SCFN-2025-00001``) are the fiscal year of the 認証日 and a serial counted per
year in ``certificate_serials``. Why a counter row and not ``max(serial) + 1``: two stations
issuing at once would both read the same maximum; an ``UPDATE … RETURNING`` on one row is
serialised by the database (a row lock on PostgreSQL, the single writer on SQLite), so each
issuer gets the next value and the unique (year, serial) constraint is only the backstop. A
rolled-back transaction rolls its increment back with it, so the only numbers ever skipped are
ones no certificate was created with, and no number is ever given twice — a revoked
certificate keeps its number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from scfn_desktop.credentials.certificate_number import CertificateNumber
from scfn_desktop.db.models.certificates import Certificate, CertificateSerial
from scfn_desktop.rules.certification import valid_until
from scfn_desktop.rules.fiscal import fiscal_year
from scfn_desktop.services import audit
from scfn_desktop.services.permissions import Actor


@dataclass(frozen=True)
class CertificateRecord:
    """A created certificate, detached from the session."""

    id: int
    number: str
    trainee_id: int
    certified_on: date
    valid_until: date
    agency_reference: str


def ensure_counter(s: Session, year: int) -> None:
    """Create the year's counter row if missing; a concurrent creator is not an error."""
    dialect = s.get_bind().dialect.name
    if dialect in ("postgresql", "sqlite"):
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        s.execute(dialect_insert(CertificateSerial).values(year=year, last_serial=0)
                  .on_conflict_do_nothing(index_elements=["year"]))
    elif s.scalar(select(CertificateSerial.year).where(CertificateSerial.year == year)) is None:
        s.execute(insert(CertificateSerial).values(year=year, last_serial=0))


def next_serial(s: Session, year: int) -> int:
    """Take the next serial of ``year`` (1, 2, …) inside the caller's transaction."""
    ensure_counter(s, year)
    return s.execute(
        update(CertificateSerial).where(CertificateSerial.year == year)
        .values(last_serial=CertificateSerial.last_serial + 1)
        .returning(CertificateSerial.last_serial)
        .execution_options(synchronize_session=False)
    ).scalar_one()


def create_certificate(s: Session, actor: Actor, trainee_id: int, certification_id: int,
                       certified_on: date, agency_reference: str) -> CertificateRecord:
    """Create the certificate of one 認証: number, 認証日, validity end (seed 000 §第2 5(5)
    through ``rules.certification.valid_until``); audited as ``certificate.create``."""
    year = fiscal_year(certified_on)
    serial = next_serial(s, year)
    number = str(CertificateNumber(year, serial))
    cert = Certificate(year=year, serial=serial, number=number,
                       trainee_id=trainee_id, certification_id=certification_id,
                       certified_on=certified_on, valid_until=valid_until(certified_on),
                       agency_reference=agency_reference, created_by=actor.username)
    s.add(cert)
    s.flush()
    audit.record(s, actor, "certificate.create", "certificate", cert.id, None, {
        "number": number, "trainee_id": trainee_id, "certification_id": certification_id,
        "certified_on": certified_on, "valid_until": cert.valid_until,
        "agency_reference": agency_reference})
    return CertificateRecord(cert.id, number, trainee_id, certified_on, cert.valid_until,
                             agency_reference)
