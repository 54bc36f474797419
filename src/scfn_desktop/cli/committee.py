"""`scfn committee ...`: proposals, decisions, meetings, the agency's 認証 and the notices.

Deciding needs a committee account (`--user NAME`): on a local SQLite file without `--user`
the command acts as the OS user with the administrator role, and the administrator (the
secretariat) does not decide. Recording the 認証 is the secretariat's act (administrator).
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from scfn_desktop.cli.common import Cli
from scfn_desktop.rules.proposal import CATEGORIES, OUTCOMES
from scfn_desktop.services.committee import certification, decisions, meetings, notices
from scfn_desktop.services.committee.dossier import dossier, run_dossiers
from scfn_desktop.services.committee.serialise import dossier_json
from scfn_desktop.services.committee.views import STATES, category_label
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.permissions import Permission
from scfn_desktop.services.roster.trainees import find_trainee_id


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    com = sub.add_parser("committee", help="認定審査委員会: proposals, decisions, meetings"
                         ).add_subparsers(dest="committee_command", metavar="ACTION",
                                          required=True)
    p = com.add_parser("proposals", help="every trainee's proposal (判定案) with its reasons")
    p.add_argument("--run", type=int, required=True, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_proposals)

    p = com.add_parser("decide", help="record a decision (needs a committee user: --user)")
    p.add_argument("trainee", metavar="TRAINEE", help="受講番号")
    p.add_argument("--outcome", required=True, choices=tuple(OUTCOMES))
    p.add_argument("--category", choices=tuple(CATEGORIES), default="",
                   help="reason category of a not_certified decision")
    p.add_argument("--reason", default="", help="required for not_certified and against "
                                               "the proposal")
    p.add_argument("--awaiting", default="", help="what a deferred decision waits for")
    p.add_argument("--meeting", type=int, metavar="ID",
                   help="default: the open meeting of the trainee's run")
    p.set_defaults(handler=cmd_decide)

    p = com.add_parser("accept", help="accept the proposals of the clear cases (bulk)")
    p.add_argument("--meeting", type=int, required=True, metavar="ID")
    p.add_argument("--yes", action="store_true",
                   help="record them; without it, only list exactly who would be decided")
    p.set_defaults(handler=cmd_accept)

    p = com.add_parser("meetings", help="list meetings")
    p.add_argument("--run", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_meetings)

    p = com.add_parser("open", help="open a meeting of a run")
    p.add_argument("--run", type=int, required=True, metavar="ID")
    p.add_argument("--date", required=True, type=date.fromisoformat, metavar="YYYY-MM-DD")
    p.add_argument("--place", default="")
    p.add_argument("--online", action="store_true")
    p.add_argument("--chair", required=True, metavar="NAME")
    p.add_argument("--member", action="append", default=[], metavar="NAME")
    p.set_defaults(handler=cmd_open)

    p = com.add_parser("close", help="close a meeting (locks its decisions, writes the minutes)")
    p.add_argument("meeting", type=int, metavar="MEETING")
    p.set_defaults(handler=cmd_close)

    p = com.add_parser("certify", help="record the agency's 認証 (secretariat / administrator)")
    p.add_argument("trainees", nargs="+", metavar="TRAINEE", help="受講番号")
    p.add_argument("--date", required=True, type=date.fromisoformat, metavar="YYYY-MM-DD")
    p.add_argument("--reference", required=True, help="the agency's reference")
    p.set_defaults(handler=cmd_certify)

    p = com.add_parser("notices", help="result notices of a run as PDF")
    p.add_argument("--run", type=int, required=True, metavar="ID")
    p.add_argument("-o", "--output", required=True, type=Path,
                   help="one PDF, or a folder with --each")
    p.add_argument("--each", action="store_true", help="one PDF per trainee")
    p.set_defaults(handler=cmd_notices)


def _trainee(cli: Cli, number: str) -> int:
    tid = find_trainee_id(cli.db(), number)
    if tid is None:
        raise NotFound(f"受講番号 {number} の受講生はいません。", f"No trainee with number {number}.")
    return tid


def cmd_proposals(cli: Cli) -> int:
    dossiers = run_dossiers(cli.db(), cli.args.run)
    if cli.args.json:
        cli.say(json.dumps([dossier_json(d) for d in dossiers], ensure_ascii=False, indent=1))
        return 0
    labels = {"certify": ("認定", "certify"), "not_certified": ("不認定", "not certified"),
              "cannot_decide": ("判定不能", "cannot decide")}
    for d in dossiers:
        p = d.proposal
        state = cli.t(*STATES[d.state])
        cli.say(f"{d.identity.trainee_number}\t{d.identity.name}\t"
                f"{cli.t(*labels[p.status.value])}\t{state}\t{cli.t(p.reason_ja, p.reason_en)}")
    cli.warn(f"{len(dossiers)} 名", f"{len(dossiers)} trainee(s)")
    return 0


def _open_meeting_of(cli: Cli, trainee_id: int) -> int:
    run_id = dossier(cli.db(), trainee_id).run_id
    found = [m for m in meetings.list_meetings(cli.db(), run_id) if m.is_open]
    if not found:
        raise ValidationFailed("この養成研修には開催中の委員会がありません（scfn committee open）。",
                               "This run has no open meeting (scfn committee open).")
    return found[0].id


def cmd_decide(cli: Cli) -> int:
    a = cli.args
    actor = cli.actor()
    if not actor.can(Permission.COMMITTEE_DECIDE):
        cli.warn("決定は認定審査委員のユーザーで行います（--user 委員のユーザー名）。",
                 "Decisions are taken by a committee account (--user NAME).")
        return 1
    tid = _trainee(cli, a.trainee)
    meeting = a.meeting or _open_meeting_of(cli, tid)
    v = decisions.decide(cli.db(), actor, meeting, tid, a.outcome, a.category, a.reason,
                         a.awaiting)
    ja, en = OUTCOMES[v.outcome]
    note = cli.t("（判定案と異なる）", " (against the proposal)") if v.against_proposal else ""
    cli.say(f"{a.trainee}: {ja} を記録しました（委員会 {meeting}、版 {v.version}）{note}。",
            f"{a.trainee}: recorded '{en}' (meeting {meeting}, version {v.version}){note}.")
    return 0


def cmd_accept(cli: Cli) -> int:
    a = cli.args
    candidates = decisions.bulk_candidates(cli.db(), a.meeting)
    for c in candidates:
        ja, en = OUTCOMES[c.outcome]
        why = category_label(c.category, cli.lang)
        cli.say(f"{c.trainee_number}\t{c.name}\t{cli.t(ja, en)}\t{why}")
    if not candidates:
        cli.say("一括で決定できる受講生はいません。", "No clear case to decide.")
        return 0
    if not a.yes:
        cli.warn(f"{len(candidates)} 名。記録するには --yes を付けて実行してください。",
                 f"{len(candidates)} trainee(s). Run again with --yes to record them.")
        return 0
    done = decisions.accept_proposals(cli.db(), cli.actor(), a.meeting,
                                      [c.trainee_id for c in candidates])
    cli.say(f"{len(done)} 名の判定案を決定として記録しました。",
            f"Recorded the proposals of {len(done)} trainee(s) as decisions.")
    return 0


def cmd_meetings(cli: Cli) -> int:
    views = meetings.list_meetings(cli.db(), cli.args.run)
    if cli.args.json:
        cli.say(json.dumps([{
            "id": m.id, "run_id": m.run_id, "training_run": m.run_label,
            "held_on": m.held_on.isoformat(), "place": m.place, "online": m.online,
            "status": m.status, "members": [{"name": x.name, "role": x.role}
                                            for x in m.members],
            "decisions": m.decisions, "minutes_file": m.minutes_file} for m in views],
            ensure_ascii=False, indent=1))
        return 0
    for m in views:
        status = cli.t("開催中", "open") if m.is_open else cli.t("終了", "closed")
        cli.say(f"{m.id}\t{m.run_label}\t{m.held_on}\t{cli.t(m.where_ja, m.where_en)}\t"
                f"{status}\t{cli.t(f'決定 {m.decisions} 件', f'{m.decisions} decisions')}")
    return 0


def cmd_open(cli: Cli) -> int:
    a = cli.args
    members = [(a.chair, "chair"), *((n, "member") for n in a.member)]
    m = meetings.open_meeting(cli.db(), cli.actor(), a.run, a.date, a.place, members,
                              online=a.online)
    cli.say(f"委員会 {m.id} を開催しました（{m.run_label}、{m.held_on}）。",
            f"Opened meeting {m.id} ({m.run_label}, {m.held_on}).")
    return 0


def cmd_close(cli: Cli) -> int:
    m = meetings.close_meeting(cli.db(), cli.actor(), cli.args.meeting)
    cli.say(f"委員会 {m.id} を終了しました（決定 {m.decisions} 件）。議事録: {m.minutes_file}",
            f"Closed meeting {m.id} ({m.decisions} decisions). Minutes: {m.minutes_file}")
    return 0


def cmd_certify(cli: Cli) -> int:
    a = cli.args
    ids = [_trainee(cli, n) for n in a.trainees]
    records = certification.record_certification(cli.db(), cli.actor(), ids, a.date,
                                                 a.reference)
    for r in records:
        cli.say(f"{r.number}\t{r.certified_on}\t{r.valid_until}")
    cli.say(f"{len(records)} 名の認証を記録しました。", f"Recorded the 認証 of {len(records)}.")
    return 0


def cmd_notices(cli: Cli) -> int:
    a = cli.args
    batch = notices.write_notices(cli.db(), cli.actor(), a.run, a.output, a.each)
    for number, ja, en in batch.skipped:
        cli.warn(f"{number}: {ja}", f"{number}: {en}")
    cli.say(f"通知書 {batch.letters} 通を書き出しました（ファイル {len(batch.files)} 個）。",
            f"Wrote {batch.letters} notice(s) in {len(batch.files)} file(s).")
    return 0
