"""What every `scfn` subcommand receives: the parsed arguments, the language, the database
(opened on first use) and the acting user (resolved on first write).

Who acts (written into the audit log): an account that proved itself, on every backend. The
audit log names a person for every change, so a write from the command line needs one:
- the name: `--user NAME`, else `SCFN_USER`, else a prompt when run at a terminal;
- the password: the first line of stdin with `--user-password-stdin`, else `SCFN_PASSWORD`
  (for scripts; the environment is visible to the same OS user only), else a hidden prompt.
The login is the GUI's (`accounts.authenticate`): the same failed-login delays, the same
audit entries. Bootstrap: while the database has no account at all, `scfn init --admin-user`,
`scfn user add` and `scfn demo` act as the installation itself ("system") to create the first
ones. Commands that only read (list, show, layout, audit verify/log, backup verify) need no
login: whoever runs them already holds the database file or its URL.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import dataclass, field
from typing import TextIO

from scfn_desktop.config import resolve_db_url
from scfn_desktop.db import Database
from scfn_desktop.db.session import open_database
from scfn_desktop.services.admin.accounts import authenticate, count_users
from scfn_desktop.services.errors import ServiceError, ValidationFailed
from scfn_desktop.services.permissions import SYSTEM, Actor

ENV_USER = "SCFN_USER"
ENV_PASSWORD = "SCFN_PASSWORD"
ENV_KEY_PASSPHRASE = "SCFN_KEY_PASSPHRASE"
ENV_NEW_KEY_PASSPHRASE = "SCFN_NEW_KEY_PASSPHRASE"


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
        """The acting user for a write: a login (see the module docstring)."""
        if self._actor is None:
            db = self.db()
            if count_users(db) == 0:
                raise ServiceError(
                    "まだユーザーがいません。先に管理者を作成してください: scfn init --admin-user 名前",
                    "There are no accounts yet. Create an administrator first: "
                    "scfn init --admin-user NAME")
            name = self.args.user or os.environ.get(ENV_USER, "")
            if not name:
                if not self.stdin.isatty():
                    raise ServiceError(
                        "書き込みにはログインが必要です。--user 名前（または環境変数 SCFN_USER）で"
                        "ユーザーを指定してください。",
                        "Changes need a login: name the user with --user NAME (or the "
                        "SCFN_USER environment variable).")
                name = input(self.t("ユーザー名: ", "User name: ")).strip()
            self._actor = authenticate(db, name, self._password(name))
        return self._actor

    def bootstrap_actor(self) -> Actor:
        """"system" while the database has no account yet (creating the first ones), else a
        login as for any write."""
        if self._actor is None and count_users(self.db()) == 0:
            self._actor = SYSTEM
        return self.actor()

    def _password(self, name: str) -> str:
        if self.args.user_password_stdin:
            return self.stdin_line()
        env = os.environ.get(ENV_PASSWORD)
        if env is not None:
            return env
        if not self.stdin.isatty():
            raise ServiceError(
                "パスワードを入力できません。--user-password-stdin（標準入力の1行目）か環境変数 "
                "SCFN_PASSWORD を使ってください。",
                "No password can be asked for here: use --user-password-stdin (first line of "
                "stdin) or the SCFN_PASSWORD environment variable.")
        return getpass.getpass(self.t(f"{name} のパスワード: ", f"Password for {name}: "))

    def key_passphrase(self, prompt_if_protected: bool = True) -> str | None:
        """The certificate issuer key's passphrase: the next stdin line with
        `--key-passphrase-stdin` (after the user's password line, when that comes from stdin
        too), else `SCFN_KEY_PASSPHRASE`, else asked at a terminal when the key file is
        protected; None when there is none. Never stored."""
        from scfn_desktop.services.certificates.issuer_keys import issuer_key_protected

        if self.args.key_passphrase_stdin:
            return self.stdin_line() or None
        env = os.environ.get(ENV_KEY_PASSPHRASE)
        if env is not None:
            return env or None
        if prompt_if_protected and issuer_key_protected() and self.stdin.isatty():
            return getpass.getpass(self.t("発行者鍵のパスフレーズ: ", "Issuer key passphrase: "))
        return None

    def new_key_passphrase(self) -> str | None:
        """A passphrase to protect a new issuer key: the next stdin line with
        `--new-key-passphrase-stdin`, else `SCFN_NEW_KEY_PASSPHRASE`, else typed twice at a
        terminal (empty: no passphrase)."""
        if self.args.new_key_passphrase_stdin:
            return self.stdin_line() or None
        env = os.environ.get(ENV_NEW_KEY_PASSPHRASE)
        if env is not None:
            return env or None
        if not self.stdin.isatty():
            return None
        first = getpass.getpass(self.t("新しい鍵のパスフレーズ（なしは空のまま Enter）: ",
                                       "New key passphrase (Enter for none): "))
        if first and first != getpass.getpass(self.t("もう一度入力: ", "Repeat it: ")):
            raise ValidationFailed("パスフレーズが一致しません。", "The passphrases do not match.")
        return first or None

    def issuer_key(self):  # type: ignore[no-untyped-def]
        """The unlocked certificate issuer key (created on first use, with the passphrase
        given if any), after the login: the password line comes before the passphrase."""
        from scfn_desktop.services.certificates.issuer_keys import unlock_issuer_key

        actor = self.actor()
        return unlock_issuer_key(self.db(), actor, self.key_passphrase())

    def new_password(self, from_stdin: bool) -> str:
        """A new account's password: the next stdin line, or typed twice at a hidden prompt."""
        if from_stdin:
            return self.stdin_line()
        if not self.stdin.isatty():
            raise ServiceError("新しいパスワードを入力できません。--password-stdin を使ってください。",
                               "No new password can be asked for here: use --password-stdin.")
        first = getpass.getpass(self.t("新しいパスワード: ", "New password: "))
        second = getpass.getpass(self.t("もう一度入力: ", "Repeat the password: "))
        if first != second:
            raise ValidationFailed("パスワードが一致しません。", "The passwords do not match.")
        return first
