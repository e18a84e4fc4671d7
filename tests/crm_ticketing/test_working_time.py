"""Working-time arithmetic of the SLA clocks (addons/crm_ticketing/tools/working_time.py)."""

from datetime import datetime, timedelta

import pytest


@pytest.fixture(scope="module")
def wt(addon_tool):
    return addon_tool("crm_ticketing", "working_time")


def office_week(start=datetime(2026, 3, 2), days=14, holidays=()):
    """Monday-Friday 08:00-12:00 and 13:00-17:00, minus ``holidays`` (dates)."""
    intervals = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        if day.weekday() >= 5 or day.date() in holidays:
            continue
        intervals.append((day.replace(hour=8), day.replace(hour=12)))
        intervals.append((day.replace(hour=13), day.replace(hour=17)))
    return intervals


def test_add_hours_within_a_day(wt):
    schedule = wt.WorkSchedule(office_week())
    assert schedule.add_hours(datetime(2026, 3, 2, 8), 3) == datetime(2026, 3, 2, 11)


def test_add_hours_skips_lunch_and_night(wt):
    schedule = wt.WorkSchedule(office_week())
    assert schedule.add_hours(datetime(2026, 3, 2, 11), 2) == datetime(2026, 3, 2, 14)
    assert schedule.add_hours(datetime(2026, 3, 2, 16), 2) == datetime(2026, 3, 3, 9)


def test_add_hours_from_outside_working_time_starts_at_next_opening(wt):
    schedule = wt.WorkSchedule(office_week())
    assert schedule.add_hours(datetime(2026, 3, 2, 20), 1) == datetime(2026, 3, 3, 9)
    assert schedule.add_hours(datetime(2026, 3, 7, 10), 1) == datetime(2026, 3, 9, 9)


def test_exact_end_of_interval_is_not_pushed_to_next_day(wt):
    schedule = wt.WorkSchedule(office_week())
    assert schedule.add_hours(datetime(2026, 3, 2, 8), 8) == datetime(2026, 3, 2, 17)


def test_zero_hours_waits_for_the_next_working_moment(wt):
    schedule = wt.WorkSchedule(office_week())
    assert schedule.add_hours(datetime(2026, 3, 2, 12, 30), 0) == datetime(2026, 3, 2, 13)
    assert schedule.add_hours(datetime(2026, 3, 2, 9), 0) == datetime(2026, 3, 2, 9)


def test_holidays_are_skipped(wt):
    holiday = datetime(2026, 3, 3).date()
    schedule = wt.WorkSchedule(office_week(holidays={holiday}))
    assert schedule.add_hours(datetime(2026, 3, 2, 16), 2) == datetime(2026, 3, 4, 9)


def test_hours_between(wt):
    schedule = wt.WorkSchedule(office_week())
    assert schedule.hours_between(datetime(2026, 3, 2, 8), datetime(2026, 3, 3, 8)) == 8
    assert schedule.hours_between(datetime(2026, 3, 6, 16), datetime(2026, 3, 9, 9)) == 2
    assert schedule.hours_between(datetime(2026, 3, 3, 8), datetime(2026, 3, 2, 8)) == 0


def test_add_then_between_round_trip(wt):
    schedule = wt.WorkSchedule(office_week())
    start = datetime(2026, 3, 2, 10, 17)
    for hours in (0.5, 3, 7.25, 19, 40):
        end = schedule.add_hours(start, hours)
        assert schedule.hours_between(start, end) == pytest.approx(hours)


def test_overlapping_intervals_are_merged(wt):
    day = datetime(2026, 3, 2)
    schedule = wt.WorkSchedule(
        [(day.replace(hour=8), day.replace(hour=12)), (day.replace(hour=10), day.replace(hour=14))]
    )
    assert schedule.intervals == [(day.replace(hour=8), day.replace(hour=14))]


def test_horizon_exceeded_is_reported(wt):
    schedule = wt.WorkSchedule(office_week(days=1))
    with pytest.raises(wt.HorizonExceeded):
        schedule.add_hours(datetime(2026, 3, 2, 8), 9)


def test_always_counts_every_hour(wt):
    schedule = wt.WorkSchedule.always()
    start = datetime(2026, 3, 7, 22)
    assert schedule.add_hours(start, 5) == datetime(2026, 3, 8, 3)
    assert schedule.hours_between(start, datetime(2026, 3, 8, 3)) == 5


def test_percent_helpers(wt):
    schedule = wt.WorkSchedule(office_week())
    start, deadline = datetime(2026, 3, 2, 8), datetime(2026, 3, 2, 12)
    assert wt.percent_elapsed(start, deadline, datetime(2026, 3, 2, 11), schedule) == 75
    assert wt.moment_at_percent(start, deadline, 200, schedule) == datetime(2026, 3, 2, 17)


def test_horizon_days_grows_with_hours(wt):
    assert wt.horizon_days(8, 8) < wt.horizon_days(80, 8)
    assert wt.horizon_days(8, 0) == wt.horizon_days(8, 8)
