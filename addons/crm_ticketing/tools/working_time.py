# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Working-time arithmetic on a list of working intervals, without Odoo.

SLA clocks count only working hours. The ORM side asks the team's ``resource.calendar`` once
for its working intervals over a horizon (leaves already removed) and hands them here; every
deadline of a batch of tickets is then a binary search instead of one calendar query per
ticket. An empty calendar (no team or company calendar) is represented by ``always()``:
every hour counts (24/7).
"""

import bisect
import math
from datetime import timedelta


class HorizonExceeded(ValueError):
    """The answer lies beyond the last known working interval."""


class WorkSchedule:
    """Sorted, non-overlapping working intervals ``[(start, end), ...]`` (naive UTC)."""

    def __init__(self, intervals, continuous=False):
        merged = []
        for start, end in sorted(i for i in intervals if i[1] > i[0]):
            if merged and start <= merged[-1][1]:
                if end > merged[-1][1]:
                    merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        self.continuous = continuous
        self.intervals = merged
        self.starts = [i[0] for i in merged]
        # cumulative working seconds before the start of each interval
        self.cumulative = [0.0]
        for start, end in merged:
            self.cumulative.append(self.cumulative[-1] + (end - start).total_seconds())

    @classmethod
    def always(cls):
        """A 24/7 schedule: every hour is a working hour."""
        return cls([], continuous=True)

    @property
    def horizon(self):
        return self.intervals[-1][1] if self.intervals else None

    def _seconds_at(self, moment):
        """Working seconds from the first interval's start up to ``moment``."""
        index = bisect.bisect_right(self.starts, moment) - 1
        if index < 0:
            return 0.0
        start, end = self.intervals[index]
        return self.cumulative[index] + (min(moment, end) - start).total_seconds()

    def hours_between(self, start, end):
        """Working hours between two datetimes (0 when ``end`` is not after ``start``)."""
        if not start or not end or end <= start:
            return 0.0
        if self.continuous:
            return (end - start).total_seconds() / 3600.0
        return (self._seconds_at(end) - self._seconds_at(start)) / 3600.0

    def add_hours(self, start, hours):
        """The moment ``hours`` working hours after ``start``.

        Raises ``HorizonExceeded`` when the schedule ends too early: ask for a longer one.
        """
        if self.continuous:
            return start + timedelta(hours=hours)
        target = self._seconds_at(start) + hours * 3600.0
        if hours <= 0:
            # the clock starts at the next working moment
            index = bisect.bisect_right(self.starts, start) - 1
            if index >= 0 and start < self.intervals[index][1]:
                return start
            if index + 1 < len(self.intervals):
                return self.intervals[index + 1][0]
            raise HorizonExceeded(start)
        index = bisect.bisect_left(self.cumulative, target) - 1
        if index >= len(self.intervals) or target > self.cumulative[-1]:
            raise HorizonExceeded(start)
        index = max(index, 0)
        return self.intervals[index][0] + timedelta(seconds=target - self.cumulative[index])


def horizon_days(hours, hours_per_day=8.0):
    """A horizon (in calendar days) long enough to place ``hours`` working hours.

    Weekends and holidays are covered by doubling the naive estimate plus a margin; callers
    retry with a longer horizon on ``HorizonExceeded``.
    """
    per_day = hours_per_day if hours_per_day and hours_per_day > 0 else 8.0
    return math.ceil(hours / per_day * 2) + 14


def percent_elapsed(start, deadline, moment, schedule):
    """Share (0-inf, in percent) of the allowed working time used at ``moment``."""
    allowed = schedule.hours_between(start, deadline)
    if allowed <= 0:
        return 100.0 if moment >= deadline else 0.0
    return schedule.hours_between(start, moment) / allowed * 100.0


def moment_at_percent(start, deadline, percent, schedule):
    """The moment at which ``percent`` of the allowed working time is used."""
    allowed = schedule.hours_between(start, deadline)
    if allowed <= 0:
        return deadline
    return schedule.add_hours(start, allowed * percent / 100.0)
