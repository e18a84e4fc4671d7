# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Lead scoring math, with no Odoo import: decay, caps, grades, temperature, bands.

The set-based recompute does the same arithmetic in SQL (see ``crm_lead_scoring.py``); these
functions are its reference and are what the incremental path and the tests rely on.
"""

import math

POINTS_MIN = -100
POINTS_MAX = 100

# Thresholds of a sales team that has not set its own (see ``crm.team``).
DEFAULT_THRESHOLDS = {
    "mql": 40,
    "warm": 40,
    "hot": 70,
    "grade_a": 60,
    "grade_b": 35,
    "grade_c": 15,
}

TEMPERATURE_ORDER = ["cold", "warm", "hot"]
GRADE_ORDER = ["A", "B", "C", "D"]
BAND_WIDTH = 10


def decay_factor(age_days, half_life_days=None):
    """Weight of points earned ``age_days`` ago: halves every ``half_life_days``.

    No half-life means no decay. A negative age (an event dated in the future) does not grow
    the points.
    """
    if not half_life_days:
        return 1.0
    if half_life_days <= 0:
        raise ValueError("half-life must be positive")
    return math.pow(0.5, max(age_days, 0.0) / half_life_days)


def apply_cap(value, cap=None):
    """Bound ``value`` to ``[-cap, cap]``; no cap (``None`` or 0) leaves it as is."""
    if not cap:
        return value
    return max(-cap, min(cap, value))


def accumulate(total, age_days, points, mode="each", half_life_days=None):
    """Running total of a rule on a lead after one more occurrence, before the cap.

    ``total`` is the rule's running total ``age_days`` before this occurrence. ``once`` rules
    count the last occurrence only (with decay, a new occurrence refreshes them); ``each``
    rules add up, decayed. The cap bounds what the rule gives (``current_value``), not the
    running total, so the total does not depend on the order the events are counted in: the
    incremental upsert and the full rebuild (a sum of decayed points in SQL) agree.
    """
    if mode == "once":
        return float(points)
    return total * decay_factor(age_days, half_life_days) + points


def current_value(total, age_days, mode="each", cap=None, half_life_days=None):
    """What a rule gives a lead ``age_days`` after its last occurrence: the running total,
    decayed, then bounded by the cap (``each`` rules only)."""
    value = total * decay_factor(age_days, half_life_days)
    return value if mode == "once" else apply_cap(value, cap)


def replay(events, points, mode="each", cap=None, half_life_days=None, now=None):
    """Value of a rule after the events (times in days, any order), seen at ``now``.

    ``events`` is a list of event times in days (any origin); ``now`` defaults to the last
    event. The running total is the sum of each occurrence's points decayed to the last one,
    which is what both the incremental accumulation and the full rebuild compute.
    """
    if not events:
        return 0.0
    last = max(events)
    if mode == "once":
        total = float(points)
    else:
        total = sum(points * decay_factor(last - when, half_life_days) for when in events)
    now = last if now is None else now
    return current_value(total, now - last, mode, cap, half_life_days)


def temperature(score, warm, hot):
    """Cold, warm or hot from the total score and the team's thresholds."""
    if score >= hot:
        return "hot"
    if score >= warm:
        return "warm"
    return "cold"


def fit_grade(fit_score, grade_a, grade_b, grade_c):
    """Fit grade A–D from the fit score and the team's grade bands."""
    if fit_score >= grade_a:
        return "A"
    if fit_score >= grade_b:
        return "B"
    if fit_score >= grade_c:
        return "C"
    return "D"


def threshold_errors(thresholds):
    """Pairs ``(lower, upper)`` of threshold names that are not in increasing order.

    Expected: ``0 <= warm < hot``, ``0 < mql <= hot`` and ``0 <= grade_c < grade_b < grade_a``.
    An empty list means the thresholds are valid.
    """
    t = {**DEFAULT_THRESHOLDS, **{k: v for k, v in thresholds.items() if v is not None}}
    checks = [
        ("zero", "warm", t["warm"] >= 0),
        ("warm", "hot", t["warm"] < t["hot"]),
        ("zero", "mql", t["mql"] > 0),
        ("mql", "hot", t["mql"] <= t["hot"]),
        ("zero", "grade_c", t["grade_c"] >= 0),
        ("grade_c", "grade_b", t["grade_c"] < t["grade_b"]),
        ("grade_b", "grade_a", t["grade_b"] < t["grade_a"]),
    ]
    return [(low, high) for low, high, ok in checks if not ok]


def band(value, width=BAND_WIDTH, top=100):
    """Lower bound of the band of ``value``: 0, 10, ..., 90 (values are clamped to 0–100).

    Scores and PLS probabilities are bucketed the same way, so they can be compared.
    """
    if value is None:
        return 0
    clamped = min(max(value, 0), top)
    return min(int(clamped // width) * width, top - width)


def band_label(lower, width=BAND_WIDTH):
    """``"70–79"`` for the band starting at 70; the last band is closed: ``"90–100"``."""
    upper = lower + width - 1 if lower + width < 100 else 100
    return f"{lower}–{upper}"


def qualification(criteria):
    """Qualification percentage and flag from the criteria of a framework.

    ``criteria``: iterable of dicts with ``weight``, ``required``, ``points`` (0–100, ``None``
    when unanswered) and ``satisfied``. The percentage is the weighted mean of the points over
    all criteria (unanswered count as 0); the lead is qualified when every required criterion
    is satisfied and, with no required criterion, when every criterion is.
    """
    criteria = list(criteria)
    total_weight = sum(max(c["weight"], 0) for c in criteria)
    if not criteria or not total_weight:
        return 0.0, False
    earned = sum(max(c["weight"], 0) * (c["points"] or 0) for c in criteria)
    percentage = round(earned / total_weight, 2)
    required = [c for c in criteria if c["required"]] or criteria
    return percentage, all(c["satisfied"] for c in required)


def touchpoint_matches(rule, touchpoint):
    """Does an engagement rule count this touchpoint? Every condition the rule sets must hold.

    ``rule``: dict with ``channel``, ``direction``, ``activity_type_id``, ``document_model``
    (each falsy when not set) and ``replies_only``; ``touchpoint``: dict with ``channel``,
    ``direction``, ``activity_type_id``, ``res_model`` and ``is_reply``. The SQL of the full
    recompute uses the same test.
    """
    conditions = (
        ("channel", "channel"),
        ("direction", "direction"),
        ("activity_type_id", "activity_type_id"),
        ("document_model", "res_model"),
    )
    if not any(rule.get(key) for key, _tp_key in conditions):
        return False
    if rule.get("replies_only") and not touchpoint.get("is_reply"):
        return False
    return all(
        not rule.get(key) or rule.get(key) == touchpoint.get(tp_key) for key, tp_key in conditions
    )


def split_domain(domain):
    """Split a domain (prefix notation) into its top-level conjuncts.

    ``['|', a, b, c]`` gives ``[['|', a, b], [c]]``: the list items are implicitly AND-ed, so
    dropping or adding whole conjuncts keeps the rest of the domain intact.
    """
    parts, i = [], 0
    while i < len(domain):
        need, start = 1, i
        while need:
            item = domain[i]
            i += 1
            need -= 1
            if item in ("&", "|"):
                need += 2
            elif item == "!":
                need += 1
        parts.append(list(domain[start:i]))
    return parts


def merge_conditions(domain, managed_fields, terms):
    """Replace, in ``domain``, the top-level leaves on ``managed_fields`` by ``terms``.

    Assignment conditions on score, temperature and grade are kept in Odoo's own assignment
    domain (so Odoo's assignment applies them); the rest of the domain is left as written.
    """
    kept = [
        part
        for part in split_domain(list(domain))
        if not (
            len(part) == 1
            and isinstance(part[0], list | tuple)
            and str(part[0][0]) in managed_fields
        )
    ]
    result = [item for part in kept for item in part]
    return result + [tuple(term) for term in terms]
