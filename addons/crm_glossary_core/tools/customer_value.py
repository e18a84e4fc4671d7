# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Customer value math: RFM scores and segments, CLV, churn risk, tier, relationship phase.

Plain Python with no Odoo import, so that it is tested with pytest in milliseconds and shared
by the set-based recompute (``crm.customer.value``) and the benchmark baseline.

Glossary
--------
*Recency* (R): days since the last purchase. *Frequency* (F): number of purchases in the RFM
window. *Monetary* (M): net revenue (invoices minus credit notes) in the RFM window.

RFM scores (1–5) are quintiles within the customers of one company: a customer's score is
``1 + floor(5 × (rank − 1) / n)`` where ``rank`` is the 1-based position of its value among the
``n`` customers sorted from worst to best, equal values sharing the lowest rank (so ties always
get the same score). For recency, fewer days is better.

RFM segments come from the R score and the FM score ``round((F + M) / 2)`` (halves rounded up):

==========================  =========  ==========
Segment                     R          FM
==========================  =========  ==========
Champions                   5          4–5
Loyal                       3–4        4–5
Potential loyalist          4–5        2–3
New                         5          1
Promising                   4          1
Need attention              3          3
About to sleep              3          1–2
Can't lose them             1–2        5
At risk                     1–2        3–4
Hibernating                 1–2        1–2 (not both 1)
Lost                        1          1
==========================  =========  ==========

Predicted CLV (margin-based expected value over a horizon)::

    predicted_clv = AOV × margin_rate × F_year × Σ_{t=1..H} r^(t−1) / (1 + d)^t

where AOV is the customer's average order value, ``margin_rate`` its gross margin rate (the
company's default rate when no product cost is known), ``F_year`` its own purchase frequency in
purchases per year (purchases ÷ customer age in years, the age counted as at least one year so
that a first purchase does not extrapolate to many per year), ``H`` the horizon in years, ``r``
the yearly retention rate (the chance that a customer still buys next year) and ``d`` the yearly
discount rate. The first year is counted in full (the customer is active now), each further
year with one more factor of ``r``; a fractional horizon counts the last year pro rata.

Historical CLV is the margin earned so far: ``net_revenue × margin_rate``.

The relationship phase (awareness, exploration, expansion, commitment, dissolution) comes from
the purchases and, for prospects (a lifecycle stage before *customer*: subscriber, lead, MQL,
SQL, opportunity) who have bought nothing yet, from the lifecycle alone: awareness.

Churn risk compares recency with the customer's own purchase interval (average days between
purchases; the company's expected interval for one-time buyers): ``recency ≤ 1.5 × interval``
is low, ``≤ 3 × interval`` medium, beyond that high.
"""

import bisect
import math

RFM_SEGMENTS = [
    ("champions", "Champions"),
    ("loyal", "Loyal"),
    ("potential_loyalist", "Potential loyalist"),
    ("new", "New"),
    ("promising", "Promising"),
    ("need_attention", "Need attention"),
    ("about_to_sleep", "About to sleep"),
    ("at_risk", "At risk"),
    ("cant_lose", "Can't lose them"),
    ("hibernating", "Hibernating"),
    ("lost", "Lost"),
]
CHURN_RISKS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
TIERS = [("gold", "Gold"), ("silver", "Silver"), ("bronze", "Bronze")]
RELATIONSHIP_PHASES = [
    ("awareness", "Awareness"),
    ("exploration", "Exploration"),
    ("expansion", "Expansion"),
    ("commitment", "Commitment"),
    ("dissolution", "Dissolution"),
]

# Lifecycle stages before a purchase: a partner there is a prospect.
PROSPECT_LIFECYCLE_STAGES = ("subscriber", "lead", "mql", "sql", "opportunity")

CHURN_MEDIUM_RATIO = 1.5
CHURN_HIGH_RATIO = 3.0
DAYS_PER_YEAR = 365.25


def quintile_scores(values, higher_is_better=True):
    """Return the 1–5 quintile score of each of ``values`` (same order).

    Ties share the lowest rank and so the same score; ``None`` counts as the worst value.
    """
    n = len(values)
    if not n:
        return []
    worst = -math.inf if higher_is_better else math.inf
    keyed = [worst if v is None else (v if higher_is_better else -v) for v in values]
    ordered = sorted(keyed)
    return [1 + (5 * bisect.bisect_left(ordered, k)) // n for k in keyed]


def score_against(population, value, higher_is_better=True):
    """Score one ``value`` against a sorted ``population`` (ascending, raw values).

    Used for incremental updates: the customer is ranked among the stored customers of its
    company as :func:`quintile_scores` would rank it if it were part of them.
    """
    n = len(population)
    if higher_is_better:
        below = bisect.bisect_left(population, value)
    else:
        below = n - bisect.bisect_right(population, value)
    return 1 + (5 * below) // (n + 1)


def fm_score(frequency_score, monetary_score):
    """The combined FM score: the mean of F and M, halves rounded up."""
    return (frequency_score + monetary_score + 1) // 2


def rfm_segment(recency_score, frequency_score, monetary_score):
    """The named RFM segment of a customer (a key of ``RFM_SEGMENTS``)."""
    r = recency_score
    fm = fm_score(frequency_score, monetary_score)
    if r == 5 and fm >= 4:
        return "champions"
    if r in (3, 4) and fm >= 4:
        return "loyal"
    if r in (4, 5) and fm in (2, 3):
        return "potential_loyalist"
    if r == 5:
        return "new"
    if r == 4:
        return "promising"
    if r == 3:
        return "need_attention" if fm == 3 else "about_to_sleep"
    if fm == 5:
        return "cant_lose"
    if fm >= 3:
        return "at_risk"
    if r == 1 and fm == 1:
        return "lost"
    return "hibernating"


def purchase_frequency(purchases, age_days):
    """Purchases per year, the customer's age counted as at least one year."""
    if not purchases:
        return 0.0
    years = max(age_days or 0, DAYS_PER_YEAR) / DAYS_PER_YEAR
    return purchases / years


def avg_days_between(first_date, last_date, purchases):
    """Average days between purchases; ``None`` for fewer than two purchases."""
    if purchases < 2 or not first_date or not last_date:
        return None
    return (last_date - first_date).days / (purchases - 1)


def margin_rate(revenue_with_cost, cost, default_rate):
    """Gross margin rate from the lines with a known cost, else ``default_rate``."""
    if revenue_with_cost and revenue_with_cost > 0 and cost is not None:
        return (revenue_with_cost - cost) / revenue_with_cost
    return default_rate


def predicted_clv(aov, rate, frequency, horizon_years, retention_rate, discount_rate=0.0):
    """Predicted customer lifetime value; see the module docstring for the formula."""
    if not aov or not frequency or horizon_years <= 0:
        return 0.0
    if not 0 <= retention_rate <= 1:
        raise ValueError("retention rate must be between 0 and 1")
    if discount_rate <= -1:
        raise ValueError("discount rate must be above -100%")
    factor = 0.0
    full_years = int(horizon_years)
    for t in range(1, full_years + 1):
        factor += retention_rate ** (t - 1) / (1 + discount_rate) ** t
    remainder = horizon_years - full_years
    if remainder:
        t = full_years + 1
        factor += remainder * retention_rate ** (t - 1) / (1 + discount_rate) ** t
    return aov * rate * frequency * factor


def churn_risk(recency_days, own_interval_days, expected_interval_days):
    """``low``/``medium``/``high`` from recency against the customer's own interval."""
    if recency_days is None:
        return False
    interval = own_interval_days or expected_interval_days
    if not interval or interval <= 0:
        return "low"
    ratio = recency_days / interval
    if ratio <= CHURN_MEDIUM_RATIO:
        return "low"
    if ratio <= CHURN_HIGH_RATIO:
        return "medium"
    return "high"


def tier(value, gold_threshold, silver_threshold):
    """``gold``/``silver``/``bronze`` from ``value`` (net revenue or CLV); no tier at ≤ 0."""
    if value is None or value <= 0:
        return False
    if gold_threshold and value >= gold_threshold:
        return "gold"
    if silver_threshold and value >= silver_threshold:
        return "silver"
    return "bronze"


def relationship_phase(purchases, recent_revenue, previous_revenue, risk, lifecycle=None):
    """The phase of the relationship (Dwyer, Schurr and Oh) from lifecycle and purchase trend.

    awareness: no purchase yet; exploration: a first purchase; expansion: buying more in the
    recent half of the RFM window than in the previous one; commitment: a steady repeat buyer;
    dissolution: a churned customer or a high churn risk.
    """
    if lifecycle == "churned" or risk == "high":
        return "dissolution" if purchases else "awareness"
    if not purchases:
        return "awareness"
    if purchases == 1:
        return "exploration"
    if (recent_revenue or 0) > (previous_revenue or 0) * 1.1:
        return "expansion"
    return "commitment"


def prospect_phase(lifecycle):
    """The relationship phase of a partner without purchase: awareness for a prospect (a
    lifecycle stage before customer), none otherwise."""
    if lifecycle not in PROSPECT_LIFECYCLE_STAGES:
        return False
    return relationship_phase(0, 0.0, 0.0, False, lifecycle)


def customer_metrics(row, today, params):
    """All derived figures of one customer from its aggregated row.

    ``row`` holds ``first_date``, ``last_date``, ``purchases``, ``net_revenue``,
    ``revenue_with_cost``, ``cost``, ``recent_revenue``, ``previous_revenue`` and optionally
    ``lifecycle`` (the partner's lifecycle stage); ``params`` holds
    ``default_margin``, ``horizon_years``, ``retention_rate``, ``discount_rate``,
    ``expected_interval``. RFM scores are not computed here (they need the population).
    """
    purchases = row["purchases"] or 0
    net = row["net_revenue"] or 0.0
    age = (today - row["first_date"]).days if row["first_date"] else 0
    recency = (today - row["last_date"]).days if row["last_date"] else None
    interval = avg_days_between(row["first_date"], row["last_date"], purchases)
    rate = margin_rate(row.get("revenue_with_cost"), row.get("cost"), params["default_margin"])
    frequency = purchase_frequency(purchases, age)
    aov = net / purchases if purchases else 0.0
    risk = churn_risk(recency, interval, params["expected_interval"])
    has_cost = bool(row.get("revenue_with_cost"))
    return {
        "customer_age_days": age,
        "recency_days": recency,
        "avg_days_between": interval,
        "purchase_frequency": frequency,
        "aov": aov,
        "gross_margin": (row["revenue_with_cost"] - row["cost"]) if has_cost else None,
        "margin_rate": rate,
        "historical_clv": net * rate,
        "predicted_clv": predicted_clv(
            aov,
            rate,
            frequency,
            params["horizon_years"],
            params["retention_rate"],
            params["discount_rate"],
        ),
        "churn_risk": risk,
        "relationship_phase": relationship_phase(
            purchases,
            row.get("recent_revenue"),
            row.get("previous_revenue"),
            risk,
            row.get("lifecycle"),
        ),
    }
