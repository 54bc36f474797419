"""The attendance board: per venue day, every trainee's derived status, counts per status,
and the facts staff look for (arrival time, minutes late, desk, who, override, departure).

Read-only and cheap enough to refresh every few seconds: two queries (roster, the day's events)
and the rule in memory, so a desk sees the other desk's check-ins on its next refresh.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.attendance import DiscussionGroup
from scfn_desktop.db.models.roster import Organisation, Trainee
from scfn_desktop.rules.attendance import OVERRIDE_REASONS
from scfn_desktop.rules.attendance_day import DayStatus, DayVerdict
from scfn_desktop.rules.names import join_name
from scfn_desktop.services.attendance.history import judge, run_events
from scfn_desktop.services.attendance.schedule import DaySchedule, RunInfo, load_run
from scfn_desktop.services.roster.fields import search_key

#: The board's order of statuses (and of its count tiles).
STATUS_ORDER = (DayStatus.ON_TIME, DayStatus.LATE, DayStatus.REFUSED, DayStatus.OVERRIDDEN,
                DayStatus.NOT_ARRIVED, DayStatus.LEFT_EARLY, DayStatus.ABSENT,
                DayStatus.EXCUSED, DayStatus.EXCLUDED)
STATUS_LABELS: dict[DayStatus, tuple[str, str]] = {
    DayStatus.ON_TIME: ("出席", "On time"),
    DayStatus.LATE: ("遅刻", "Late"),
    DayStatus.REFUSED: ("受講不可（60分以上の遅刻）", "Refused (60+ min late)"),
    DayStatus.OVERRIDDEN: ("やむを得ない事情による受講許可", "Admitted by override"),
    DayStatus.NOT_ARRIVED: ("未到着", "Not yet arrived"),
    DayStatus.LEFT_EARLY: ("早退", "Left early"),
    DayStatus.ABSENT: ("欠席", "Absent"),
    DayStatus.EXCUSED: ("やむを得ない事情による欠席", "Excused absence"),
    DayStatus.EXCLUDED: ("受講継続不可（事務局判断）", "Excluded (secretariat)"),
}

#: Short forms for tight places (the board's count tiles).
STATUS_SHORT: dict[DayStatus, tuple[str, str]] = {
    DayStatus.ON_TIME: ("出席", "On time"),
    DayStatus.LATE: ("遅刻", "Late"),
    DayStatus.REFUSED: ("受講不可", "Refused"),
    DayStatus.OVERRIDDEN: ("受講許可（事情）", "Overridden"),
    DayStatus.NOT_ARRIVED: ("未到着", "Not arrived"),
    DayStatus.LEFT_EARLY: ("早退", "Left early"),
    DayStatus.ABSENT: ("欠席", "Absent"),
    DayStatus.EXCUSED: ("欠席（事情）", "Excused"),
    DayStatus.EXCLUDED: ("継続不可", "Excluded"),
}


@dataclass(frozen=True)
class BoardRow:
    trainee_id: int
    number: str
    name: str
    kana: str
    romaji: str
    organisation: str
    group: str
    verdict: DayVerdict

    @property
    def id(self) -> int:  # what row-list table models select by
        return self.trainee_id

    @property
    def status(self) -> DayStatus:
        return self.verdict.status

    @property
    def arrived_at(self) -> datetime | None:
        return self.verdict.check_in.at if self.verdict.check_in else None

    @property
    def minutes_late(self) -> int | None:
        return self.verdict.arrival.minutes_late if self.verdict.arrival else None

    @property
    def station(self) -> str:
        return self.verdict.check_in.station if self.verdict.check_in else ""

    @property
    def actor(self) -> str:
        return self.verdict.check_in.actor if self.verdict.check_in else ""

    @property
    def backfilled(self) -> bool:
        return bool(self.verdict.check_in and self.verdict.check_in.backfilled)

    @property
    def override_label(self) -> tuple[str, str]:
        o = self.verdict.override
        if o is None or self.status is not DayStatus.OVERRIDDEN:
            return ("", "")
        return OVERRIDE_REASONS.get(o.reason, (o.reason, o.reason))

    def matches(self, words: list[str]) -> bool:
        haystack = "\n".join(search_key(p) for p in (
            self.number, self.name.replace("\u3000", ""), self.kana.replace("\u3000", ""),
            self.romaji, self.organisation))
        return all(w in haystack for w in words)


@dataclass(frozen=True)
class DayBoard:
    run: RunInfo
    day: DaySchedule
    rows: tuple[BoardRow, ...]
    refreshed_at: datetime

    @property
    def counts(self) -> dict[DayStatus, int]:
        found = Counter(r.status for r in self.rows)
        return {s: found.get(s, 0) for s in STATUS_ORDER}

    @property
    def checked_in(self) -> int:
        return sum(1 for r in self.rows if r.verdict.check_in is not None)

    def filtered(self, status: DayStatus | None = None, query: str = "") -> list[BoardRow]:
        words = [k for k in (search_key(w) for w in query.split()) if k]
        return [r for r in self.rows
                if (status is None or r.status is status) and (not words or r.matches(words))]


def day_board(db: Database, run_id: int, day_number: int) -> DayBoard:
    with db.session() as s:
        run = load_run(s, run_id)
        day = run.day(day_number)
        people = s.execute(select(Trainee, Organisation.name, DiscussionGroup.label)
                           .outerjoin(Organisation, Organisation.id == Trainee.organisation_id)
                           .outerjoin(DiscussionGroup, DiscussionGroup.trainee_id == Trainee.id)
                           .where(Trainee.run_id == run_id)
                           .order_by(Trainee.trainee_number)).all()
        events = run_events(s, run_id, day_number)
    rows = tuple(
        BoardRow(t.id, t.trainee_number, join_name(t.family_name, t.given_name),
                 join_name(t.family_kana, t.given_kana), t.romaji, organisation or "",
                 group or "", judge(events.get(t.id, ()), day))
        for t, organisation, group in people)
    return DayBoard(run, day, rows, datetime.now())
