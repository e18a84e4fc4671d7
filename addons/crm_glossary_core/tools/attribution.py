# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Revenue attribution models: how much of a won deal each touchpoint earned.

Each function takes the touchpoints of one deal in chronological order and returns one weight
per touchpoint; the weights of a deal add up to 1 (or the list is empty). The SQL report of
the module computes the same weights in the database; these functions are the reference.
"""

MODELS = ("first_touch", "last_touch", "linear", "u_shaped", "time_decay")


def first_touch(count):
    return [1.0] + [0.0] * (count - 1) if count else []


def last_touch(count):
    return [0.0] * (count - 1) + [1.0] if count else []


def linear(count):
    return [1.0 / count] * count if count else []


def u_shaped(count, ends=0.4):
    """40 % to the first touch, 40 % to the last, 20 % shared by those between.

    With one touch it earns everything; with two they share half each.
    """
    if count <= 2:
        return linear(count)
    middle = (1.0 - 2 * ends) / (count - 2)
    return [ends] + [middle] * (count - 2) + [ends]


def time_decay(ages_days, half_life_days=7.0):
    """Touches closer to the win weigh more: weight ∝ 2^(−age / half-life).

    ``ages_days`` are the ages of the touches at the win, in days (≥ 0).
    """
    if half_life_days <= 0:
        raise ValueError("the half-life must be positive")
    raw = [2 ** (-max(age, 0.0) / half_life_days) for age in ages_days]
    total = sum(raw)
    return [w / total for w in raw] if total else []


def weights(model, ages_days, half_life_days=7.0):
    """Weights of ``model`` for touches of the given ages (oldest first)."""
    count = len(ages_days)
    if model == "time_decay":
        return time_decay(ages_days, half_life_days)
    if model not in MODELS:
        raise ValueError(f"unknown attribution model {model!r}")
    return globals()[model](count)
