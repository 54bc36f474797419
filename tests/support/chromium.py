"""A real headless Chromium driven by Selenium, for the standalone HTML verifier.

Debian's ``chromium`` and ``chromium-driver`` (installed by ``tools/bootstrap.sh test``); the
browser is given explicitly so Selenium Manager never tries to download one.  On a developer
machine without them the tests skip; in CI (``SCFN_REQUIRE_CHROMIUM=1``, set by tools/test.sh
when CI=true) a missing browser is a failure, as for the PostgreSQL suite.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("chromedriver", "chromium-driver")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
)


def find_chromium() -> tuple[str, str] | None:
    """(browser, driver) paths, or None."""
    browser = next((p for p in map(shutil.which, BROWSERS) if p), None)
    driver = next((p for p in map(shutil.which, DRIVERS) if p), None)
    if browser is None and Path("/usr/lib/chromium/chromium").exists():
        browser = "/usr/lib/chromium/chromium"
    return (browser, driver) if browser and driver else None


def unavailable_reason() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if find_chromium() is None:
        return "Chromium or chromedriver not found (apt-get install chromium chromium-driver)"
    return None


@contextmanager
def chromium(width: int = 900, height: int = 1000):
    """A fresh headless Chromium with its own throwaway profile; quits on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = find_chromium()
    if found is None:
        raise RuntimeError(unavailable_reason())
    browser, driver_path = found
    profile = tempfile.mkdtemp(prefix="scfn-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                 "--lang=ja"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def required() -> bool:
    return os.environ.get("SCFN_REQUIRE_CHROMIUM") == "1"
