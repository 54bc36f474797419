"""`scfn register export` (認定者名簿: xlsx, pdf, csv, json) and `scfn organisations export`
(the public 所属機関リスト: xlsx, csv, json); `-o -` writes to standard output."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from scfn_desktop.cli.common import Cli
from scfn_desktop.services.committee.exports import (
    ORGANISATION_FORMATS,
    REGISTER_FORMATS,
    ExportData,
    export_organisations,
    export_register,
)
from scfn_desktop.services.committee.register import SORT_KEYS, STATUS_FILTERS
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.exports import write_file


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    reg = sub.add_parser("register", help="認定者名簿 (register of certified persons)"
                         ).add_subparsers(dest="register_command", metavar="ACTION",
                                          required=True)
    p = reg.add_parser("export", help="export the register")
    p.add_argument("--format", choices=REGISTER_FORMATS, help="default: from -o's extension")
    p.add_argument("-o", "--output", required=True, help="file, or - for stdout")
    p.add_argument("--status", choices=STATUS_FILTERS, help="only this status")
    p.add_argument("--run", type=int, metavar="ID", help="only this training run")
    p.add_argument("--query", default="", help="number, name, kana or organisation")
    p.add_argument("--sort", choices=SORT_KEYS, default="number")
    p.add_argument("--as-of", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="the day statuses are reckoned on (default: today)")
    p.set_defaults(handler=cmd_register_export)

    org = sub.add_parser("organisations", help="所属機関リスト (public list of organisations)"
                         ).add_subparsers(dest="organisations_command", metavar="ACTION",
                                          required=True)
    p = org.add_parser("export", help="export the public list (names only with consent)")
    p.add_argument("--format", choices=ORGANISATION_FORMATS,
                   help="default: from -o's extension")
    p.add_argument("-o", "--output", required=True, help="file, or - for stdout")
    p.add_argument("--as-of", type=date.fromisoformat, metavar="YYYY-MM-DD")
    p.set_defaults(handler=cmd_organisations_export)


def _format(cli: Cli, allowed: tuple[str, ...]) -> str:
    a = cli.args
    fmt = a.format or ("json" if a.output == "-" else Path(a.output).suffix.lower().lstrip("."))
    if fmt not in allowed:
        raise ValidationFailed(f"--format で形式を指定してください（{' / '.join(allowed)}）。",
                               f"Give the format with --format ({' / '.join(allowed)}).")
    return fmt


def _write(cli: Cli, result: ExportData, what_ja: str, what_en: str) -> int:
    if cli.args.output == "-":
        cli.stdout.flush()
        out = getattr(cli.stdout, "buffer", None) or sys.stdout.buffer
        out.write(result.data)
        out.flush()
        cli.warn(f"{what_ja} {result.count} 件（{result.fmt}）",
                 f"{result.count} {what_en} ({result.fmt})")
        return 0
    write_file(cli.args.output, result.data)
    cli.say(f"{what_ja} {result.count} 件を {cli.args.output} に書き出しました（{result.fmt}）。",
            f"Wrote {result.count} {what_en} to {cli.args.output} ({result.fmt}).")
    return 0


def cmd_register_export(cli: Cli) -> int:
    a = cli.args
    fmt = _format(cli, REGISTER_FORMATS)
    result = export_register(cli.db(), cli.actor(), fmt, a.as_of, a.status, a.run, a.query,
                             a.sort)
    return _write(cli, result, "認定者", "certificate(s)")


def cmd_organisations_export(cli: Cli) -> int:
    fmt = _format(cli, ORGANISATION_FORMATS)
    result = export_organisations(cli.db(), cli.actor(), fmt, cli.args.as_of)
    return _write(cli, result, "所属機関", "organisation(s)")
