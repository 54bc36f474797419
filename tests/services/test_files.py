"""Files a person opens or prints are written as `<name>.part` and renamed at the end: real
files on disk, a rename that cannot happen, a failure half-way."""

from __future__ import annotations

import pytest

from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.files import write_pdf, written_via_part
from scfn_desktop.services.progress import run_to_end


def test_the_file_appears_whole_at_the_end(tmp_path):
    out = tmp_path / "forms.pdf"
    with written_via_part(out) as part:
        part.write_bytes(b"%PDF-1.4 first half")
        assert not out.exists()  # nobody can print half a file
        part.write_bytes(b"%PDF-1.4 whole")
    assert out.read_bytes() == b"%PDF-1.4 whole" and not part.exists()


def test_a_failure_half_way_leaves_the_old_file_and_no_part(tmp_path):
    out = tmp_path / "forms.pdf"
    out.write_bytes(b"yesterday's forms")
    with pytest.raises(RuntimeError), written_via_part(out) as part:
        part.write_bytes(b"half")
        raise RuntimeError("the renderer failed")
    assert out.read_bytes() == b"yesterday's forms"
    assert [p.name for p in tmp_path.iterdir()] == ["forms.pdf"]


def test_a_file_that_cannot_be_replaced_is_explained(tmp_path):
    out = tmp_path / "forms.pdf"
    out.mkdir()  # a rename onto a folder fails, as onto a PDF held open on Windows
    (out / "inside").write_text("x")
    with pytest.raises(ServiceError) as err, written_via_part(out) as part:
        part.write_bytes(b"%PDF")
    assert "別のアプリで開いていませんか" in err.value.message("ja")
    assert "is it open in another program?" in err.value.message("en")
    assert str(out) in err.value.message("en") and not part.exists()


def test_write_pdf_reports_each_page_and_returns_the_count(tmp_path):
    out = tmp_path / "badges.pdf"

    def render(part):
        for page in range(1, 4):
            part.write_bytes(b"%PDF" + bytes(page))
            yield page, 3

    steps = []
    gen = write_pdf(out, render, "作成中", "Writing")
    try:
        while True:
            steps.append(next(gen).message_en)
    except StopIteration as stop:
        pages = stop.value
    assert pages == 3 and steps == ["Writing 1/3", "Writing 2/3", "Writing 3/3"]
    assert out.exists() and not (tmp_path / "badges.pdf.part").exists()
    assert run_to_end(write_pdf(tmp_path / "again.pdf", render, "作成中", "Writing")) == 3
