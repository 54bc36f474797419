"""養成課程② attendance as the dossier and the proposal need it.

The venue check-in capability owns attendance; this module only turns its per-trainee summary
into the plain fact the proposal rule takes (complete / refused / excluded / absent / excused /
unknown) and the lines the dossier shows. Without a record, the fact is "unknown" — never
"present".
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy.orm import Session

from scfn_desktop.rules.proposal import AttendanceFact
from scfn_desktop.services.committee.views import AttendanceView

NO_RECORD = AttendanceView(AttendanceFact.UNKNOWN, False, "出席記録がありません。",
                           "No attendance is recorded.")


def load_attendance(s: Session, run_id: int, trainee_ids: Collection[int]
                    ) -> dict[int, AttendanceView]:
    """Attendance per trainee; trainees without any record get :data:`NO_RECORD`."""
    return dict.fromkeys(trainee_ids, NO_RECORD)
