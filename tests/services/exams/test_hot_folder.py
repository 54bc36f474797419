"""The hot folder (issue 8, part 3): files dropped into the watched folder are imported
exactly once, and only when complete: renamed into place, written at once, or written
slowly in chunks while the watcher polls."""

from __future__ import annotations

import os
import threading
import time

import cv2
import pytest
from examkit import PROCTOR, fill, make_exam, make_run, number, printed_pages
from sqlalchemy import func, select

from scfn_desktop.db.models.exams import ScanFile
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.exams.hot_folder import WatchProgress, watch_folder
from scfn_desktop.services.progress import run_to_end

N, K = 10, 4
KEY = "1,2,3,4,1,2,3,4,1,2"
RIGHT = {q: KEY.split(",")[q - 1] for q in range(1, N + 1)}
SETTLE = 1.0


@pytest.fixture
def exam(db) -> int:
    return make_exam(db, make_run(db, 4), n=N, key=KEY, pass_percent=60)


def _png(exam_id: int, i: int) -> bytes:
    page = printed_pages(str(exam_id), N, K, tuple(number(k) for k in range(1, 5)))[i]
    return cv2.imencode(".png", fill(page, N, K, RIGHT, seed=i))[1].tobytes()


def _scanner(folder, data: list[bytes]) -> None:
    """Like three scanners: rename into place, write slowly in chunks, write at once."""
    tmp = folder / "a.tmp"  # not a scan extension: never looked at
    tmp.write_bytes(data[0])
    os.replace(tmp, folder / "a.png")
    time.sleep(0.2)
    chunk = len(data[1]) // 6 + 1
    with (folder / "b.png").open("wb") as fh:
        for i in range(0, len(data[1]), chunk):
            fh.write(data[1][i : i + chunk])
            fh.flush()
            time.sleep(0.1)  # pauses far shorter than the settle time
    (folder / "c.png").write_bytes(data[2])


def test_each_dropped_file_is_imported_once_when_complete(db, exam, tmp_path):
    folder = tmp_path / "scanner-out"
    folder.mkdir()
    data = [_png(exam, i) for i in range(3)]
    writer = threading.Thread(target=_scanner, args=(folder, data))
    steps = []
    gen = watch_folder(db, PROCTOR, exam, folder, poll=0.05, settle=SETTLE, workers=0,
                       idle_exit=2.0)
    writer.start()
    try:
        result = run_to_end(gen, steps.append)
    finally:
        writer.join()
    imported = [s.outcome for s in steps if isinstance(s, WatchProgress) and s.outcome]
    assert sorted(os.path.basename(o.file) for o in imported) == ["a.png", "b.png", "c.png"]
    assert [o.status for o in imported] == ["imported"] * 3
    assert sorted(s.trainee_number for o in imported for s in o.sheets) == [
        number(1), number(2), number(3)]
    assert len(result.files) == 3
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ScanFile)) == 3
    assert any("Waiting" in s.message_en for s in steps)  # it kept polling: never twice


def test_a_restarted_watch_finds_everything_already_imported(db, exam, tmp_path):
    folder = tmp_path / "scanner-out"
    folder.mkdir()
    (folder / "a.png").write_bytes(_png(exam, 0))
    first = run_to_end(watch_folder(db, PROCTOR, exam, folder, poll=0.05, settle=0.1,
                                    workers=0, idle_exit=0.3))
    again = run_to_end(watch_folder(db, PROCTOR, exam, folder, poll=0.05, settle=0.1,
                                    workers=0, idle_exit=0.3))
    assert [f.status for f in first.files] == ["imported"]
    assert [f.status for f in again.files] == ["already"]


def test_watching_a_missing_folder_is_refused(db, exam, tmp_path):
    with pytest.raises(ValidationFailed) as exc:
        next(watch_folder(db, PROCTOR, exam, tmp_path / "nowhere"))
    assert "nowhere" in exc.value.message("en") and "nowhere" in exc.value.message("ja")
