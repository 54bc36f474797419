"""The agency's 認証 (recorded by the secretariat): certificate numbers unique and never reused
under repeated and concurrent issuing, validity from rules.certification, revocation starting
欠格事由④'s two years for the same person in a later run."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from committeekit import ADMIN, check_all, make_run, open_meeting, sit_exam, trainee_id
from examkit import COMMITTEE
from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.certificates import Certificate, CertificateSerial
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.rules.certification import valid_until
from scfn_desktop.services import audit
from scfn_desktop.services.committee import certification, decisions, meetings
from scfn_desktop.services.committee.dossier import dossier
from scfn_desktop.services.errors import NotFound, PermissionDenied, ValidationFailed

REFERENCE = "出入国在留管理庁 令和7年3月28日付 入管庁第123号"
TODAY = date(2026, 12, 1)


def certified_by_committee(db, trainees: int = 6) -> tuple[int, list[int]]:
    """A run whose trainees 1..n-1 the committee certified (meeting closed); n withdrew."""
    run = make_run(db, trainees, withdrew=(trainees,))
    sit_exam(db, run, dict.fromkeys(range(1, trainees), 9))
    check_all(db, run)
    m = open_meeting(db, run)
    ids = [trainee_id(db, i) for i in range(1, trainees)]
    for tid in ids:
        decisions.decide(db, COMMITTEE, m, tid, "certify", reason="出席簿で出席を確認")
    decisions.decide(db, COMMITTEE, m, trainee_id(db, trainees), "not_certified", "withdrew",
                     "課題レポート未提出")
    meetings.close_meeting(db, COMMITTEE, m)
    return run, ids


def numbers(db) -> list[str]:
    with db.session() as s:
        return s.scalars(select(Certificate.number).order_by(Certificate.id)).all()


def test_recording_the_agencys_certification_creates_numbered_certificates(db):
    run, ids = certified_by_committee(db)
    assert [a.trainee_id for a in certification.awaiting_certification(db, run)] == ids
    assert dossier(db, ids[0]).state == "awaiting_certification"
    records = certification.record_certification(db, ADMIN, ids[:2], date(2025, 3, 28),
                                                 REFERENCE, today=TODAY)
    assert [r.number for r in records] == ["SCFN-2024-00001", "SCFN-2024-00002"]
    assert all(r.valid_until == date(2028, 3, 31) == valid_until(date(2025, 3, 28))
               for r in records)
    more = certification.record_certification(db, ADMIN, ids[2:], date(2025, 4, 1),
                                              REFERENCE, today=TODAY)
    assert [r.number for r in more] == ["SCFN-2025-00001", "SCFN-2025-00002",
                                        "SCFN-2025-00003"]
    assert more[0].valid_until == date(2029, 3, 31)
    d = dossier(db, ids[0])
    assert d.state == "certified" and d.certificate.number == "SCFN-2024-00001"
    assert d.certificate.status == "valid" and d.certified_on == date(2025, 3, 28)
    assert certification.awaiting_certification(db, run) == []
    with db.session() as s:
        assert audit.verify_chain(s).ok
        assert {c.year: c.last_serial for c in s.scalars(select(CertificateSerial))} == {
            2024: 2, 2025: 3}


@pytest.mark.parametrize(("who", "error"), [(COMMITTEE, PermissionDenied)])
def test_only_the_secretariat_records_certification(db, who, error):
    _, ids = certified_by_committee(db, 3)
    with pytest.raises(error):
        certification.record_certification(db, who, ids, date(2025, 3, 28), REFERENCE,
                                           today=TODAY)


def test_refusals_leave_nothing_half_written(db):
    run, ids = certified_by_committee(db, 4)
    withdrawn = trainee_id(db, 4)
    with pytest.raises(ValidationFailed) as err:
        certification.record_certification(db, ADMIN, [*ids, withdrawn], date(2025, 3, 28),
                                           REFERENCE, today=TODAY)
    assert "2410004" in err.value.message_ja and "認定" in err.value.message_ja
    with pytest.raises(ValidationFailed, match="reference"):
        certification.record_certification(db, ADMIN, ids, date(2025, 3, 28), " ", today=TODAY)
    with pytest.raises(ValidationFailed, match="future"):
        certification.record_certification(db, ADMIN, ids, date(2027, 1, 1), REFERENCE,
                                           today=TODAY)
    with pytest.raises(ValidationFailed, match="before the meeting"):
        certification.record_certification(db, ADMIN, ids, date(2025, 3, 1), REFERENCE,
                                           today=TODAY)
    assert numbers(db) == []
    certification.record_certification(db, ADMIN, ids[:1], date(2025, 3, 28), REFERENCE,
                                       today=TODAY)
    with pytest.raises(ValidationFailed, match="already certified"):
        certification.record_certification(db, ADMIN, ids[:2], date(2025, 3, 28), REFERENCE,
                                           today=TODAY)
    assert numbers(db) == ["SCFN-2024-00001"]
    # A certified trainee's decision cannot be changed by the committee any more.
    current = dossier(db, ids[0]).decision
    with pytest.raises(ValidationFailed, match="認証"):
        decisions.amend(db, COMMITTEE, current.id, "not_certified", "other", "x",
                        amendment_reason="y")


def test_an_open_meetings_decisions_cannot_be_certified(db):
    run = make_run(db, 2)
    sit_exam(db, run, {1: 9, 2: 9})
    check_all(db, run)
    m = open_meeting(db, run)
    decisions.decide(db, COMMITTEE, m, trainee_id(db, 1), "certify", reason="出席簿で確認")
    with pytest.raises(ValidationFailed, match="not closed"):
        certification.record_certification(db, ADMIN, [trainee_id(db, 1)], date(2025, 3, 28),
                                           REFERENCE, today=TODAY)


def test_numbers_stay_unique_under_concurrent_issuing(db):
    """Four stations record 認証 for different trainees at the same moment, each on its own
    connection: every certificate gets its own number, serials 1..n without a gap."""
    _, ids = certified_by_committee(db, 9)
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def station(part: list[int]) -> None:
        own = Database(db.url)
        try:
            barrier.wait()
            certification.record_certification(own, ADMIN, part, date(2025, 3, 28),
                                               REFERENCE, today=TODAY)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=station, args=(ids[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    got = numbers(db)
    assert sorted(got) == [f"SCFN-2024-{n:05d}" for n in range(1, 9)]
    with db.session() as s:
        assert audit.verify_chain(s).ok


def test_revocation_keeps_the_number_and_bars_the_person_for_two_years(db):
    _, ids = certified_by_committee(db, 3)
    cert = certification.record_certification(db, ADMIN, ids[:1], date(2025, 3, 28),
                                              REFERENCE, today=TODAY)[0]
    with pytest.raises(ValidationFailed, match="reason"):
        certification.revoke_certificate(db, ADMIN, cert.number, date(2025, 6, 1), " ",
                                         today=TODAY)
    with pytest.raises(ValidationFailed, match="before"):
        certification.revoke_certificate(db, ADMIN, cert.number, date(2025, 3, 1), "x",
                                         today=TODAY)
    with pytest.raises(NotFound):
        certification.revoke_certificate(db, ADMIN, "SCFN-2024-09999", date(2025, 6, 1), "x",
                                         today=TODAY)
    with pytest.raises(PermissionDenied):
        certification.revoke_certificate(db, COMMITTEE, cert.number, date(2025, 6, 1), "x")
    certification.revoke_certificate(db, ADMIN, cert.number, date(2025, 6, 1),
                                     "欠格事由③に該当することが判明したため", today=TODAY)
    with pytest.raises(ValidationFailed, match="already revoked"):
        certification.revoke_certificate(db, ADMIN, cert.number, date(2025, 6, 2), "x",
                                         today=TODAY)
    d = dossier(db, ids[0])
    assert d.state == "revoked" and d.certificate.revoked_on == date(2025, 6, 1)
    # The next number is never the revoked one.
    nxt = certification.record_certification(db, ADMIN, ids[1:2], date(2025, 3, 28),
                                             REFERENCE, today=TODAY)[0]
    assert nxt.number == "SCFN-2024-00002"
    # The same person applies to a later run: ground ④ applies until 2027-06-01.
    with db.transaction() as s:
        holder = s.get(Trainee, ids[0])
        again = Trainee(trainee_number="2510999", family_name=holder.family_name,
                        given_name=holder.given_name, family_kana=holder.family_kana,
                        given_kana=holder.given_kana, run_id=holder.run_id)
        s.add(again)
        s.flush()
        again_id = s.get(Trainee, again.id).id
    check_all(db, holder.run_id)
    late = dossier(db, again_id, on=date(2027, 5, 31))
    assert late.grounds.prior_revocations[0].number == "SCFN-2024-00001"
    assert late.proposal.findings[3].category == "disqualified"
    assert "④" in late.proposal.findings[3].text_ja
    assert dossier(db, again_id, on=date(2027, 6, 1)).proposal.findings[3].result == "ok"
