"""Owner-only files on Linux (issue 9, §4): the database (and its WAL), scans, keys, checkpoints,
backups, the station id and settings are 0600 in 0700 folders, whatever the umask."""

from __future__ import annotations

import os
import stat

import pytest

from scfn_desktop.config import Settings
from scfn_desktop.services.admin import accounts
from scfn_desktop.services.backup.create import create_backup
from scfn_desktop.services.demo.loader import load_demo
from scfn_desktop.services.demo.scans import demo_exam_id, write_sample_scans
from scfn_desktop.services.exams.scanning import import_scans
from scfn_desktop.services.permissions import SYSTEM
from scfn_desktop.services.progress import run_to_end

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: see docs)")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A data folder of its own, so the test's scanner folder is not part of what is checked."""
    monkeypatch.setenv("SCFN_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def db(data_dir):
    from scfn_desktop.config import resolve_db_url
    from scfn_desktop.db.session import open_database

    database = open_database(resolve_db_url())
    yield database
    database.dispose()


@pytest.fixture
def wide_umask():
    """The usual desktop umask, under which a plain open() makes world-readable files."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def modes(root):
    return {p.relative_to(root).as_posix(): stat.S_IMODE(p.stat().st_mode)
            for p in [root, *root.rglob("*")]}


def test_everything_the_app_writes_in_its_data_folder_is_owner_only(wide_umask, data_dir,
                                                                    tmp_path, db):
    load_demo(db)
    exam_id = demo_exam_id(db)
    run_to_end(write_sample_scans(db, SYSTEM, exam_id, tmp_path / "scanner", 2))
    run_to_end(import_scans(db, SYSTEM, exam_id, [tmp_path / "scanner"]))
    accounts.authenticate(db, "admin", "demo-admin")  # station id, checkpoint
    Settings(language="ja").save()
    run_to_end(create_backup(db, SYSTEM, data_dir / "backups", automatic=True))
    found = modes(data_dir)
    kinds = {"scfn.sqlite3", "scfn.sqlite3-wal", "station-id", "settings.json",
             "keys/station.pem"}
    assert kinds <= set(found), sorted(found)
    assert any(k.startswith("scans/") and k.endswith(".png") for k in found)
    assert any(k.startswith("keys/checkpoints/") for k in found)
    assert any(k.startswith("backups/scfn-auto-") and k.endswith("manifest.json") for k in found)
    loose = {k: oct(m) for k, m in found.items()
             if m != (0o700 if (data_dir / k).is_dir() else 0o600)}
    assert loose == {}, loose


def test_an_existing_world_readable_database_is_tightened(wide_umask, data_dir):
    from scfn_desktop.config import resolve_db_url
    from scfn_desktop.db.session import open_database

    data_dir.mkdir(parents=True)
    os.chmod(data_dir, 0o755)
    (data_dir / "scfn.sqlite3").touch(mode=0o644)
    db = open_database(resolve_db_url())
    db.dispose()
    assert stat.S_IMODE((data_dir / "scfn.sqlite3").stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


def test_a_chosen_backup_folder_that_exists_is_left_as_it_is(wide_umask, data_dir, tmp_path,
                                                            db):
    usb = tmp_path / "usb-stick"
    usb.mkdir(mode=0o755)
    os.chmod(usb, 0o755)
    result = run_to_end(create_backup(db, SYSTEM, usb, automatic=True))
    assert stat.S_IMODE(usb.stat().st_mode) == 0o755  # not ours to change
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o700  # the backup inside is private
