"""`scfn-desktop --self-test`: prove an installation (or a PyInstaller bundle) is complete
before it goes to a venue with no network. Each check prints one line, OK or FAIL, so a
support person can read the result over the phone; the exit code says whether all passed.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtGui import QFontDatabase

from scfn_desktop.ui.i18n import qt_catalogue_dir
from scfn_desktop.ui.resources import resources_dir, translations_dir

REQUIRED_RESOURCES = ("icons/app.svg", "icons/roster.svg", "translations/scfn_ja.qm",
                      "sounds/on_time.wav", "sounds/refused.wav")


def check_resources() -> str:
    root = resources_dir()
    missing = [name for name in REQUIRED_RESOURCES if not (root / name).is_file()]
    if missing:
        raise RuntimeError(f"missing under {root}: {', '.join(missing)}")
    return str(root)


def check_translations() -> str:
    files = sorted(translations_dir().glob("*.qm"))
    if not files:
        raise RuntimeError(f"no .qm files in {translations_dir()}")
    bad = [f.name for f in files if not QTranslator().load(str(f))]
    if not QTranslator().load("qtbase_ja", qt_catalogue_dir()):
        bad.append(f"qtbase_ja ({qt_catalogue_dir()})")
    if bad:
        raise RuntimeError(f"cannot load: {', '.join(bad)}")
    return ", ".join(f.name for f in files) + ", qtbase_ja"


def check_pdf_font() -> str:
    """The reportlab side: the font the printed cards and sheets embed."""
    try:
        from scfn_desktop.printing import fonts
    except ImportError:
        return "printing.fonts not installed; skipped (the Qt font check still applies)"
    return str(fonts.register_japanese_font().path)


def check_screen_font() -> str:
    families = QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)
    if not families:
        raise RuntimeError("no font with Japanese glyphs found by Qt (install e.g. IPAex)")
    return ", ".join(families[:3])


def check_database() -> str:
    from scfn_desktop.db.session import open_database

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{(Path(folder) / 'selftest.sqlite3').as_posix()}")
        try:
            if db.needs_upgrade():
                raise RuntimeError("schema not at head after migration")
            return f"migrated to {db.current_revision()}"
        finally:
            db.dispose()


def check_opencv() -> str:
    import cv2

    dictionary = cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50)
    if dictionary is None:
        raise RuntimeError("no ArUco dictionary")
    return f"OpenCV {cv2.__version__}, ArUco ok"


def check_password_hashing() -> str:
    """The production cost, never the test suite's weak setting left on by mistake."""
    from scfn_desktop.services.admin import passwords

    if passwords.weak_hashes_for_tests():
        raise RuntimeError(f"{passwords.TEST_SETTING}=1 is set: passwords would be stored "
                           "with a weak test cost; unset it")
    n, r, p = passwords.current_cost()
    return f"scrypt N=2^{n.bit_length() - 1}, r={r}, p={p}"


CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("resources", check_resources),
    ("translations", check_translations),
    ("PDF font", check_pdf_font),
    ("screen font", check_screen_font),
    ("database", check_database),
    ("OpenCV", check_opencv),
    ("password hashing", check_password_hashing),
)


def run_self_test(print_line: Callable[[str], None] = print) -> int:
    """Run every check (a failure does not stop the others); 0 when all passed, else 1."""
    failures = 0
    for name, check in CHECKS:
        try:
            detail = check()
        except Exception as exc:  # report every kind of failure as one readable line
            failures += 1
            print_line(f"FAIL {name}: {type(exc).__name__}: {exc}")
        else:
            print_line(f"OK   {name}: {detail}")
    print_line("self-test passed" if not failures else f"self-test FAILED ({failures})")
    return 1 if failures else 0
