"""The paper fallback: print a venue day's sign-in sheet (受付表) before the session, so the
desk can go on when the database cannot be reached; the times are typed in afterwards through
the desk's "from paper" entry (services.attendance.desk.check_in with backfilled=True)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.roster import Organisation, Trainee
from scfn_desktop.printing.sign_in_sheet import SheetDay, SheetPerson, iter_sign_in_sheet
from scfn_desktop.rules.names import join_name
from scfn_desktop.services import audit
from scfn_desktop.services.attendance.schedule import load_run
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import Progress, ProgressGen


def write_pdf(out: Path, render: Callable[[Path], Iterator[tuple[int, int]]], doing_ja: str,
              doing_en: str) -> ProgressGen[int]:
    """Render to `<out>.part` page by page (progress per page), then rename: a cancelled or
    failed run never leaves half a PDF under the name someone will print."""
    part = out.with_name(out.name + ".part")
    pages = 0
    try:
        for done, total in render(part):
            pages = done
            yield Progress(done, total, f"{doing_ja} {done}/{total}",
                           f"{doing_en} {done}/{total}")
        try:
            os.replace(part, out)
        except OSError as exc:
            raise ServiceError(
                f"PDF を保存できません（別のアプリで開いていませんか？）: {out}（{exc.strerror}）",
                f"Cannot save the PDF (is it open in another program?): {out} ({exc.strerror})",
            ) from exc
    finally:
        part.unlink(missing_ok=True)
    return pages


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
