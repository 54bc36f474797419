"""The scan import on every core (issue 8, part 3): real worker processes (spawn), pages of
multi-page files spread over them, results recorded in the batch's order, a killed worker
recovered from, and no process left behind."""

from __future__ import annotations

import multiprocessing
import os
import signal

import cv2
import pytest
from examkit import PROCTOR, fill, make_exam, make_run, number, printed_pages, write_png
from PIL import Image

from scfn_desktop.db.session import Database
from scfn_desktop.services.exams.scanning import ScanImporter, import_scans
from scfn_desktop.services.progress import run_to_end

N, K = 10, 4
KEY = "1,2,3,4,1,2,3,4,1,2"
RIGHT = {q: KEY.split(",")[q - 1] for q in range(1, N + 1)}


@pytest.fixture
def exam(db: Database) -> int:
    return make_exam(db, make_run(db, 8), n=N, key=KEY, pass_percent=60)


def _pages(exam_id: int):
    return printed_pages(str(exam_id), N, K, tuple(number(i) for i in range(1, 9)))


def _batch(exam_id: int, folder):
    """Eight sheets in five files: a 3-page TIFF, a 2-page PDF and three PNGs."""
    sheets = [fill(p, N, K, RIGHT, seed=i) for i, p in enumerate(_pages(exam_id))]
    write_png(folder / "a.png", sheets[0])
    assert cv2.imwritemulti(str(folder / "b.tif"), sheets[1:4])
    Image.fromarray(sheets[4]).save(folder / "c.pdf", save_all=True,
                                    append_images=[Image.fromarray(sheets[5])], resolution=150)
    write_png(folder / "d.png", sheets[6])
    write_png(folder / "e.png", sheets[7])
    return [folder / n for n in ("a.png", "b.tif", "c.pdf", "d.png", "e.png")]


def test_pool_reads_every_page_in_the_batch_order(db, exam, tmp_path, data_dir):
    files = _batch(exam, tmp_path / "scanner")
    progress = []
    batch = run_to_end(import_scans(db, PROCTOR, exam, files, workers=2), progress.append)
    assert [f.status for f in batch.files] == ["imported"] * 5
    assert [len(f.sheets) for f in batch.files] == [1, 3, 2, 1, 1]
    assert [(s.page, s.status) for s in batch.files[1].sheets] == [(1, "ok"), (2, "ok"),
                                                                     (3, "ok")]
    assert [s.trainee_number for s in batch.sheets] == [number(i) for i in range(1, 9)]
    assert progress[-1].done == progress[-1].total == 5
    images = sorted(p.name for p in (data_dir / "scans").rglob("*-p*.jpg"))
    assert len(images) == 8
    assert not multiprocessing.active_children()  # the workers ended with the batch


def test_a_killed_worker_is_replaced_and_no_page_is_lost(db, exam, tmp_path):
    files = _batch(exam, tmp_path / "scanner")
    killed = []
    with ScanImporter(db, PROCTOR, exam, workers=2) as importer:
        gen = importer.import_files(files)
        while True:
            try:
                step = next(gen)
            except StopIteration as stop:
                outcomes = stop.value
                break
            workers = multiprocessing.active_children()
            if not killed and "page" in step.message_en and workers:
                os.kill(workers[0].pid, signal.SIGKILL)
                killed.append(workers[0].pid)
        assert importer.reader.restarts >= 1
    assert killed
    assert [f.status for f in outcomes] == ["imported"] * 5
    assert [s.trainee_number for f in outcomes for s in f.sheets] == [
        number(i) for i in range(1, 9)]
    assert not multiprocessing.active_children()


def test_cancel_stops_the_workers_and_keeps_finished_files(db, exam, tmp_path):
    files = _batch(exam, tmp_path / "scanner")
    gen = import_scans(db, PROCTOR, exam, files, workers=2)
    for step in gen:
        if step.done == 2:  # a.png and the TIFF are recorded
            gen.close()
            break
    assert not multiprocessing.active_children()
    again = run_to_end(import_scans(db, PROCTOR, exam, files, workers=2))
    assert [f.status for f in again.files] == ["already", "already", "imported", "imported",
                                               "imported"]


BLOCKED = """
import multiprocessing
import sys

from scfn_desktop.db.session import open_database
from scfn_desktop.services.exams.scanning import import_scans
from scfn_desktop.services.permissions import Actor
from scfn_desktop.services.progress import run_to_end

if __name__ == "__main__":
    # Every worker process exits as soon as it starts, as when a security product blocks
    # the executable or a frozen build lacks freeze_support().
    multiprocessing.set_executable(sys.argv[1])
    db = open_database(sys.argv[2])
    batch = run_to_end(import_scans(db, Actor("t", "admin"), int(sys.argv[3]), sys.argv[4:],
                                    workers=2))
    print(",".join(f"{s.status}:{s.trainee_number}" for s in batch.sheets))
"""


def test_workers_that_cannot_start_fall_back_to_reading_here(db, exam, tmp_path):
    import shutil
    import subprocess
    import sys
    import time

    files = _batch(exam, tmp_path / "scanner")
    script = tmp_path / "blocked.py"
    script.write_text(BLOCKED, encoding="utf-8")
    t0 = time.monotonic()
    url = db.engine.url.render_as_string(hide_password=False)
    false = shutil.which("false")
    if false is None:
        pytest.skip("needs a program that exits at once (coreutils `false`)")
    out = subprocess.run([sys.executable, str(script), false, url, str(exam),
                          *map(str, files)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip().split(",") == [f"ok:{number(i)}" for i in range(1, 9)]
    assert "could not start" in out.stderr
    assert time.monotonic() - t0 < 120  # one failed start, not two per page


def test_the_same_scan_twice_in_one_batch_is_read_once(db, exam, tmp_path):
    """Read ahead on every core, the copy is prepared before the original is recorded: it
    must still come out as 'already imported', not as a second file with the same hash."""
    files = _batch(exam, tmp_path / "scanner")
    copy = tmp_path / "scanner" / "a-copy.png"
    copy.write_bytes(files[0].read_bytes())
    batch = run_to_end(import_scans(db, PROCTOR, exam, [files[0], copy, *files[1:]],
                                    workers=2))
    assert [f.status for f in batch.files] == ["imported", "already", "imported", "imported",
                                               "imported", "imported"]
    assert batch.files[1].sheets[0].sheet_id == batch.files[0].sheets[0].sheet_id


def test_another_station_recording_the_same_file_first(db, exam, tmp_path):
    """Two stations import the same folder at once: the one that records second finds the
    hash taken and reports the file as already imported instead of failing the batch."""
    files = _batch(exam, tmp_path / "scanner")[:1]
    first = import_scans(db, PROCTOR, exam, files, workers=0)
    for step in first:
        if "page" in step.message_en:  # read, not recorded yet
            break
    other = run_to_end(import_scans(db, PROCTOR, exam, files, workers=0))
    assert [f.status for f in other.files] == ["imported"]
    batch = run_to_end(first)
    assert [f.status for f in batch.files] == ["already"]
    assert batch.files[0].sheets[0].sheet_id == other.files[0].sheets[0].sheet_id


SCRIPT = """
import sys
from pathlib import Path

if __name__ == "__mp_main__":  # what spawn would run in every worker, like the scfn script
    Path(sys.argv[1]).write_text("the worker re-ran the main script")

from scfn_desktop.db.session import open_database
from scfn_desktop.services.exams.scanning import import_scans
from scfn_desktop.services.permissions import Actor
from scfn_desktop.services.progress import run_to_end

if __name__ == "__main__":
    db = open_database(sys.argv[2])
    batch = run_to_end(import_scans(db, Actor("t", "admin"), int(sys.argv[3]), sys.argv[4:],
                                    workers=2))
    print(len(batch.sheets))
"""


def test_workers_do_not_re_run_the_command_line_script(db, exam, tmp_path):
    """The `scfn` console script imports the whole command line; spawn would re-run it in
    every worker (~1 s, ~45 MB each). The workers import only the reading engine."""
    import subprocess
    import sys

    files = _batch(exam, tmp_path / "scanner")
    script, marker = tmp_path / "scfn_like.py", tmp_path / "marker.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    url = db.engine.url.render_as_string(hide_password=False)
    out = subprocess.run([sys.executable, str(script), str(marker), url, str(exam),
                          *map(str, files)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip() == "8"
    assert not marker.exists()


def test_readers_started_ahead_are_adopted_by_the_batch(db, exam, tmp_path):
    """`scfn scan` starts its readers before its login (omr.pool.prestart); the batch then
    reads with those processes instead of starting a second set."""
    from scfn_desktop.omr import pool

    pool.prestart(2)
    ahead = pool.waiting()
    assert ahead is not None and ahead.workers == 2
    files = _batch(exam, tmp_path / "scanner")
    with ScanImporter(db, PROCTOR, exam, workers=2) as importer:
        outcomes = run_to_end(importer.import_files(files))
        assert importer.reader._pool is ahead
    assert pool.waiting() is None
    assert [s.trainee_number for f in outcomes for s in f.sheets] == [
        number(i) for i in range(1, 9)]
    assert not multiprocessing.active_children()


def test_readers_started_ahead_for_another_size_are_not_used(db, exam, tmp_path):
    from scfn_desktop.omr import pool

    pool.prestart(1)
    ahead = pool.waiting()
    files = _batch(exam, tmp_path / "scanner")[:3]
    with ScanImporter(db, PROCTOR, exam, workers=2) as importer:
        outcomes = run_to_end(importer.import_files(files))
        assert importer.reader._pool is not ahead
    assert [f.status for f in outcomes] == ["imported"] * 3
    assert pool.waiting() is None
