"""`scfn cards ...` (認定証: list, issue, print, reissue, renew, revoke, photos, calibration,
renewal reminders, Open Badges) and `scfn verify` (a code, an image or a PDF).

Issuing, reissuing and renewing sign with the issuer key: after the login, its passphrase (if
it has one) comes from `--key-passphrase-stdin`, `SCFN_KEY_PASSPHRASE` or a prompt. Printing
needs no key. `scfn verify` needs no login: exit 0 valid, 1 expired, 2 revoked or superseded,
3 forged, unknown key or unreadable.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from scfn_desktop.cli.common import Cli
from scfn_desktop.services.certificates import cards, photos, printing, publishing, status
from scfn_desktop.services.certificates import verification as verify_service
from scfn_desktop.services.committee.certification import revoke_certificate
from scfn_desktop.services.errors import ServiceError, ValidationFailed
from scfn_desktop.services.exports import write_file
from scfn_desktop.services.progress import run_to_end

UNREADABLE = 3


def _numbers(text: str | None) -> list[str] | None:
    return [n for n in (p.strip() for p in text.split(",")) if n] if text else None


def _offset(text: str) -> tuple[float, float]:
    try:
        x, y = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError("X,Y in millimetres, e.g. 0.5,-1.2") from None
    return x, y


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    grp = sub.add_parser("cards", help="認定証 (certificate cards)").add_subparsers(
        dest="cards_command", metavar="ACTION", required=True)
    p = grp.add_parser("list", help="every card with its status")
    p.add_argument("--status", choices=status.FILTERS)
    p.add_argument("--months", type=int, default=status.DEFAULT_MONTHS,
                   help="'expiring' means within this many months (default 6)")
    p.add_argument("--as-of", type=date.fromisoformat, metavar="YYYY-MM-DD")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)
    p = grp.add_parser("issue", help="issue the first card of every certified person "
                                     "without one (signs with the issuer key)")
    p.add_argument("--run", type=int, metavar="ID", help="only this training run")
    p.add_argument("--numbers", metavar="N,...", help="only these certificate numbers")
    p.set_defaults(handler=cmd_issue)
    p = grp.add_parser("print", help="write issued cards as a PDF (no key needed)")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    p.add_argument("--layout", choices=printing.LAYOUTS, default="card",
                   help="card: one ID-1 page per side (card printer); a4-10: 10 per A4 sheet")
    p.add_argument("--numbers", metavar="N,...", help="default: every printable card")
    p.add_argument("--run", type=int, metavar="ID")
    p.add_argument("--offset", type=_offset, metavar="X,Y",
                   help="A4 offset in mm (default: the one saved on this PC)")
    p.set_defaults(handler=cmd_print)
    p = grp.add_parser("reissue", help="再交付: the next revision supersedes the old card")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--reason", required=True,
                   help="loss, damage, name_change, or a short text")
    p.add_argument("-o", "--output", type=Path, metavar="FILE.pdf", help="also print it")
    p.set_defaults(handler=cmd_reissue)
    p = grp.add_parser("renew", help="更新 after the 認証更新研修: new validity, new card")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--until", type=date.fromisoformat, metavar="YYYY-MM-DD")
    p.add_argument("--completed-on", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="date the renewal training was completed (the rule sets the validity)")
    p.set_defaults(handler=cmd_renew)
    p = grp.add_parser("revoke", help="取消 (the secretariat): every revision is withdrawn")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--reason", required=True)
    p.add_argument("--date", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="date of the revocation (default: today)")
    p.set_defaults(handler=cmd_revoke)
    p = grp.add_parser("photo", help="set (or --remove) the photo printed on a card")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("image", nargs="?", type=Path, metavar="IMAGE")
    p.add_argument("--remove", action="store_true")
    p.set_defaults(handler=cmd_photo)
    p = grp.add_parser("calibration", help="the A4 calibration page (with the saved offset)")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    p.set_defaults(handler=cmd_calibration)
    p = grp.add_parser("offset", help="save this PC's A4 offset (mm), measured on the "
                                      "calibration page")
    p.add_argument("offset", type=_offset, metavar="X,Y")
    p.set_defaults(handler=cmd_offset)
    p = grp.add_parser("reminders", help="renewal reminders: cards expiring within N months")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx|FILE.csv")
    p.add_argument("--months", type=int, default=status.DEFAULT_MONTHS)
    p.set_defaults(handler=cmd_reminders)
    p = grp.add_parser("badges", help="Open Badges 3.0 (VC-JWT), one file per certified person")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FOLDER")
    p.add_argument("--numbers", metavar="N,...")
    p.add_argument("--include-name", action="store_true",
                   help="also write the romaji name in plain text (default: hashed only)")
    p.set_defaults(handler=cmd_badges)

    p = sub.add_parser("verify", help="check a card: its code, or an image or PDF of it "
                                      "(exit 0 valid, 1 expired, 2 revoked/superseded, "
                                      "3 forged/unreadable)")
    p.add_argument("code", metavar="TEXT|IMAGE|PDF")
    p.add_argument("--revocations", type=Path, metavar="FILE.json",
                   help="a signed revocation list exported by the issuer")
    p.add_argument("--name", default=None, help="the holder's romaji name, to compare")
    p.add_argument("--date", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="judge validity on this day (default: today in Japan)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_verify)


def cmd_list(cli: Cli) -> int:
    a = cli.args
    day = a.as_of or date.today()
    rows = status.card_rows(cli.db(), day, a.status, a.months)
    if a.json:
        cli.say(status.rows_json(rows, day))
        return 0
    for r in rows:
        label = cli.t(*status.STATUSES[r.status])
        if r.expiring:
            label += cli.t("（期限間近）", " (expiring)")
        revision = f"{r.revision}" if r.revision else "-"
        cli.say(f"{r.number}  {revision:>3}  {label:<10}  {r.valid_until}  {r.trainee_number}  "
                f"{r.name}")
    cli.warn(f"{len(rows)} 件", f"{len(rows)} card(s)")
    return 0


def cmd_issue(cli: Cli) -> int:
    key = cli.issuer_key()
    result = run_to_end(cards.issue_cards(cli.db(), cli.actor(), key, run_id=cli.args.run,
                                          numbers=_numbers(cli.args.numbers)))
    for c in result.issued:
        cli.say(f"{c.number}  {c.name_kanji or c.name_romaji}")
    for number, ja, en in result.skipped:
        cli.warn(f"{number}: {cli.t(ja, en)}")
    cli.say(f"認定証 {len(result.issued)} 件を交付しました。",
            f"Issued {len(result.issued)} card(s).")
    return 0


def cmd_print(cli: Cli) -> int:
    a = cli.args
    result = run_to_end(printing.print_cards(cli.db(), cli.actor(), a.output, a.layout,
                                             _numbers(a.numbers), a.run, a.offset))
    cli.say(f"認定証 {result.cards} 枚（{result.pages} ページ）を {result.path} に書き出しました。",
            f"Wrote {result.cards} card(s), {result.pages} page(s), to {result.path}.")
    return 0


def cmd_reissue(cli: Cli) -> int:
    issued = cards.reissue_card(cli.db(), cli.actor(), cli.issuer_key(), cli.args.number,
                                cli.args.reason)
    cli.say(f"{issued.number} を再交付しました（第{issued.revision}版）。以前の認定証は使えません。",
            f"Reissued {issued.number} (revision {issued.revision}); earlier cards are "
            "superseded.")
    if cli.args.output:
        run_to_end(printing.print_cards(cli.db(), cli.actor(), cli.args.output, "card",
                                        [issued.number]))
        cli.say(f"{cli.args.output} に書き出しました。", f"Wrote {cli.args.output}.")
    return 0


def cmd_renew(cli: Cli) -> int:
    a = cli.args
    if a.until is None and a.completed_on is None:
        raise ValidationFailed("--until か --completed-on を指定してください。",
                               "Give --until or --completed-on.")
    issued = cards.renew_certificate(cli.db(), cli.actor(), cli.issuer_key(), a.number,
                                     completed_on=a.completed_on, until=a.until)
    cli.say(f"{issued.number} を更新しました: 有効期限 {issued.valid_until}（第{issued.revision}版）。",
            f"Renewed {issued.number}: valid until {issued.valid_until} (revision "
            f"{issued.revision}).")
    return 0


def cmd_revoke(cli: Cli) -> int:
    a = cli.args
    revoke_certificate(cli.db(), cli.actor(), a.number, a.date or date.today(), a.reason)
    cli.say(f"{a.number} を取り消しました。失効リストを書き出して配布してください。",
            f"Revoked {a.number}. Export and hand out the revocation list.")
    return 0


def cmd_photo(cli: Cli) -> int:
    a = cli.args
    if a.remove:
        photos.remove_photo(cli.db(), cli.actor(), a.number)
        cli.say(f"{a.number} の写真を外しました。", f"Removed the photo of {a.number}.")
        return 0
    if a.image is None:
        raise ValidationFailed("画像ファイルを指定してください。", "Name the image file.")
    photos.import_photo(cli.db(), cli.actor(), a.number, photos.read_photo_file(a.image))
    cli.say(f"{a.number} の写真を登録しました。", f"Stored the photo of {a.number}.")
    return 0


def cmd_calibration(cli: Cli) -> int:
    path = printing.write_calibration(cli.actor(), cli.args.output)
    x, y = printing.saved_offset()
    cli.say(f"位置合わせのページを {path} に書き出しました（現在の補正 X={x:+.1f} mm, Y={y:+.1f} mm）。",
            f"Wrote the calibration page to {path} (current offset X={x:+.1f} mm, "
            f"Y={y:+.1f} mm).")
    return 0


def cmd_offset(cli: Cli) -> int:
    x, y = printing.save_offset(cli.actor(), *cli.args.offset)
    cli.say(f"A4 の補正を保存しました: X={x:+.1f} mm, Y={y:+.1f} mm",
            f"Saved the A4 offset: X={x:+.1f} mm, Y={y:+.1f} mm")
    return 0


def cmd_reminders(cli: Cli) -> int:
    a = cli.args
    fmt = a.output.suffix.lower().lstrip(".")
    data, count = status.export_reminders(cli.db(), cli.actor(), fmt, months=a.months)
    write_file(a.output, data)
    cli.say(f"更新のお知らせ {count} 件を {a.output} に書き出しました。",
            f"Wrote {count} renewal reminder(s) to {a.output}.")
    return 0


def cmd_badges(cli: Cli) -> int:
    a = cli.args
    a.output.mkdir(parents=True, exist_ok=True)
    result = run_to_end(publishing.export_open_badges(cli.db(), cli.actor(), cli.issuer_key(),
                                                      a.output, _numbers(a.numbers),
                                                      a.include_name))
    for number, ja, en in result.skipped:
        cli.warn(f"{number}: {cli.t(ja, en)}")
    cli.say(f"オープンバッジ {len(result.written)} 件を {a.output} に書き出しました。",
            f"Wrote {len(result.written)} Open Badge(s) to {a.output}.")
    return 0


def cmd_verify(cli: Cli) -> int:
    """A list, image or PDF that cannot be used is "unreadable" (3), not a failure (1, which
    would read as "expired" to a script)."""
    try:
        return _verify(cli)
    except ServiceError as exc:
        cli.warn(exc.message(cli.lang))
        return UNREADABLE


def _verify(cli: Cli) -> int:
    a = cli.args
    db = cli.db()
    listing = verify_service.load_revocation_file(db, a.revocations) if a.revocations else None
    source = Path(a.code)
    is_file = len(a.code) < 4096 and source.suffix != "" and source.is_file()
    if not is_file:
        verdict = verify_service.verify_text(db, a.code, revocations=listing, today=a.date,
                                             holder_name=a.name)
        _show(cli, verdict.as_dict() if a.json else None, [(0, verdict)])
        return verdict.exit_code
    found = verify_service.verify_file(db, source, revocations=listing, today=a.date)
    if a.json:
        cli.say(json.dumps({"file": source.name, "codes": [
            {"page": f.page, **f.verdict.as_dict()} for f in found]},
            ensure_ascii=False, indent=2, default=str))
    else:
        _show(cli, None, [(f.page, f.verdict) for f in found])
    if not found:
        cli.warn(f"{source.name} にQRコードが見つかりません。", f"No QR code found in {source.name}.")
        return UNREADABLE
    return max(f.verdict.exit_code for f in found)


def _show(cli: Cli, as_json: dict | None, verdicts) -> None:  # type: ignore[no-untyped-def]
    if as_json is not None:
        cli.say(json.dumps(as_json, ensure_ascii=False, indent=2, default=str))
        return
    for page, verdict in verdicts:
        head = cli.t(verdict.label_ja, verdict.label_en).upper()
        cli.say((f"[{page}] " if page else "") + f"{head}: "
                + cli.t(verdict.reason_ja, verdict.reason_en))
        for ja, en, value in verdict.details():
            cli.say(f"  {cli.t(ja, en)}: {value}")
