"""`scfn`: the command line, for set-up, scripting and checks without the GUI.

Each feature registers its own subcommands from its own module: append the module's
`register(subparsers)` to `COMMANDS`. A subcommand stores its handler with
`parser.set_defaults(handler=fn)`; the handler receives a `Cli` (arguments, language, database,
actor) and returns the exit code. Expected failures (`ServiceError`) print their Japanese or
English text to stderr and exit 1; usage errors exit 2; there is never a traceback for them.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import sys
from collections.abc import Callable, Sequence

from scfn_desktop.cli import admin as cli_admin
from scfn_desktop.cli import backup as cli_backup
from scfn_desktop.cli import badges as cli_badges
from scfn_desktop.cli import cards as cli_cards
from scfn_desktop.cli import checkin as cli_checkin
from scfn_desktop.cli import committee as cli_committee
from scfn_desktop.cli import exams as cli_exams
from scfn_desktop.cli import keys as cli_keys
from scfn_desktop.cli import register as cli_register
from scfn_desktop.cli import roster as cli_roster
from scfn_desktop.cli import runs as cli_runs
from scfn_desktop.cli.common import Cli, add_global_options, default_language
from scfn_desktop.services.errors import ServiceError

Registrar = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]

# Feature modules add their `register` here (e.g. cli_exams.register).
COMMANDS: list[Registrar] = [cli_admin.register, cli_roster.register, cli_runs.register,
                             cli_exams.register, cli_backup.register, cli_checkin.register,
                             cli_badges.register, cli_committee.register, cli_register.register,
                             cli_cards.register, cli_keys.register]


DESCRIPTION = {"ja": "外国人支援コーディネーター認定システム（SCFN desktop）のコマンドライン",
               "en": "Command line of SCFN desktop, the certification system for Support "
                     "Coordinators for Foreign Nationals"}


def build_parser(lang: str = "ja") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scfn", description=DESCRIPTION.get(lang, DESCRIPTION["en"]))
    add_global_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in COMMANDS:
        register(subparsers)
    return parser


def _language(argv: Sequence[str] | None) -> str:
    """`--lang` as given (read before the parser exists, so `--help` follows it too)."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", choices=("ja", "en"))
    known, _ = pre.parse_known_args(sys.argv[1:] if argv is None else list(argv))
    return known.lang or default_language()


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # a frozen build's scan workers start here (omr.batch)
    parser = build_parser(_language(argv))
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    for stream in (sys.stdout, sys.stderr):
        # A Japanese Windows console is CP932: print 〓-style replacements, never crash.
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
    cli = Cli(args, args.lang or default_language())
    try:
        return int(handler(cli) or 0)
    except ServiceError as exc:
        cli.warn(exc.message(cli.lang))
        return 1
    except KeyboardInterrupt:
        cli.warn("中断しました。", "Interrupted.")
        return 130
    finally:
        cli.close()


if __name__ == "__main__":
    sys.exit(main())
