"""Scoring math of crm_lead_scoring (addons/crm_lead_scoring/tools/scoring.py)."""

import math

import pytest


@pytest.fixture(scope="module")
def scoring(addon_tool):
    return addon_tool("crm_lead_scoring", "scoring")


def test_decay_halves_every_half_life(scoring):
    assert scoring.decay_factor(0, 30) == 1.0
    assert scoring.decay_factor(30, 30) == pytest.approx(0.5)
    assert scoring.decay_factor(90, 30) == pytest.approx(0.125)


def test_no_half_life_means_no_decay_and_future_events_do_not_grow(scoring):
    assert scoring.decay_factor(400, None) == 1.0
    assert scoring.decay_factor(400, 0) == 1.0
    assert scoring.decay_factor(-10, 7) == 1.0


def test_negative_half_life_is_refused(scoring):
    with pytest.raises(ValueError):
        scoring.decay_factor(1, -5)


def test_cap_bounds_both_signs(scoring):
    assert scoring.apply_cap(35, 30) == 30
    assert scoring.apply_cap(-35, 30) == -30
    assert scoring.apply_cap(12, 30) == 12
    assert scoring.apply_cap(500, None) == 500


def test_each_occurrence_adds_up_to_the_cap(scoring):
    total = 0.0
    for _ in range(5):
        total = scoring.accumulate(total, 0, 10, "each")
    assert total == 50
    assert scoring.current_value(total, 0, "each", cap=25) == 25


def test_the_cap_bounds_the_decayed_total(scoring):
    # 4 occurrences on day 0 and one on day 14, half-life 7, cap 30: the running total is
    # 40 / 4 + 10 = 20 on day 14, under the cap; capping at each step would give 17.5.
    assert scoring.replay([0, 0, 0, 0, 14], 10, "each", cap=30, half_life_days=7) == 20
    total = 0.0
    for age in (0, 0, 0, 0, 14):
        total = scoring.accumulate(total, age, 10, "each", half_life_days=7)
    assert scoring.current_value(total, 0, "each", cap=30, half_life_days=7) == 20


def test_replay_does_not_depend_on_the_order_of_events(scoring):
    forward = scoring.replay([0, 3, 9], 10, "each", cap=25, half_life_days=5, now=12)
    backward = scoring.replay([9, 0, 3], 10, "each", cap=25, half_life_days=5, now=12)
    assert forward == pytest.approx(backward)


def test_once_counts_the_last_occurrence_only(scoring):
    assert scoring.accumulate(40, 3, 15, "once", half_life_days=7) == 15


def test_accumulate_decays_the_previous_value(scoring):
    assert scoring.accumulate(20, 7, 10, "each", half_life_days=7) == pytest.approx(20)


def test_replay_decays_to_now(scoring):
    value = scoring.replay([0, 10], 10, "each", half_life_days=10, now=20)
    assert value == pytest.approx((10 * 0.5 + 10) * 0.5)
    assert scoring.replay([], 10) == 0.0


def test_negative_points_are_capped_too(scoring):
    assert scoring.replay([0, 1, 2, 3], -10, "each", cap=20) == -20


def test_temperature_from_thresholds(scoring):
    assert scoring.temperature(10, 40, 70) == "cold"
    assert scoring.temperature(40, 40, 70) == "warm"
    assert scoring.temperature(69, 40, 70) == "warm"
    assert scoring.temperature(70, 40, 70) == "hot"


def test_fit_grade_bands(scoring):
    grades = [scoring.fit_grade(score, 60, 35, 15) for score in (80, 60, 59, 35, 15, 14, -5)]
    assert grades == ["A", "A", "B", "B", "C", "D", "D"]


def test_thresholds_in_order_are_valid(scoring):
    assert scoring.threshold_errors(dict(scoring.DEFAULT_THRESHOLDS)) == []


@pytest.mark.parametrize(
    "change, error",
    [
        ({"warm": 80}, ("warm", "hot")),
        ({"mql": 90}, ("mql", "hot")),
        ({"mql": 0}, ("zero", "mql")),
        ({"grade_b": 70}, ("grade_b", "grade_a")),
        ({"grade_c": 40}, ("grade_c", "grade_b")),
        ({"warm": -1}, ("zero", "warm")),
    ],
)
def test_thresholds_out_of_order_are_named(scoring, change, error):
    assert error in scoring.threshold_errors({**scoring.DEFAULT_THRESHOLDS, **change})


def test_bands_clamp_and_close_the_last_band(scoring):
    assert [scoring.band(v) for v in (-5, 0, 9.9, 10, 72, 99, 100, 250, None)] == [
        0,
        0,
        0,
        10,
        70,
        90,
        90,
        90,
        0,
    ]
    assert scoring.band_label(70) == "70–79"
    assert scoring.band_label(90) == "90–100"


def test_qualification_weighted_percentage_and_flag(scoring):
    criteria = [
        {"weight": 2, "required": True, "points": 100, "satisfied": True},
        {"weight": 1, "required": False, "points": 50, "satisfied": True},
        {"weight": 1, "required": True, "points": None, "satisfied": False},
    ]
    percentage, qualified = scoring.qualification(criteria)
    assert percentage == pytest.approx(62.5)
    assert not qualified
    criteria[2].update(points=100, satisfied=True)
    assert scoring.qualification(criteria) == (pytest.approx(87.5), True)


def test_qualification_without_required_needs_every_criterion(scoring):
    criteria = [
        {"weight": 1, "required": False, "points": 100, "satisfied": True},
        {"weight": 1, "required": False, "points": 0, "satisfied": False},
    ]
    assert scoring.qualification(criteria) == (50.0, False)
    assert scoring.qualification([]) == (0.0, False)


def test_touchpoint_matching(scoring):
    email_in = {"channel": "email", "direction": "inbound", "res_model": "crm.lead"}
    assert scoring.touchpoint_matches({"channel": "email", "direction": "inbound"}, email_in)
    assert scoring.touchpoint_matches({"channel": "email"}, email_in)
    assert not scoring.touchpoint_matches({"channel": "email", "direction": "outbound"}, email_in)
    assert not scoring.touchpoint_matches({"document_model": "sale.order"}, email_in)
    assert not scoring.touchpoint_matches({}, email_in)
    call = {"channel": "phone", "direction": "outbound", "activity_type_id": 4}
    assert scoring.touchpoint_matches({"activity_type_id": 4}, call)
    assert not scoring.touchpoint_matches({"channel": "phone", "activity_type_id": 5}, call)


def test_replies_only_rules_count_replies(scoring):
    rule = {"channel": "email", "direction": "inbound", "replies_only": True}
    email_in = {"channel": "email", "direction": "inbound"}
    assert not scoring.touchpoint_matches(rule, email_in)
    assert scoring.touchpoint_matches(rule, {**email_in, "is_reply": True})


def test_split_domain_keeps_subexpressions(scoring):
    a, b, c = ("x", "=", 1), ("y", "=", 2), ("z", "=", 3)
    assert scoring.split_domain(["|", a, b, c]) == [["|", a, b], [c]]
    assert scoring.split_domain(["!", a, "&", b, c]) == [["!", a], ["&", b, c]]
    assert scoring.split_domain([]) == []


def test_merge_conditions_replaces_only_managed_leaves(scoring):
    domain = ["|", ("country_id", "=", 1), ("score_total", ">", 5), ("score_total", ">=", 10)]
    merged = scoring.merge_conditions(domain, {"score_total"}, [("score_total", ">=", 50)])
    assert merged == [
        "|",
        ("country_id", "=", 1),
        ("score_total", ">", 5),
        ("score_total", ">=", 50),
    ]
    assert scoring.merge_conditions(merged, {"score_total"}, []) == [
        "|",
        ("country_id", "=", 1),
        ("score_total", ">", 5),
    ]


def test_decay_is_exponential(scoring):
    assert math.isclose(scoring.decay_factor(15, 30), math.sqrt(0.5))
