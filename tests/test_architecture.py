"""The rooms stay as docs/architecture.md describes them: every path its tables name exists, no
module sits loose in services/ or ui/ beyond the shared ones it names, no file grows past 400
lines, and every rules module is named in the table."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]
SRC = ROOT / "src" / "scfn_desktop"
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
SECTION = DOC[DOC.index("## Where does X live"):DOC.index("## Units of work")]

SHARED_SERVICES = {"__init__.py", "audit.py", "errors.py", "permissions.py", "progress.py",
                   "exports.py", "imports.py", "keys.py", "audit_checkpoint.py", "files.py"}
SHARED_UI = {"__init__.py", "context.py", "formatting.py", "i18n.py", "main_window.py",
             "messages.py", "registry.py", "resources.py", "selftest.py", "shell.py",
             "startup.py", "workers.py"}


def named_paths() -> list[str]:
    return [p for p in re.findall(r"`([\w./<>*-]+)`", SECTION)
            if "/" in p and "<" not in p and "*" not in p]


def test_every_path_in_the_table_exists():
    missing = []
    for path in named_paths():
        base = ROOT if path.startswith(("tests/", "resources/", "docs/", "tools/")) else SRC
        if not (base / path.rstrip("/")).exists():
            missing.append(path)
    assert named_paths() and missing == []


def test_no_module_sits_outside_a_capability_package():
    loose_services = {p.name for p in (SRC / "services").glob("*.py")} - SHARED_SERVICES
    loose_ui = {p.name for p in (SRC / "ui").glob("*.py")} - SHARED_UI
    assert loose_services == set() and loose_ui == set()
    for name in SHARED_SERVICES | SHARED_UI:
        if name != "__init__.py":
            assert f"{name}`" in SECTION, f"{name} is shared but not named in the table"


def test_every_capability_package_is_in_the_table():
    for layer in ("services", "ui"):
        for package in (SRC / layer).iterdir():
            if (package / "__init__.py").exists():
                assert f"`{layer}/{package.name}/" in SECTION, f"{layer}/{package.name}/"
    for rule in (SRC / "rules").glob("*.py"):
        if rule.name != "__init__.py":
            assert f"`rules/{rule.name}`" in SECTION, rule.name


def test_no_source_file_over_400_lines():
    long = {str(p.relative_to(SRC)): n for p in SRC.rglob("*.py")
            if "migrations" not in p.parts
            and (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}
