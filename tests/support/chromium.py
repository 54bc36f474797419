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


@contextmanager
def verifier_browser():
    """The browser for a test module: skipped with the reason when Chromium is missing, a
    failure when it is required (CI)."""
    import pytest

    reason = unavailable_reason()
    if reason is not None:
        if required():
            pytest.fail(f"Chromium is required here but unavailable: {reason}")
        pytest.skip(reason)
    with chromium() as driver:
        yield driver


def open_page(driver, path: Path, fragment: str = "") -> None:  # type: ignore[no-untyped-def]
    """Open a verifier page and wait until its script is ready."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get("about:blank")  # a new fragment alone would not reload the page
    driver.get(path.as_uri() + fragment)
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))


def enter_code(driver, code: str, name: str = "", *, typed: bool = False  # type: ignore[no-untyped-def]
               ) -> tuple[str, str]:
    """Enter ``code`` in the verifier page and press Enter, as a keyboard-wedge scanner does
    (``typed``: key by key; otherwise the text is pasted, which keeps a suite fast); returns
    the answer's state and text."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    driver.execute_script("document.getElementById('result').dataset.state = ''")
    field = driver.find_element(By.ID, "name")
    field.clear()
    if name:
        field.send_keys(name)
    box = driver.find_element(By.ID, "code")
    box.clear()
    if typed:
        box.send_keys(code + Keys.ENTER)
    else:
        driver.execute_script("arguments[0].value = arguments[1]", box, code)
        box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.ID, "result").get_attribute("data-state"))
    result = driver.find_element(By.ID, "result")
    return result.get_attribute("data-state"), result.text
