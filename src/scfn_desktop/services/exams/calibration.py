"""The scanner check before the exam: print the check form, read a scan of it.

Two user actions, each audited, so the record shows that (and when, and with what result)
the venue's scanner was checked: ``scan.calibration_form`` when the form is made, and
``scan.calibration`` with the verdict when a scan of it is read. The measuring and judging is
the engine's (``omr.calibration``); the form is ``printing.calibration_form``.
"""

from __future__ import annotations

from pathlib import Path

from scfn_desktop.db import Database
from scfn_desktop.omr.calibration import CalibrationReport, check_scan
from scfn_desktop.omr.images import ScanError
from scfn_desktop.printing.calibration_form import render_calibration_form
from scfn_desktop.services import audit
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.files import written_via_part
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import Progress, ProgressGen


def make_check_form(db: Database, actor: Actor, out: str | Path) -> int:
    """Write the one-page check form as a PDF (``<name>.part`` renamed at the end, so a
    failure never leaves half a PDF to print); returns the page count."""
    require(actor, Permission.PRINT_SHEETS)
    out = Path(out)
    with written_via_part(out) as part:
        pages = render_calibration_form(part)
    with db.transaction() as s:
        audit.record(s, actor, "scan.calibration_form", "scanner", "", after={"file": str(out)})
    return pages


def check_scanner(db: Database, actor: Actor, path: str | Path) -> ProgressGen[CalibrationReport]:
    """Read a scan of the check form and judge the scanner settings (a generator, so the GUI
    runs it off its thread like every import)."""
    require(actor, Permission.SCAN_SHEETS)
    yield Progress(0, 1, f"{Path(path).name} を確認しています", f"Checking {Path(path).name}")
    try:
        report = check_scan(str(path))
    except ScanError as err:
        raise ServiceError(err.message_ja, err.message_en) from err
    with db.transaction() as s:
        audit.record(s, actor, "scan.calibration", "scanner", "", after={
            "file": str(path), "fit": report.fit, "dpi": round(report.dpi),
            "colour_mode": report.colour_mode,
            "not_ok": [c.code for c in report.checks if c.status != "ok"]})
    yield Progress(1, 1, "確認しました", "Checked")
    return report
