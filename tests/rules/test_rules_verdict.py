"""The shared verdict shape: every rule answers alike, immutably, with readable reasons."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime

import pytest

from scfn_desktop import rules
from scfn_desktop.rules import Verdict
from scfn_desktop.rules.attendance import ArrivalStatus, ArrivalVerdict


def all_kinds_of_verdict() -> list[Verdict]:
    start = datetime(2025, 9, 1, 9, 30)
    return [
        rules.attendance.judge_arrival(start, datetime(2025, 9, 1, 10, 42), override="weather"),
        rules.attendance.judge_departure(datetime(2025, 9, 1, 17), datetime(2025, 9, 1, 16)),
        rules.certification.validity_status(date(2028, 3, 31), date(2028, 4, 1)),
        rules.certification.evaluate_renewal(date(2028, 3, 31), date(2027, 5, 1)),
        rules.retake.evaluate_exemption("failed_test", date(2025, 2, 20), date(2025, 9, 1)),
        rules.disqualification.evaluate(
            rules.disqualification.Grounds(mental_impairment=True, revoked_on=date(2024, 5, 1)),
            date(2025, 3, 1),
        ),
        rules.eligibility.evaluate(
            rules.eligibility.Application(
                [rules.eligibility.DeskExperience("A", date(2019, 1, 1), None, 900)], ["社会福祉士"]
            ),
            date(2025, 6, 1),
        ),
    ]


@pytest.mark.parametrize("verdict", all_kinds_of_verdict(), ids=lambda v: type(v).__name__)
def test_every_verdict_has_the_shared_shape(verdict: Verdict) -> None:
    assert isinstance(verdict, Verdict)
    assert isinstance(verdict, rules.VerdictBase)
    assert isinstance(verdict.status, str)
    assert verdict.reason_ja.strip() and verdict.reason_en.strip()
    with pytest.raises(dataclasses.FrozenInstanceError):
        verdict.reason_ja = "changed"  # type: ignore[misc]
    plain = verdict.as_dict()  # type: ignore[attr-defined]
    assert plain["status"] == verdict.status
    assert json.loads(json.dumps(plain, ensure_ascii=False)) == plain


def test_status_compares_equal_to_its_plain_value() -> None:
    v = rules.attendance.judge_arrival(datetime(2025, 9, 1, 9), datetime(2025, 9, 1, 9, 10))
    assert v.status == "late" and v.as_dict()["start"] == "2025-09-01T09:00:00"


@pytest.mark.parametrize(("ja", "en"), [("", "text"), ("文", "  ")])
def test_a_verdict_without_reasons_cannot_be_built(ja: str, en: str) -> None:
    moment = datetime(2025, 9, 1, 9)
    with pytest.raises(ValueError):
        ArrivalVerdict(
            status=ArrivalStatus.ON_TIME,
            reason_ja=ja,
            reason_en=en,
            start=moment,
            arrival=moment,
            minutes_late=0,
            threshold_minutes=60,
        )


def test_package_stays_pure() -> None:
    import ast
    import pathlib
    import sys

    allowed = set(sys.stdlib_module_names)
    for path in pathlib.Path(rules.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in allowed | {"__future__"}, f"{path.name}: {name}"
