"""The options every `scfn` command takes, and the language of its messages.

Kept apart from `cli.common` (the database, the login) because they are read before the
command is known: `scfn` looks at its command word and `--lang` first, with nothing heavier
than argparse imported, so that `scfn scan` can start its page readers at once.
"""

from __future__ import annotations

import argparse
import locale
import os

__all__ = ["add_global_options", "default_language"]


def default_language() -> str:
    """`ja` when the locale is Japanese (LANG=ja_JP.UTF-8, or Windows 'Japanese_Japan')."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return "ja" if name.lower().startswith(("ja", "japanese")) else "en"


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL",
                        help="database URL (default: SCFN_DB_URL, else the local SQLite file)")
    parser.add_argument("--lang", choices=("ja", "en"),
                        help="language of messages (default: from the locale / LANG)")
    parser.add_argument("--user", metavar="NAME",
                        help="the account making changes (default: SCFN_USER, else asked); "
                             "every change needs a login, reads do not")
    parser.add_argument("--user-password-stdin", action="store_true",
                        help="read the user's password from the first line of stdin "
                             "(default: SCFN_PASSWORD, else asked)")
    parser.add_argument("--key-passphrase-stdin", action="store_true",
                        help="read the certificate issuer key's passphrase from the next line "
                             "of stdin (default: SCFN_KEY_PASSPHRASE, else asked when the key "
                             "is protected)")
    parser.add_argument("--new-key-passphrase-stdin", action="store_true",
                        help="read the passphrase for a new issuer key (keys create, keys "
                             "rotate) from the next line of stdin (default: "
                             "SCFN_NEW_KEY_PASSPHRASE, else asked twice; empty for none)")
