"""The demo with its finished run (令和6年度 第1期), built once per test process through the
services and copied for each test that needs it (building takes about twenty seconds)."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
from pathlib import Path

from scfn_desktop.db import Database
from scfn_desktop.db.session import open_database


@functools.lru_cache(maxsize=1)
def _template() -> Path:
    from scfn_desktop.services.demo.finished_run import load_finished_run
    from scfn_desktop.services.demo.loader import load_demo
    from scfn_desktop.services.permissions import SYSTEM
    from scfn_desktop.services.progress import run_to_end

    folder = Path(tempfile.mkdtemp(prefix="scfn-finished-demo-"))
    atexit.register(shutil.rmtree, folder, True)  # the template goes with the test process
    before = os.environ.get("SCFN_DATA_DIR")
    os.environ["SCFN_DATA_DIR"] = str(folder)  # scans and minutes go under the data folder
    try:
        db = open_database(f"sqlite:///{folder / 'scfn.sqlite3'}")
        load_demo(db)
        line = run_to_end(load_finished_run(db, SYSTEM))
        assert line and "令和6年度 第1期" in line[0]
        db.dispose()
    finally:
        if before is None:
            os.environ.pop("SCFN_DATA_DIR", None)
        else:
            os.environ["SCFN_DATA_DIR"] = before
    return folder


def finished_demo(data_dir: Path) -> Database:
    """A copy of the finished demo in `data_dir` (the test's SCFN_DATA_DIR), opened."""
    shutil.copytree(_template(), data_dir, dirs_exist_ok=True)
    return open_database(f"sqlite:///{data_dir / 'scfn.sqlite3'}")
