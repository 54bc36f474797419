"""Layouts must survive longer strings (Vorta's stretched-translation mode): with every
translated text made 35 % longer, each page of the main window still fits a 1366x768 screen.

Japanese is usually shorter than English, but labels grow when wording is revised; this catches
a page whose minimum size is driven by one long label before a user at a venue laptop does."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from scfn_desktop.services.demo.loader import load_demo

PLACEHOLDER = re.compile(r"%\d|%n|&\w|<[^>]+>")


class StretchingTranslator(QTranslator):
    """Returns every source string lengthened by 35 %, placeholders and markup kept intact."""

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[override]
        if not source or PLACEHOLDER.search(source):
            return source + "～" * (len(source) * 7 // 20) if source else source
        return source + "ー" * (len(source) * 7 // 20)

    def isEmpty(self) -> bool:  # noqa: N802  (Qt's name)
        return False


@pytest.fixture
def stretched(qapp):
    translator = StretchingTranslator(qapp)
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("role", ["admin", "staff", "proctor", "committee"])
def test_every_page_fits_1366x768_with_longer_strings(db, users, make_window, stretched, role):
    load_demo(db)
    window = make_window(role)
    assert window.navigation.item(0).text().endswith("ー")  # the stretcher is active
    for key in window.page_keys():
        page = window.select_page(key)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366, f"{role}/{key}: needs {hint.width()} px wide"
        assert hint.height() <= 768, f"{role}/{key}: needs {hint.height()} px high"
        page_hint = page.minimumSizeHint()
        assert page_hint.width() <= 1366 - window.navigation.width(), (
            f"{role}/{key}: the page needs {page_hint.width()} px"
        )
