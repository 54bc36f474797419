"""Japanese fiscal years (年度, April to March) and the Reiwa labels used on documents.

Everything in the certification scheme is anchored to the fiscal year: the validity of a
certificate, the retake-exemption window and the name of a training run (令和7年度 第1期).
"""

from __future__ import annotations

from datetime import date

__all__ = [
    "REIWA_FIRST_YEAR",
    "fiscal_year",
    "fiscal_year_end",
    "fiscal_year_start",
    "reiwa_label",
    "run_label",
]

#: Gregorian year of 令和元年 (the era began on 2019-05-01; 令和元年度 is FY2019).
REIWA_FIRST_YEAR = 2019

_FISCAL_YEAR_FIRST_MONTH = 4


def fiscal_year(d: date) -> int:
    """Return the fiscal year containing ``d``: 2025-03-31 -> 2024, 2025-04-01 -> 2025."""
    return d.year if d.month >= _FISCAL_YEAR_FIRST_MONTH else d.year - 1


def fiscal_year_start(fy: int) -> date:
    """Return 1 April of fiscal year ``fy``."""
    return date(fy, _FISCAL_YEAR_FIRST_MONTH, 1)


def fiscal_year_end(fy: int) -> date:
    """Return 31 March that closes fiscal year ``fy`` (i.e. in calendar year ``fy + 1``)."""
    return date(fy + 1, 3, 31)


def reiwa_label(fy: int) -> str:
    """Return the fiscal-year label used on documents, e.g. ``令和7年度`` for 2025.

    The first year is written 元年 (``令和元年度``), as official documents do.  Years before
    the Reiwa era raise ``ValueError``: the scheme started in FY2024, so such a year can only
    be a data-entry mistake and must not be printed silently as 令和0年度.
    """
    n = fy - REIWA_FIRST_YEAR + 1
    if n < 1:
        raise ValueError(f"fiscal year {fy} is before the Reiwa era")
    return f"令和{'元' if n == 1 else n}年度"


def run_label(fy: int, term: int) -> str:
    """Return the name of a training run, e.g. ``令和7年度 第1期`` (fiscal year, term)."""
    if term < 1:
        raise ValueError(f"term must be 1 or more, got {term}")
    return f"{reiwa_label(fy)} 第{term}期"
