"""Writing a file a person will open or print: to ``<name>.part`` first and renamed at the end.

A failed or cancelled run never leaves half a file under the name someone will print or send,
and a file the rename cannot replace (the old one still open in Excel or a PDF viewer on
Windows) gets a message saying so, not a traceback. Every PDF and export service writes
through here, so the behaviour and the wording are the same everywhere.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.progress import Progress, ProgressGen


def cannot_save(path: Path, exc: OSError, pdf: bool = True) -> ServiceError:
    """The message for a file that cannot be written or replaced."""
    what_ja, what_en = ("PDF ", "the PDF") if pdf else ("ファイル", "the file")
    return ServiceError(
        f"{what_ja}を保存できません（別のアプリで開いていませんか？）: {path}（{exc.strerror}）",
        f"Cannot save {what_en} (is it open in another program?): {path} ({exc.strerror})")


def replace_part(part: Path, out: Path, pdf: bool = True) -> None:
    """Rename the finished ``part`` over ``out`` (atomic on one volume)."""
    try:
        os.replace(part, out)
    except OSError as exc:
        raise cannot_save(out, exc, pdf) from exc


@contextmanager
def written_via_part(out: Path, pdf: bool = True) -> Iterator[Path]:
    """``with written_via_part(out) as part:`` write ``part``; it becomes ``out`` when the
    block ends normally, and is removed whatever happens."""
    part = out.with_name(out.name + ".part")
    try:
        yield part
        replace_part(part, out, pdf)
    finally:
        part.unlink(missing_ok=True)


def write_pdf(out: Path, render: Callable[[Path], Iterator[tuple[int, int]]], doing_ja: str,
              doing_en: str) -> ProgressGen[int]:
    """Render to ``<out>.part`` page by page (``render`` yields (done, total)), with progress
    per page, then rename; returns the page count."""
    pages = 0
    with written_via_part(out) as part:
        for done, total in render(part):
            pages = done
            yield Progress(done, total, f"{doing_ja} {done}/{total}",
                           f"{doing_en} {done}/{total}")
    return pages
