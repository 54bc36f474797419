"""Prefecture spellings and training runs."""

from __future__ import annotations

from datetime import date, time

import pytest

from scfn_desktop.services.errors import PermissionDenied, ValidationFailed
from scfn_desktop.services.permissions import Actor
from scfn_desktop.services.roster.prefectures import PREFECTURES, normalise_prefecture
from scfn_desktop.services.runs.training_runs import create_run, get_run, list_runs


def test_all_47_prefectures_in_every_spelling():
    assert len(PREFECTURES) == 47
    for name in PREFECTURES:
        assert normalise_prefecture(name) == name
        assert normalise_prefecture(name if name == "北海道" else name[:-1]) == name


@pytest.mark.parametrize(("text", "expected"), [
    ("東京", "東京都"), ("東京都", "東京都"), ("Tokyo", "東京都"), ("TOKYO-TO", "東京都"),
    ("Tōkyō", "東京都"), ("京都", "京都府"), ("Kyoto-fu", "京都府"), ("gifu-ken", "岐阜県"),
    ("Osaka Prefecture", "大阪府"), ("Hyōgo", "兵庫県"), (" 沖縄県 ", "沖縄県"),
    ("ムー大陸", None), ("", None), (None, None),
])
def test_spellings(text, expected):
    assert normalise_prefecture(text) == expected


DAYS = [(date(2025, 11, 15), time(10), time(17)), (date(2025, 11, 16), time(10), time(17))]


def test_create_and_list_runs(db, actor):
    run = create_run(db, actor, 2025, 1, "東京ウィメンズプラザ", DAYS)
    assert run.label == "令和7年度 第1期" and run.capacity == 60
    assert run.lateness_threshold_minutes == 60 and len(run.days) == 2
    create_run(db, actor, 2025, 2, "会場", DAYS[:1], capacity=40, lateness_threshold_minutes=30)
    assert [r.label for r in list_runs(db)] == ["令和7年度 第2期", "令和7年度 第1期"]
    assert get_run(db, run.id).days[1].day == date(2025, 11, 16)


def test_run_validation(db, actor):
    create_run(db, actor, 2025, 1, "会場", DAYS)
    with pytest.raises(ValidationFailed, match="already exists"):
        create_run(db, actor, 2025, 1, "会場", DAYS)
    with pytest.raises(ValidationFailed) as err:
        create_run(db, actor, 2025, 3, "会場", [DAYS[1], DAYS[0]], capacity=0)
    assert len(err.value.problems) == 2
    with pytest.raises(ValidationFailed):
        create_run(db, actor, 2025, 4, "会場", [(date(2025, 1, 1), time(17), time(10))])
    with pytest.raises(PermissionDenied):
        create_run(db, Actor("p", "proctor"), 2026, 1, "会場", DAYS)
