"""PostgreSQL enforces VARCHAR lengths where SQLite stores anything: over-long input must be
refused by the service with a message (or fitted), never end in a database error."""

from __future__ import annotations

from datetime import date, time

import numpy as np
import pytest
from examkit import COMMITTEE, PROCTOR, make_run, write_png

from scfn_desktop.db.session import Database
from scfn_desktop.services import audit
from scfn_desktop.services.admin import accounts
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.exams.scanning import import_scans
from scfn_desktop.services.permissions import SYSTEM, Actor
from scfn_desktop.services.progress import run_to_end
from scfn_desktop.services.runs import training_runs as runs

ADMIN = Actor(username="admin", role="admin")
DAYS = [(date(2025, 11, 15), time(10), time(17))]


def test_account_names(pg_db: Database) -> None:
    with pytest.raises(ValidationFailed):
        accounts.add_user(pg_db, SYSTEM, "u" * 61, "admin", "s3cret")
    with pytest.raises(ValidationFailed):
        accounts.add_user(pg_db, SYSTEM, "admin", "admin", "s3cret", "名" * 121)
    accounts.add_user(pg_db, SYSTEM, "u" * 60, "admin", "s3cret", "名" * 120)
    assert accounts.count_users(pg_db) == 1


def test_run_venue(pg_db: Database) -> None:
    with pytest.raises(ValidationFailed):
        runs.create_run(pg_db, ADMIN, 2025, 1, "会" * 201, DAYS)
    assert runs.create_run(pg_db, ADMIN, 2025, 1, "会" * 200, DAYS).venue == "会" * 200


def test_exam_title(pg_db: Database) -> None:
    run = make_run(pg_db, 1)
    with pytest.raises(ValidationFailed):
        exams.create_exam(pg_db, COMMITTEE, run, 1, {1: ["1"]}, title="試" * 121)
    assert exams.create_exam(pg_db, COMMITTEE, run, 1, {1: ["1"]}, title="試" * 120).title


def test_scan_from_a_deep_folder(pg_db: Database, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SCFN_DATA_DIR", str(tmp_path / "data"))
    run = make_run(pg_db, 1)
    exam_id = exams.create_exam(pg_db, COMMITTEE, run, 1, {1: ["1"]}).id
    deep = tmp_path.joinpath(*(["スキャナー出力フォルダ" * 4] * 12))
    image = write_png(deep / "白紙.png", np.full((400, 300), 255, np.uint8))
    assert len(str(image)) > 500
    batch = run_to_end(import_scans(pg_db, PROCTOR, exam_id, [image]))
    assert [s.error_code for s in batch.sheets] == ["blank_page"]
    with pg_db.session() as s:
        assert audit.verify_chain(s).ok
