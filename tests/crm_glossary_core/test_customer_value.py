"""Customer value math of crm_glossary_core (RFM, CLV, churn risk, tier, phase)."""

import datetime

import pytest

from tests.conftest import load_addon_tool

cv = load_addon_tool("crm_glossary_core", "customer_value")


def test_quintiles_spread_five_scores():
    assert cv.quintile_scores(list(range(10))) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_quintiles_lower_is_better_for_recency():
    assert cv.quintile_scores([1, 100, 50, 10, 500], higher_is_better=False) == [5, 2, 3, 4, 1]


def test_quintile_ties_share_the_same_score():
    scores = cv.quintile_scores([1, 1, 1, 1, 1, 1, 1, 1, 5, 9])
    assert scores[:8] == [1] * 8
    assert scores[8:] == [5, 5]
    assert cv.quintile_scores([]) == []
    assert cv.quintile_scores([None, 3]) == [1, 3]


def test_score_against_matches_full_scoring():
    population = [10, 20, 30, 40, 50, 60, 70, 80, 90]
    for value in (5, 35, 95):
        full = cv.quintile_scores([*population, value])[-1]
        assert cv.score_against(sorted(population), value) == full
        full_low = cv.quintile_scores([*population, value], higher_is_better=False)[-1]
        assert cv.score_against(sorted(population), value, higher_is_better=False) == full_low


@pytest.mark.parametrize(
    "r,f,m,segment",
    [
        (5, 5, 5, "champions"),
        (5, 4, 3, "champions"),
        (4, 5, 5, "loyal"),
        (3, 4, 4, "loyal"),
        (5, 2, 3, "potential_loyalist"),
        (4, 2, 2, "potential_loyalist"),
        (5, 1, 1, "new"),
        (4, 1, 1, "promising"),
        (3, 3, 3, "need_attention"),
        (3, 1, 2, "about_to_sleep"),
        (2, 5, 5, "cant_lose"),
        (1, 4, 5, "cant_lose"),
        (2, 3, 4, "at_risk"),
        (1, 2, 2, "hibernating"),
        (2, 1, 1, "hibernating"),
        (1, 1, 1, "lost"),
    ],
)
def test_rfm_segment_map(r, f, m, segment):
    assert cv.rfm_segment(r, f, m) == segment


def test_every_score_has_a_known_segment():
    keys = {key for key, _label in cv.RFM_SEGMENTS}
    found = {cv.rfm_segment(r, f, m) for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)}
    assert found == keys


def test_purchase_frequency_counts_at_least_one_year():
    assert cv.purchase_frequency(1, 0) == 1.0
    assert cv.purchase_frequency(6, 730.5) == pytest.approx(3.0)
    assert cv.purchase_frequency(0, 100) == 0.0


def test_avg_days_between():
    d1, d2 = datetime.date(2025, 1, 1), datetime.date(2025, 1, 31)
    assert cv.avg_days_between(d1, d2, 4) == 10
    assert cv.avg_days_between(d1, d1, 1) is None


def test_margin_rate_falls_back_to_default():
    assert cv.margin_rate(1000, 600, 0.3) == pytest.approx(0.4)
    assert cv.margin_rate(0, None, 0.3) == 0.3


def test_predicted_clv_formula():
    # 2 orders/year of 1000 at 25% margin over 3 years, 50% retention, no discounting:
    # 500/year × (1 + 0.5 + 0.25)
    assert cv.predicted_clv(1000, 0.25, 2, 3, 0.5) == pytest.approx(875.0)
    # 10% discount rate
    expected = 500 * (1 / 1.1 + 0.5 / 1.1**2)
    assert cv.predicted_clv(1000, 0.25, 2, 2, 0.5, 0.1) == pytest.approx(expected)
    # a half year horizon counts the year pro rata
    assert cv.predicted_clv(1000, 0.25, 2, 0.5, 0.5) == pytest.approx(250.0)
    assert cv.predicted_clv(0, 0.25, 2, 3, 0.5) == 0.0
    with pytest.raises(ValueError):
        cv.predicted_clv(1000, 0.25, 2, 3, 1.5)


def test_churn_risk_against_own_interval():
    assert cv.churn_risk(20, 30, 90) == "low"
    assert cv.churn_risk(60, 30, 90) == "medium"
    assert cv.churn_risk(100, 30, 90) == "high"
    # one-time buyers are measured against the expected interval
    assert cv.churn_risk(100, None, 90) == "low"
    assert cv.churn_risk(400, None, 90) == "high"
    assert cv.churn_risk(None, None, 90) is False


def test_tier_thresholds():
    assert cv.tier(5000, 1000, 100) == "gold"
    assert cv.tier(500, 1000, 100) == "silver"
    assert cv.tier(50, 1000, 100) == "bronze"
    assert cv.tier(0, 1000, 100) is False


def test_relationship_phase():
    assert cv.relationship_phase(0, 0, 0, False) == "awareness"
    assert cv.relationship_phase(1, 100, 0, "low") == "exploration"
    assert cv.relationship_phase(4, 500, 100, "low") == "expansion"
    assert cv.relationship_phase(4, 100, 100, "medium") == "commitment"
    assert cv.relationship_phase(4, 500, 100, "high") == "dissolution"
    assert cv.relationship_phase(4, 500, 100, "low", lifecycle="churned") == "dissolution"


def test_customer_metrics():
    today = datetime.date(2025, 12, 31)
    row = {
        "first_date": datetime.date(2024, 12, 31),
        "last_date": datetime.date(2025, 12, 1),
        "purchases": 4,
        "net_revenue": 4000.0,
        "revenue_with_cost": 2000.0,
        "cost": 1000.0,
        "recent_revenue": 3000.0,
        "previous_revenue": 1000.0,
    }
    params = {
        "default_margin": 0.3,
        "horizon_years": 1,
        "retention_rate": 0.8,
        "discount_rate": 0.0,
        "expected_interval": 90,
    }
    m = cv.customer_metrics(row, today, params)
    assert m["customer_age_days"] == 365
    assert m["recency_days"] == 30
    assert m["avg_days_between"] == pytest.approx(335 / 3)
    assert m["aov"] == 1000.0
    assert m["gross_margin"] == 1000.0
    assert m["margin_rate"] == 0.5
    assert m["historical_clv"] == 2000.0
    assert m["predicted_clv"] == pytest.approx(1000 * 0.5 * 4)
    assert m["churn_risk"] == "low"
    assert m["relationship_phase"] == "expansion"
