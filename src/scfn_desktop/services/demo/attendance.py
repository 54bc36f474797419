"""Demo step: badges and a day of check-ins, so every verdict of the desk can be tried at once.

Day 1 (2025-11-15) is already recorded: most trainees on time, a few late, one refused, one
refused and admitted by an override, one who left early, one absent, one excused absence, and
some never arrived, so the board shows every status. Day 2 is open for trying the desk. Badges
are printed (revision 1) for everybody; the badge of the 7th trainee was reissued (revision 2),
so their first badge is *superseded*.

Because the venue days lie in the past (or future), the desk offers a *practice clock* on demo
runs only (`is_demo_run`): the arrival time is the clock's, on the chosen day. With it and
`sample_codes` (a valid badge, a superseded one, one of another run, a forged and an altered
one, and a truncated scan) a new user without a scanner or a camera sees every verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from scfn_desktop.credentials import BadgeClaims, decode_text, encode_text, issue_badge
from scfn_desktop.db import Database
from scfn_desktop.db.models.attendance import AttendanceEvent, Badge
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.rules.attendance_day import EventKind
from scfn_desktop.services import keys
from scfn_desktop.services.attendance import badges as badge_service
from scfn_desktop.services.attendance.desk import check_in, open_desk
from scfn_desktop.services.attendance.events import record_event
from scfn_desktop.services.attendance.schedule import load_run, to_utc
from scfn_desktop.services.demo.summary import DemoSummary, demo_run_ids
from scfn_desktop.services.permissions import Actor

REISSUED = 7  # the 7th trainee lost the first badge
STAFF = Actor("staff", "staff", display_name="会場スタッフ（デモ）")
ADMIN = Actor("admin", "admin", display_name="管理者（デモ）")
# (trainee index 1-based, kind, local time, reason, note, desk, actor)
DAY1_EVENTS: tuple[tuple[int, str, time, str, str, str, Actor], ...] = (
    (41, "check_in", time(10, 5), "", "", "受付1", STAFF),
    (42, "check_in", time(10, 18), "", "", "受付2", STAFF),
    (43, "check_in", time(10, 31), "", "", "受付1", STAFF),
    (44, "check_in", time(10, 47), "", "", "受付2", ADMIN),
    (45, "check_in", time(11, 12), "", "", "受付1", STAFF),
    (46, "check_in", time(11, 5), "", "", "受付1", STAFF),
    (46, "override", time(11, 8), "transit_delay_certified",
     "JR中央線の人身事故。遅延証明書を確認。午後のグループ討議で補う。", "受付1", ADMIN),
    (47, "leave_early", time(15, 10), "", "体調不良のため", "受付2", STAFF),
    (48, "absent", time(12, 0), "", "連絡なし", "受付1", STAFF),
    (49, "excused", time(9, 40), "illness", "発熱のため欠席（電話連絡、事務局が受理）", "受付1", ADMIN),
)


@dataclass(frozen=True)
class SampleCode:
    label_ja: str
    label_en: str
    code: str


def is_demo_run(db: Database, run_id: int) -> bool:
    with db.session() as s:
        return run_id in demo_run_ids(s)


def add_demo_attendance(db: Database, actor: Actor, summary: DemoSummary
                        ) -> tuple[str, str] | None:
    """Demo step (idempotent: nothing when the demo run already has badges)."""
    with db.session() as s:
        people = s.scalars(select(Trainee).where(Trainee.run_id == summary.run_id)
                           .order_by(Trainee.trainee_number)).all()
        has_badges = s.scalar(select(Badge.id).join(Trainee, Trainee.id == Badge.trainee_id)
                              .where(Trainee.run_id == summary.run_id).limit(1)) is not None
    if has_badges or len(people) < 50:
        return None
    badge_service.prepare_badges(db, actor, summary.run_id)
    badge_service.reissue_badge(db, actor, people[REISSUED - 1].trainee_number, "紛失（デモ）")
    with db.session() as s:
        run = load_run(s, summary.run_id)
    day = run.day(1).day
    desks = {name: open_desk(db, summary.run_id, 1, name) for name in ("受付1", "受付2")}
    for i, person in enumerate(people[:47], start=1):
        if i <= 40 or i == 47:
            at = datetime.combine(day, time(9, 15)).replace(minute=15 + (i * 7) % 44)
            check_in(db, STAFF if i % 3 else ADMIN, desks["受付1" if i % 2 else "受付2"],
                     person.id, at=to_utc(at), method="scanner")
    for index, kind, clock, reason, note, desk, who in DAY1_EVENTS:
        at = to_utc(datetime.combine(day, clock))
        person = people[index - 1]
        if kind == "check_in":
            check_in(db, who, desks[desk], person.id, at=at, method="scanner")
        else:
            record_event(db, who, desks[desk], person.id, EventKind(kind), reason=reason,
                         note=note, at=at)
    with db.session() as s:
        count = len(s.scalars(select(AttendanceEvent.id)).all())
    number = people[REISSUED - 1].trainee_number
    return (f"受付用バッジを発行し、1日目の受付記録 {count} 件を作成しました"
            f"（受講番号 {number} は再交付済み）。",
            f"Printed the check-in badges and recorded {count} day-1 check-in events "
            f"(trainee {number}'s badge was reissued).")


def sample_codes(db: Database, run_id: int) -> list[SampleCode]:
    """Codes for trying every verdict without a scanner (demo runs only; signed now)."""
    if not is_demo_run(db, run_id):
        return []
    with db.session() as s:
        run = load_run(s, run_id)
        people = s.scalars(select(Trainee).where(Trainee.run_id == run_id)
                           .order_by(Trainee.trainee_number)).all()
    key = keys.station_key()
    first, reissued = people[0].trainee_number, people[REISSUED - 1].trainee_number
    valid = badge_service.prepare_badges(db, ADMIN, run_id, [first])[0].token
    frame = bytearray(decode_text(valid))
    frame[9] ^= 0x02  # another trainee number under the same signature
    return [
        SampleCode(f"有効なバッジ（{first} {people[0].family_name}）",
                   f"A valid badge ({first})", valid),
        SampleCode(f"旧版のバッジ（{reissued}、再交付済み）",
                   f"A superseded badge ({reissued}, reissued)",
                   issue_badge(key, BadgeClaims(run.fiscal_year, run.term, reissued, 1))),
        SampleCode("別の養成研修（令和6年度 第2期）のバッジ",
                   "A badge of another run (FY2024 term 2)",
                   issue_badge(key, BadgeClaims(2024, 2, "242001", 1))),
        SampleCode("偽造バッジ（登録されていない鍵で署名）", "A forged badge (unknown key)",
                   issue_badge(Ed25519PrivateKey.generate(),
                               BadgeClaims(run.fiscal_year, run.term, first, 1))),
        SampleCode("改ざんされたバッジ（受講番号を書き換え）", "An altered badge (number changed)",
                   encode_text(bytes(frame))),
        SampleCode("読み取りが不完全なコード", "An incomplete scan", valid[:90]),
    ]
