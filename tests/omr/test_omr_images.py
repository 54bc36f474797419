import cv2
import numpy as np
import pytest
from PIL import Image

from scfn_desktop.omr.images import (
    CorruptImageError,
    ScanError,
    UnreadableFileError,
    UnsupportedFileError,
    load_pages,
)
from scfn_desktop.omr.read import read_sheet


def test_png_in_japanese_folder_and_colour_input(forms, fill, tmp_path):
    img, truth = fill(forms, seed=11)
    folder = tmp_path / "スキャン結果"
    folder.mkdir()
    path = folder / "第1期.png"
    colour = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    path.write_bytes(cv2.imencode(".png", colour)[1].tobytes())
    pages = list(load_pages(path))
    assert len(pages) == 1 and pages[0].image.ndim == 2 and pages[0].page_number == 1
    r = read_sheet(pages[0].image, forms.layout)
    assert [q.answer for q in r.questions] == [t.answer for t in truth]


def test_multi_page_tiff(forms, fill, tmp_path):
    a, truth_a = fill(forms, seed=12)
    b, truth_b = fill(forms, seed=13, page=1)
    path = tmp_path / "batch.tif"
    assert cv2.imwritemulti(str(path), [a, b])
    pages = list(load_pages(path))
    assert [p.page_number for p in pages] == [1, 2]
    numbers = [read_sheet(p.image, forms.layout).trainee_number for p in pages]
    assert numbers == ["20250001", "20250002"]


def test_pdf_of_scans(forms, fill, tmp_path):
    a, truth_a = fill(forms, seed=14)
    b, _ = fill(forms, seed=15, page=1)
    path = tmp_path / "scan.pdf"
    Image.fromarray(a).save(path, save_all=True, append_images=[Image.fromarray(b)], resolution=200)
    pages = list(load_pages(path))
    assert len(pages) == 2
    r = read_sheet(pages[0].image, forms.layout)
    assert [q.answer for q in r.questions] == [t.answer for t in truth_a]
    assert read_sheet(pages[1].image, forms.layout).trainee_number == "20250002"


def test_jpeg(forms, fill, tmp_path):
    img, truth = fill(forms, seed=16)
    path = tmp_path / "scan.JPG"
    path.write_bytes(cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 75])[1].tobytes())
    (page,) = load_pages(path)
    r = read_sheet(page.image, forms.layout)
    assert [q.answer for q in r.questions] == [t.answer for t in truth]


def test_corrupt_png(forms, fill, tmp_path):
    data = cv2.imencode(".png", forms.pages[0])[1].tobytes()
    path = tmp_path / "broken.png"
    path.write_bytes(data[:200])
    with pytest.raises(CorruptImageError) as exc:
        list(load_pages(path))
    assert "broken.png" in exc.value.message_ja and "broken.png" in exc.value.message_en
    assert exc.value.error_code == "file_corrupt"


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n garbage")
    with pytest.raises(CorruptImageError):
        list(load_pages(path))


def test_not_an_image(tmp_path):
    path = tmp_path / "名簿.xlsx"
    path.write_bytes(b"PK\x03\x04 not an image")
    with pytest.raises(UnsupportedFileError) as exc:
        list(load_pages(path))
    assert isinstance(exc.value, ScanError)


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableFileError):
        list(load_pages(tmp_path / "nope.png"))


def test_sixteen_bit_and_alpha_images_become_grey_uint8(tmp_path):
    img16 = np.full((50, 40), 60000, np.uint16)
    path = tmp_path / "deep.png"
    path.write_bytes(cv2.imencode(".png", img16)[1].tobytes())
    (page,) = load_pages(path)
    assert page.image.dtype == np.uint8 and page.image[0, 0] == 60000 >> 8
