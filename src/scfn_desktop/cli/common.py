"""What every `scfn` subcommand receives: the parsed arguments, the language, the database
(opened on first use) and the acting user (resolved on first write).

Who acts (written into the audit log):
- `--user NAME`: that account, after its password (prompt, or the first line of stdin with
  `--user-password-stdin`). Required when the database is not a local SQLite file.
- otherwise, on a local SQLite file: the operating-system user, as `cli:<login>` with the
  administrator role. Whoever can run commands on this PC can open the file anyway, so a
  password would add no protection; naming the OS user keeps the audit log honest.
Commands that only read (list, show, verify, log, export aside) need no actor.
"""

from __future__ import annotations

import argparse
import getpass
import locale
import os
import sys
from dataclasses import dataclass, field
from typing import TextIO

from scfn_desktop.config import resolve_db_url
from scfn_desktop.db import Database
from scfn_desktop.db.session import open_database
from scfn_desktop.services.admin.accounts import authenticate
from scfn_desktop.services.errors import ServiceError, ValidationFailed
from scfn_desktop.services.permissions import Actor


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


@dataclass
class Cli:
    args: argparse.Namespace
    lang: str
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    _db: Database | None = None
    _actor: Actor | None = None

    def t(self, ja: str, en: str) -> str:
        return ja if self.lang == "ja" else en

    def say(self, ja: str, en: str | None = None) -> None:
        print(ja if en is None else self.t(ja, en), file=self.stdout)

    def warn(self, ja: str, en: str | None = None) -> None:
        print(ja if en is None else self.t(ja, en), file=self.stderr)

    @property
    def url(self) -> str:
        return resolve_db_url(self.args.db)

    def db(self) -> Database:
        if self._db is None:
            self._db = open_database(self.url)
        return self._db

    def set_db(self, db: Database) -> None:
        self._db = db

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()

    def location(self, db: Database) -> str:
        path = db.sqlite_path
        return str(path) if path else db.engine.url.render_as_string(hide_password=True)

    def stdin_line(self) -> str:
        line = self.stdin.readline()
        if not line:
            raise ServiceError("標準入力からパスワードを読めません。",
                               "No password could be read from standard input.")
        return line.rstrip("\r\n")

    def actor(self) -> Actor:
        """The acting user for a write (see the module docstring)."""
        if self._actor is None:
            db = self.db()
            if self.args.user:
                if self.args.user_password_stdin:
                    secret = self.stdin_line()
                else:
                    secret = getpass.getpass(self.t(f"{self.args.user} のパスワード: ",
                                                    f"Password for {self.args.user}: "))
                self._actor = authenticate(db, self.args.user, secret)
            elif db.sqlite_path is not None:
                self._actor = Actor(username=f"cli:{getpass.getuser()}", role="admin",
                                    display_name=getpass.getuser())
            else:
                raise ServiceError(
                    "共有データベースへの書き込みには --user でユーザー名を指定してください。",
                    "Writing to a shared database needs --user NAME.")
        return self._actor

    def new_password(self, from_stdin: bool) -> str:
        """A new account's password: the next stdin line, or typed twice at a hidden prompt."""
        if from_stdin:
            return self.stdin_line()
        first = getpass.getpass(self.t("新しいパスワード: ", "New password: "))
        second = getpass.getpass(self.t("もう一度入力: ", "Repeat the password: "))
        if first != second:
            raise ValidationFailed("パスワードが一致しません。", "The passwords do not match.")
        return first


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL",
                        help="database URL (default: SCFN_DB_URL, else the local SQLite file)")
    parser.add_argument("--lang", choices=("ja", "en"),
                        help="language of messages (default: from the locale / LANG)")
    parser.add_argument("--user", metavar="NAME",
                        help="act as this account (password prompted). Without it, on a local "
                             "SQLite file the OS user acts as administrator 'cli:<login>'; "
                             "a shared database requires --user")
    parser.add_argument("--user-password-stdin", action="store_true",
                        help="read the --user password from the first line of stdin")
