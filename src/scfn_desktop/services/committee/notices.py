"""Result notices for a run's trainees, from the committee's fixed decisions.

Only a final decision in a closed meeting gets a notice: 認定 (a pass notice, with the
certificate number and validity once the 認証 is recorded) or 不認定 (the reason and, where the
rulebook grants it, the retake exemption with its deadline). A 保留 or an undecided trainee gets
none, and the caller is told who was left out and why.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from scfn_desktop.db import Database
from scfn_desktop.printing.notices import NoticeLetter, render_notices
from scfn_desktop.printing.tables import DocumentTooLarge
from scfn_desktop.rules.dates import format_date_ja
from scfn_desktop.services import audit
from scfn_desktop.services.committee.dossier import run_dossiers
from scfn_desktop.services.committee.meetings import list_meetings
from scfn_desktop.services.committee.views import Dossier, category_label
from scfn_desktop.services.errors import ServiceError, ValidationFailed
from scfn_desktop.services.exports import write_file
from scfn_desktop.services.permissions import Actor, Permission, require


@dataclass(frozen=True)
class NoticeBatch:
    files: tuple[Path, ...]
    letters: int
    skipped: tuple[tuple[str, str, str], ...] = field(default=())  # (number, ja, en)


def _letter(d: Dossier, meeting_on: date, issued_on: date) -> NoticeLetter:
    dec = d.decision
    assert dec is not None
    base = {"issued_on": format_date_ja(issued_on), "trainee_number": d.identity.trainee_number,
            "name": d.identity.name, "organisation": d.identity.organisation,
            "run_label": d.run_label, "meeting_on": format_date_ja(meeting_on)}
    if dec.outcome == "certify":
        cert = d.certificate
        return NoticeLetter("pass", **base,
                            certificate_number=cert.number if cert else "",
                            certified_on=format_date_ja(cert.certified_on) if cert else "",
                            valid_until=format_date_ja(cert.valid_until) if cert else "")
    ex = d.exemption
    return NoticeLetter(
        "fail", **base, reason_category=category_label(dec.category), reason_text=dec.reason,
        exempt_stages=ex.exempt_ja if ex and ex.applies else (),
        test_only=bool(ex and ex.test_only),
        exemption_deadline=format_date_ja(ex.deadline) if ex and ex.applies else "",
        exemption_case=ex.kind_ja if ex else "")


def notice_letters(db: Database, run_id: int, trainee_ids: Collection[int] | None = None,
                   issued_on: date | None = None
                   ) -> tuple[list[NoticeLetter], list[tuple[str, str, str]]]:
    """The letters that can be printed now, and who was left out (with the reason)."""
    meetings = {m.id: m for m in list_meetings(db, run_id)}
    letters, skipped = [], []
    for d in run_dossiers(db, run_id):
        if trainee_ids is not None and d.id not in trainee_ids:
            continue
        dec = d.decision
        number = d.identity.trainee_number
        if dec is None:
            skipped.append((number, "未決定", "not decided"))
        elif dec.outcome == "deferred":
            skipped.append((number, "保留中", "deferred"))
        elif not dec.meeting_closed:
            skipped.append((number, "委員会が終了していない", "the meeting is not closed"))
        else:
            held_on = meetings[dec.meeting_id].held_on
            letters.append(_letter(d, held_on, issued_on or date.today()))
    return letters, skipped


def _safe(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z_-]", "_", text)


def write_notices(db: Database, actor: Actor, run_id: int, out: str | Path,
                  one_file_each: bool = False, trainee_ids: Collection[int] | None = None,
                  issued_on: date | None = None) -> NoticeBatch:
    """All notices in one PDF at ``out``, or one PDF per trainee in the folder ``out``
    (``notice_<受講番号>.pdf``); audited with who received which kind of notice."""
    require(actor, Permission.PRINT_NOTICES)
    letters, skipped = notice_letters(db, run_id, trainee_ids, issued_on)
    if not letters:
        raise ValidationFailed("印刷できる通知書がありません（終了した委員会の認定・不認定のみ）。",
                               "No notice can be printed (only 認定 or 不認定 decided in a closed "
                               "meeting).")
    out = Path(out)
    try:
        if one_file_each:
            out.mkdir(parents=True, exist_ok=True)
            files = tuple(write_file(out / f"notice_{_safe(n.trainee_number)}.pdf",
                                     render_notices([n])) for n in letters)
        else:
            files = (write_file(out, render_notices(letters)),)
    except OSError as exc:
        raise ServiceError(f"フォルダー「{out}」を作成できません（{exc.strerror}）。",
                           f"Cannot create the folder '{out}' ({exc.strerror}).") from exc
    except DocumentTooLarge as exc:
        raise ServiceError("通知書に収まらない長さの記入があります。理由を短くしてください。",
                           "A text is too long to fit on a notice; shorten the reason.") from exc
    with db.transaction() as s:
        audit.record(s, actor, "committee.notices", "training_run", run_id, None, {
            "target": str(out), "files": len(files),
            "pass": [n.trainee_number for n in letters if n.kind == "pass"],
            "fail": [n.trainee_number for n in letters if n.kind == "fail"],
            "skipped": [x[0] for x in skipped]})
    return NoticeBatch(files, len(letters), tuple(skipped))
