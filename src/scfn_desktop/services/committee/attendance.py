"""養成課程② attendance as the dossier and the proposal need it.

The venue check-in capability owns attendance (`services.attendance`); its per-trainee summary
(`summary.run_attendance`: both days complete or not, each day's status and why) is turned
here into the plain fact the proposal rule takes and the lines the dossier shows. The fact
follows the day statuses in this order: excluded, refused, excused, absent, left early (the
committee judges: the seeds set no rule), not yet arrived (unknown). A trainee with no event
at all has "no record" — never "present".
"""

from __future__ import annotations

from collections.abc import Collection

from scfn_desktop.db import Database
from scfn_desktop.rules.attendance_day import AttendanceVerdict, DayStatus, DayVerdict
from scfn_desktop.rules.proposal import AttendanceFact
from scfn_desktop.services.attendance.board import STATUS_LABELS
from scfn_desktop.services.attendance.schedule import load_run
from scfn_desktop.services.attendance.summary import run_attendance
from scfn_desktop.services.committee.views import AttendanceDayView, AttendanceView

NO_RECORD = AttendanceView(AttendanceFact.UNKNOWN, False, "出席記録がありません。",
                           "No attendance is recorded.")

# First match wins: a firm "no" on any day decides before an open or unknown day.
_ORDER: tuple[tuple[DayStatus, AttendanceFact], ...] = (
    (DayStatus.EXCLUDED, AttendanceFact.EXCLUDED),
    (DayStatus.REFUSED, AttendanceFact.REFUSED),
    (DayStatus.EXCUSED, AttendanceFact.EXCUSED),
    (DayStatus.ABSENT, AttendanceFact.ABSENT),
    (DayStatus.LEFT_EARLY, AttendanceFact.INCOMPLETE),
    (DayStatus.NOT_ARRIVED, AttendanceFact.UNKNOWN),
)


def attendance_fact(verdict: AttendanceVerdict) -> AttendanceFact:
    if verdict.complete:
        return AttendanceFact.COMPLETE
    statuses = {d.status for d in verdict.days}
    for status, fact in _ORDER:
        if status in statuses:
            return fact
    return AttendanceFact.UNKNOWN


def _recorded(verdict: AttendanceVerdict) -> bool:
    return any(d.status is not DayStatus.NOT_ARRIVED for d in verdict.days)


def _note(d: DayVerdict) -> tuple[str, str]:
    """One incomplete day in a few words: status, minutes late, the secretariat's note."""
    ja, en = STATUS_LABELS[d.status]
    ja, en = f"{d.day_number}日目 {ja}", f"day {d.day_number}: {en.lower()}"
    if d.status is DayStatus.REFUSED and d.arrival is not None:
        ja += f"（{d.arrival.minutes_late}分遅刻）"
        en += f" ({d.arrival.minutes_late} min late)"
    event = d.excused or d.excluded
    if d.status in (DayStatus.EXCUSED, DayStatus.EXCLUDED) and event is not None and event.note:
        ja += f"：{event.note}"
        en += f": {event.note}"
    return ja, en


def attendance_view(verdict: AttendanceVerdict, days: dict[int, object]) -> AttendanceView:
    if not _recorded(verdict):
        return NO_RECORD
    lines = tuple(AttendanceDayView(
        d.day_number, days.get(d.day_number),  # type: ignore[arg-type]
        *STATUS_LABELS[d.status], d.reason_ja, d.reason_en) for d in verdict.days)
    notes = [_note(d) for d in verdict.days if not d.complete]
    return AttendanceView(attendance_fact(verdict), True, verdict.reason_ja, verdict.reason_en,
                          lines, "／".join(n[0] for n in notes), "; ".join(n[1] for n in notes))


def load_attendance(db: Database, run_id: int, trainee_ids: Collection[int]
                    ) -> dict[int, AttendanceView]:
    """Attendance per trainee from the check-in records (one pass over the run)."""
    wanted = set(trainee_ids)
    with db.session() as s:
        days = {d.day_number: d.day for d in load_run(s, run_id).days}
    out = dict.fromkeys(wanted, NO_RECORD)
    for a in run_attendance(db, run_id):
        if a.trainee_id in wanted:
            out[a.trainee_id] = attendance_view(a.verdict, days)
    return out
