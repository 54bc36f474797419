"""`scfn-desktop --self-test` runs headless and reports one line per check."""

from __future__ import annotations

import os
import subprocess
import sys


def _run(tmp_path, *extra_env: tuple[str, str]):
    env = {**os.environ, "SCFN_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("SCFN_TEST_WEAK_PASSWORD_HASHES")  # as on a real PC
    env.update(dict(extra_env))
    return subprocess.run([sys.executable, "-m", "scfn_desktop", "--self-test"], env=env,
                          capture_output=True, text=True, timeout=120)


def test_self_test_passes(tmp_path):
    result = _run(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for name in ("resources", "translations", "PDF font", "screen font", "database", "OpenCV",
                 "password hashing"):
        assert any(line.startswith("OK") and f" {name}:" in line for line in lines), lines
    assert lines[-1] == "self-test passed"


def test_self_test_reports_missing_resources(tmp_path):
    empty = tmp_path / "empty"  # an existing but empty resources folder: a broken bundle
    empty.mkdir()
    result = _run(tmp_path, ("SCFN_RESOURCES", str(empty)))
    assert result.returncode == 1
    assert "FAIL resources:" in result.stdout
    assert "FAIL translations:" in result.stdout
    assert "OK   database:" in result.stdout  # the other checks still ran


def test_self_test_fails_when_the_weak_test_hashes_are_on(tmp_path):
    result = _run(tmp_path, ("SCFN_TEST_WEAK_PASSWORD_HASHES", "1"))
    assert result.returncode == 1 and "FAIL password hashing:" in result.stdout
