"""The paper fallback: print a venue day's sign-in sheet (受付表) before the session, so the
desk can go on when the database cannot be reached; the times are typed in afterwards through
the desk's "from paper" entry (services.attendance.desk.check_in with backfilled=True)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.roster import Organisation, Trainee
from scfn_desktop.printing.sign_in_sheet import SheetDay, SheetPerson, iter_sign_in_sheet
from scfn_desktop.rules.names import join_name
from scfn_desktop.services import audit
from scfn_desktop.services.attendance.schedule import load_run
from scfn_desktop.services.files import write_pdf
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import ProgressGen


def print_sign_in_sheet(db: Database, actor: Actor, run_id: int, day_number: int,
                        out: str | Path) -> ProgressGen[int]:
    """Write the day's sheet to `out` (yields per page, returns the page count)."""
    require(actor, Permission.VIEW_ATTENDANCE)
    with db.session() as s:
        run = load_run(s, run_id)
        d = run.day(day_number)
        people = [SheetPerson(t.trainee_number, join_name(t.family_name, t.given_name),
                              join_name(t.family_kana, t.given_kana), org or "")
                  for t, org in s.execute(
                      select(Trainee, Organisation.name)
                      .outerjoin(Organisation, Organisation.id == Trainee.organisation_id)
                      .where(Trainee.run_id == run_id).order_by(Trainee.trainee_number))]
    day = SheetDay(run.label, run.venue, d.day_number, d.day, d.starts_at, d.ends_at,
                   d.threshold_minutes)
    out = Path(out)
    pages = yield from write_pdf(out, lambda part: iter_sign_in_sheet(part, day, people),
                                 "受付表を作成中", "Rendering the sign-in sheet")
    with db.transaction() as s:
        audit.record(s, actor, "attendance.print_sign_in_sheet", "training_run", run_id, None,
                     {"day": day_number, "pages": pages, "file": out.name})
    return pages
