"""Fixtures for the GUI tests: a fresh data folder and database per test, users of each role.
(The thread and timer guards for every Qt test live in tests/conftest.py.)"""

from __future__ import annotations

import time

import pytest

from scfn_desktop.config import ENV_DATA_DIR, ENV_DB_URL, resolve_db_url
from scfn_desktop.db.session import open_database
from scfn_desktop.services.admin import accounts
from scfn_desktop.services.permissions import SYSTEM

PASSWORDS = {"admin": "admin-pass", "staff": "staff-pass", "proctor": "proctor-pass",
             "committee": "committee-pass"}


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path))
    monkeypatch.delenv(ENV_DB_URL, raising=False)
    return tmp_path


@pytest.fixture
def db(data_dir):
    database = open_database(resolve_db_url())
    yield database
    database.dispose()


@pytest.fixture
def users(db):
    """One account per role used by the tests: username == role."""
    for role, secret in PASSWORDS.items():
        accounts.add_user(db, SYSTEM, role, role, secret, display_name=f"{role.title()} 太郎")
    return PASSWORDS


ROSTER_HEADER = ["受講番号", "氏名", "フリガナ", "ローマ字", "所属機関", "都道府県", "メールアドレス"]
GOOD_ROWS = [
    ["1001", "山田 花子", "ヤマダ ハナコ", "Yamada Hanako", "新宿区多文化共生プラザ", "東京都",
     "hanako@example.jp"],
    ["1002", "佐藤 健", "さとう けん", "Sato Ken", "横浜市国際交流協会", "神奈川県",
     "ken@example.jp"],
    ["1003", "グエン ヴァン アン", "グエン ヴァンアン", "Nguyen Van An", "新宿区多文化共生プラザ",
     "東京都", "an@example.jp"],
]


def write_roster_csv(path, rows):
    """A roster file as an office would send it (UTF-8 with BOM, Excel's CSV)."""
    lines = [",".join(ROSTER_HEADER)] + [",".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


@pytest.fixture
def roster(db, tmp_path):
    """Three trainees imported through the service (not through the UI under test)."""
    from scfn_desktop.services.roster import importing as roster_import

    path = write_roster_csv(tmp_path / "seed.csv", GOOD_ROWS)
    roster_import.apply_import(db, SYSTEM, path)
    return GOOD_ROWS


@pytest.fixture
def tokyo(monkeypatch):
    """This PC's clock in Japan (UTC+9), whatever the test machine's zone."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def japanese(qapp):
    """Install the Japanese catalogues for one test (yields the catalogues loaded); back to the
    English sources afterwards."""
    from scfn_desktop.ui.i18n import install_translators

    loaded = install_translators("ja")
    yield loaded
    install_translators("en")


@pytest.fixture
def make_window(db, qtbot):
    """Open the real main window for a role (logged in through the service)."""
    from scfn_desktop.ui.context import AppContext
    from scfn_desktop.ui.main_window import MainWindow

    windows: list[MainWindow] = []  # qtbot keeps only weak references

    def make(role: str, language: str = "en") -> MainWindow:
        actor = accounts.authenticate(db, role, PASSWORDS[role])
        window = MainWindow(AppContext(db, actor, language))
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    windows.clear()
