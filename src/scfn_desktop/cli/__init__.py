"""`scfn`: the command line, for set-up, scripting and checks without the GUI.

Each feature registers its own subcommands from its own module's `register(subparsers)`, and
names the module and its top-level commands in `COMMAND_MODULES`. A subcommand stores its handler with
`parser.set_defaults(handler=fn)`; the handler receives a `Cli` (arguments, language, database,
actor) and returns the exit code. Expected failures (`ServiceError`) print their Japanese or
English text to stderr and exit 1; usage errors exit 2; there is never a traceback for them.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import multiprocessing
import sys
from collections.abc import Sequence

from scfn_desktop.cli.options import add_global_options, default_language

#: Each command group's module (`scfn_desktop.cli.<module>`, whose `register(subparsers)` adds
#: its commands) and the top-level commands it registers. Only the module of the command given
#: is imported: `scfn scan` then starts without importing the committee's, the cards' or the
#: backups' services (a third of a second to half a second on a venue PC, before the first
#: page is read). `--help`, no command or an unknown one import them all.
#: tests/cli/test_cli.py checks this table against what each module registers.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "admin": ("user", "audit", "init", "demo"),
    "roster": ("roster",),
    "runs": ("run",),
    "exams": ("exam", "sheets", "scan"),
    "backup": ("backup",),
    "checkin": ("checkin", "attendance"),
    "badges": ("badges",),
    "committee": ("committee",),
    "register": ("register", "organisations"),
    "cards": ("cards", "verify"),
    "keys": ("keys",),
}

#: Work a command starts before its module is imported and the user logged in (the module
#: named here, light, has `start(argv)`): `scfn scan` starts its page readers, whose start-up
#: then overlaps the command's own instead of following it.
EARLY_START: dict[str, str] = {"scan": "scfn_desktop.cli.scan_readers"}


DESCRIPTION = {"ja": "外国人支援コーディネーター認定システム（SCFN desktop）のコマンドライン",
               "en": "Command line of SCFN desktop, the certification system for Support "
                     "Coordinators for Foreign Nationals"}


def build_parser(lang: str = "ja", command: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command group, or only the group of `command` when it names one."""
    parser = argparse.ArgumentParser(prog="scfn", description=DESCRIPTION.get(lang, DESCRIPTION["en"]))
    add_global_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = [m for m, commands in COMMAND_MODULES.items() if command in commands]
    for module in wanted or COMMAND_MODULES:
        importlib.import_module(f"scfn_desktop.cli.{module}").register(subparsers)
    return parser


def _command(words: list[str]) -> str | None:
    """The command word (read before the parser exists, past the global options)."""
    pre = argparse.ArgumentParser(add_help=False)
    add_global_options(pre)
    _known, rest = pre.parse_known_args(words)
    return next((word for word in rest if not word.startswith("-")), None)


def _language(words: list[str]) -> str:
    """`--lang` as given (read before the parser exists, so `--help` follows it too)."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", choices=("ja", "en"))
    known, _ = pre.parse_known_args(words)
    return known.lang or default_language()


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # a frozen build's scan workers start here (omr.pool)
    words = sys.argv[1:] if argv is None else list(argv)
    command = _command(words)
    if command in EARLY_START:
        importlib.import_module(EARLY_START[command]).start(words)
    # Imported only now (SQLAlchemy, the services: half a second), after any early start.
    from scfn_desktop.cli.common import Cli
    from scfn_desktop.services.errors import ServiceError

    parser = build_parser(_language(words), command)
    args = parser.parse_args(words)
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
