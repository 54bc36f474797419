"""Badge revisions, discussion groups and trust between stations: a badge printed at one PC is
accepted at another, because each station registers its public key in the shared database."""

from __future__ import annotations

from collections import Counter

import pytest
from attendancekit import STAFF, after_start, make_run

from scfn_desktop.db.models.attendance import Badge, DiscussionGroup, SigningKey
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.services.attendance import badges as badge_service
from scfn_desktop.services.attendance.badges import group_label
from scfn_desktop.services.attendance.desk import DeskStatus, Problem, open_desk, scan
from scfn_desktop.services.errors import NotFound, PermissionDenied, ValidationFailed


def test_groups_are_balanced_and_spread_organisations(db):
    kit = make_run(db, trainees=60)
    with db.session() as s:
        groups = dict(s.query(DiscussionGroup.trainee_id, DiscussionGroup.label).all())
        orgs = dict(s.query(Trainee.id, Trainee.organisation_id).all())
    sizes = Counter(groups.values())
    assert sorted(sizes) == list("ABCDEFGHIJ") and set(sizes.values()) == {6}
    for label in sizes:
        members = [orgs[t] for t, g in groups.items() if g == label]
        assert len(set(members)) == 2  # both organisations in every group
    assert len(groups) == len(kit.ids)
    assert [group_label(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ",
                                                                    "AAA"]


def test_late_additions_join_the_smallest_groups(db):
    kit = make_run(db, trainees=7)  # A: 4, B: 3
    with db.transaction() as s:
        s.add(Trainee(run_id=kit.run_id, trainee_number="259999", family_name="追加"))
    faces = badge_service.prepare_badges(db, STAFF, kit.run_id, ["259999"])
    assert faces[0].group == "B" and faces[0].revision == 1


def test_printing_twice_reprints_the_same_revision_and_reissue_increments(db):
    kit = make_run(db, trainees=3)
    first = badge_service.prepare_badges(db, STAFF, kit.run_id)
    again = badge_service.prepare_badges(db, STAFF, kit.run_id)
    assert [f.token for f in first] == [f.token for f in again]  # Ed25519 is deterministic
    issued = badge_service.reissue_badge(db, STAFF, kit.numbers[1], "洗濯して破損")
    assert issued.revision == 2 and issued.token != first[1].token
    with db.session() as s:
        rows = s.query(Badge).filter_by(trainee_id=issued.trainee_id).order_by(Badge.revision)
        assert [(b.revision, b.reason) for b in rows] == [(1, "初回発行"), (2, "洗濯して破損")]
    faces = badge_service.prepare_badges(db, STAFF, kit.run_id, [kit.numbers[1]])
    assert faces[0].revision == 2 and faces[0].token == issued.token
    with pytest.raises(NotFound):
        badge_service.reissue_badge(db, STAFF, "000000")
    with pytest.raises(ValidationFailed):
        badge_service.reissue_badge(db, STAFF, kit.numbers[1], "x" * 201)
    with pytest.raises(ValidationFailed):
        badge_service.prepare_badges(db, STAFF, kit.run_id, ["777777"])
    from attendancekit import PROCTOR

    with pytest.raises(PermissionDenied):
        badge_service.reissue_badge(db, PROCTOR, kit.numbers[1])


def test_badge_printed_at_one_station_is_accepted_at_another(db, tmp_path, monkeypatch):
    monkeypatch.setenv("SCFN_DATA_DIR", str(tmp_path / "pc1"))
    kit = make_run(db, trainees=2)  # printed at PC 1
    token_pc1 = badge_service.prepare_badges(db, STAFF, kit.run_id, [kit.numbers[0]])[0].token
    monkeypatch.setenv("SCFN_DATA_DIR", str(tmp_path / "pc2"))
    desk = open_desk(db, kit.run_id, 1, "受付2")  # opened at PC 2, whose key signed nothing
    assert scan(db, STAFF, desk, token_pc1, at=after_start(0)).status is DeskStatus.ON_TIME
    token_pc2 = badge_service.reissue_badge(db, STAFF, kit.numbers[1]).token
    # PC 2's key was registered after the desk opened: the desk reloads the ring and accepts
    assert scan(db, STAFF, desk, token_pc2, at=after_start(0)).status is DeskStatus.ON_TIME
    with db.session() as s:
        assert s.query(SigningKey).count() == 2
    assert (tmp_path / "pc1" / "keys" / "station.pem").is_file()
    assert (tmp_path / "pc2" / "keys" / "station.pem").is_file()


def test_a_tampered_key_row_makes_badges_unknown_never_accepted(db):
    kit = make_run(db, trainees=1)
    token = badge_service.prepare_badges(db, STAFF, kit.run_id)[0].token
    with db.transaction() as s:
        row = s.query(SigningKey).one()
        row.key_id = "00000000"  # the id no longer matches the key
    v = scan(db, STAFF, open_desk(db, kit.run_id, 1, "受付1"), token, at=after_start(0))
    assert v.status is DeskStatus.INVALID and v.problem == Problem.UNKNOWN_KEY
