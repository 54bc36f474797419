"""Who may apply (seed 000 §第2 1(3); 003 注2)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scfn_desktop.rules.eligibility import (
    NATIONAL_QUALIFICATIONS,
    Application,
    DeskExperience,
    EligibilityStatus,
    evaluate,
    lookback_window,
    match_qualification,
)

START = date(2025, 6, 1)  # window 2020-06-01 .. 2025-05-31
BY_QUAL = EligibilityStatus.ELIGIBLE_BY_QUALIFICATION
BY_EXP = EligibilityStatus.ELIGIBLE_BY_EXPERIENCE
NOT = EligibilityStatus.NOT_ELIGIBLE


def desk(
    start: date, days: int | None, working: int, name: str = "A市国際交流協会", **kw: int
) -> DeskExperience:
    """A desk employment of ``days`` calendar days from ``start`` (None: ongoing)."""
    end = None if days is None else start + timedelta(days=days - 1)
    return DeskExperience(name, start, end, working, **kw)


def assert_totals_in_reasons(v: object, employment: int, working: int) -> None:
    for reason in (v.reason_ja, v.reason_en):  # type: ignore[attr-defined]
        assert f"{employment} " in reason and f"{working} " in reason
        assert "365" in reason and "180" in reason


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("社会福祉士", "social_worker"),
        (" 社会福祉士 ", "social_worker"),
        ("キャリアコンサルタント", "career_consultant"),
        ("ｷｬﾘｱｺﾝｻﾙﾀﾝﾄ", "career_consultant"),
        ("キャリアコンサルティング技能士（1級）", "career_consulting_technician_1"),
        ("キャリアコンサルティング技能士（１級）", "career_consulting_technician_1"),
        ("キャリアコンサルティング技能士(1級)", "career_consulting_technician_1"),
        ("キャリアコンサルティング技能士1級", "career_consulting_technician_1"),
        ("1級キャリアコンサルティング技能士", "career_consulting_technician_1"),
        ("一級キャリアコンサルティング技能士", "career_consulting_technician_1"),
        ("キャリアコンサルティング技能士（2級）", "career_consulting_technician_2"),
        ("キャリアコンサルティング技能士 ２級", "career_consulting_technician_2"),
        ("2級キャリアコンサルティング技能士", "career_consulting_technician_2"),
        ("公認心理師", "certified_public_psychologist"),
        ("精神保健福祉士", "psychiatric_social_worker"),
        ("Certified Social Worker", "social_worker"),
        ("certified public psychologist", "certified_public_psychologist"),
        ("career_consultant", "career_consultant"),
    ],
)
def test_each_qualification_spelling(text: str, code: str) -> None:
    assert match_qualification(text) == code
    v = evaluate(Application(qualifications=[text]), START)
    assert v.status == BY_QUAL and v.qualifications == (code,) and v.eligible
    assert NATIONAL_QUALIFICATIONS[code][0] in v.reason_ja
    assert NATIONAL_QUALIFICATIONS[code][1] in v.reason_en


@pytest.mark.parametrize(
    "text",
    [
        "キャリアコンサルティング技能士",  # no grade
        "キャリアコンサルティング技能士（3級）",
        "介護福祉士",
        "社会福祉主事",
        "公認心理士",  # wrong kanji: 師, not 士
        "福祉士",
        "",
    ],
)
def test_non_qualifying_texts(text: str) -> None:
    assert match_qualification(text) is None
    v = evaluate(Application(qualifications=[text]), START)
    assert v.status == NOT and v.unrecognised_qualifications == (text,)


def test_all_codes_have_names() -> None:
    assert len(NATIONAL_QUALIFICATIONS) == 6
    for code, (ja, en) in NATIONAL_QUALIFICATIONS.items():
        assert match_qualification(ja) == code and match_qualification(en) == code


@pytest.mark.parametrize(
    ("desks", "status", "employment", "working"),
    [
        ([desk(date(2023, 1, 1), 365, 180)], BY_EXP, 365, 180),  # exactly the minimum
        ([desk(date(2023, 1, 1), 364, 180)], NOT, 364, 180),  # one day short
        ([desk(date(2023, 1, 1), 365, 179)], NOT, 365, 179),  # one working day short
        # two desks summed, back to back
        (
            [desk(date(2022, 1, 1), 200, 100), desk(date(2022, 7, 20), 165, 80, "B")],
            BY_EXP,
            365,
            180,
        ),
        # overlapping desks: the shared 300 days are counted once for employment
        ([desk(date(2023, 1, 1), 300, 100), desk(date(2023, 1, 1), 300, 100, "B")], NOT, 300, 200),
        # partial overlap: 2023-01-01..2023-10-27 and 2023-06-01..2024-01-31
        (
            [desk(date(2023, 1, 1), 300, 100), desk(date(2023, 6, 1), 245, 100, "B")],
            BY_EXP,
            396,
            200,
        ),
        # a desk wholly inside another
        ([desk(date(2022, 1, 1), 400, 200), desk(date(2022, 3, 1), 30, 10, "B")], BY_EXP, 400, 210),
        # leave counts toward employment, not working days
        ([desk(date(2023, 1, 1), 400, 150, leave_days=200)], NOT, 400, 150),
        ([desk(date(2023, 1, 1), 400, 180, leave_days=200)], BY_EXP, 400, 180),
        ([], NOT, 0, 0),
    ],
)
def test_experience(
    desks: list[DeskExperience], status: EligibilityStatus, employment: int, working: int
) -> None:
    v = evaluate(Application(desks, []), START)
    assert v.status == status
    assert (v.employment_days, v.working_days) == (employment, working)
    assert v.experience_met is (status == BY_EXP)
    assert_totals_in_reasons(v, employment, working)


def test_window() -> None:
    assert lookback_window(START) == (date(2020, 6, 1), date(2025, 5, 31))
    assert lookback_window(START, 3) == (date(2022, 6, 1), date(2025, 5, 31))
    assert lookback_window(date(2028, 2, 29)) == (date(2023, 2, 28), date(2028, 2, 28))
    with pytest.raises(ValueError):
        lookback_window(START, 0)


def test_window_clips_employment_and_estimates_working_days() -> None:
    # 2019-06-01 .. 2021-05-31: 366 days before the window, 365 days inside it.
    d = DeskExperience("旧窓口", date(2019, 6, 1), date(2021, 5, 31), 500)
    v = evaluate(Application([d]), START)
    (count,) = v.desks
    assert (count.counted_from, count.counted_to) == (date(2020, 6, 1), date(2021, 5, 31))
    assert count.employment_days == 365
    assert count.working_days == 500 - 366 and count.estimated
    assert v.status == NOT  # 134 provable working days < 180
    assert "確実に期間内" in v.reason_ja and "certain to fall inside" in v.reason_en
    # With the in-window figure stated on the form the desk qualifies.
    exact = DeskExperience(
        "旧窓口", date(2019, 6, 1), date(2021, 5, 31), 500, working_days_in_window=240
    )
    w = evaluate(Application([exact]), START)
    assert w.status == BY_EXP and w.working_days == 240 and not w.desks[0].estimated


def test_lookback_years_is_a_parameter() -> None:
    d = desk(date(2020, 7, 1), 400, 200)  # 2020-07-01 .. 2021-08-04
    assert evaluate(Application([d]), START).status == BY_EXP
    three = evaluate(Application([d]), START, lookback_years=3)
    assert three.status == NOT and three.employment_days == 0
    assert "3年" in three.reason_ja and "3 years" in three.reason_en


def test_employment_outside_the_window_counts_nothing() -> None:
    v = evaluate(Application([desk(date(2015, 1, 1), 1000, 600)]), START)
    assert v.employment_days == 0 and v.working_days == 0
    assert v.desks[0].counted_from is None


def test_ongoing_employment_counts_up_to_the_day_before_the_start() -> None:
    d = DeskExperience("現所属", date(2024, 6, 1), None, 200)
    v = evaluate(Application([d]), START)
    assert v.employment_days == 365 and v.status == BY_EXP
    later = DeskExperience("未来", date(2025, 6, 1), None, 0)
    assert evaluate(Application([later]), START).employment_days == 0


def test_employment_after_the_start_is_cut_off() -> None:
    d = DeskExperience("X", date(2024, 12, 1), date(2025, 12, 31), 250)
    v = evaluate(Application([d]), START)
    assert v.employment_days == 182  # 2024-12-01 .. 2025-05-31
    assert v.desks[0].estimated


def test_qualification_wins_but_experience_is_still_reported() -> None:
    v = evaluate(Application([desk(date(2023, 1, 1), 100, 50)], ["公認心理師", "英検1級"]), START)
    assert v.status == BY_QUAL and not v.experience_met
    assert v.unrecognised_qualifications == ("英検1級",)
    assert_totals_in_reasons(v, 100, 50)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"employed_to": date(2022, 12, 31)},  # ends before it starts
        {"working_days": -1},
        {"working_days": 300, "leave_days": 100},  # 400 > 365 days
        {"working_days": 100, "working_days_in_window": 101},
    ],
)
def test_impossible_declarations_are_rejected(kwargs: dict[str, object]) -> None:
    base: dict[str, object] = {
        "desk_name": "A",
        "employed_from": date(2023, 1, 1),
        "employed_to": date(2023, 12, 31),
        "working_days": 100,
    }
    with pytest.raises(ValueError):
        DeskExperience(**{**base, **kwargs})  # type: ignore[arg-type]


def test_in_window_figure_larger_than_the_clipped_period_is_rejected() -> None:
    d = DeskExperience("A", date(2019, 1, 1), date(2020, 6, 10), 300, working_days_in_window=20)
    with pytest.raises(ValueError, match="10 days"):
        evaluate(Application([d]), START)


def test_application_accepts_lists_and_is_hashable() -> None:
    a = Application([desk(date(2023, 1, 1), 10, 5)], ["社会福祉士"])
    assert isinstance(a.desks, tuple) and isinstance(a.qualifications, tuple)
    assert hash(a) == hash(Application(tuple(a.desks), ("社会福祉士",)))


desk_strategy = st.builds(
    lambda start, days, ratio: desk(start, days, int(days * ratio)),
    st.dates(min_value=date(2018, 1, 1), max_value=date(2025, 12, 31)),
    st.integers(min_value=1, max_value=900),
    st.floats(min_value=0, max_value=1),
)


@settings(max_examples=60)
@given(st.lists(desk_strategy, max_size=5))
def test_employment_is_bounded_and_order_free(desks: list[DeskExperience]) -> None:
    v = evaluate(Application(desks), START)
    window = (v.window_end - v.window_start).days + 1
    assert 0 <= v.employment_days <= min(window, sum(c.employment_days for c in v.desks))
    assert evaluate(Application(reversed(desks)), START).employment_days == v.employment_days
    doubled = evaluate(Application(desks + desks), START)
    assert doubled.employment_days == v.employment_days  # overlaps never double count
    assert doubled.working_days == 2 * v.working_days  # working days are summed as declared
