"""Jalali calendar helpers of crm_persian (pure Python, no Odoo)."""

import datetime

import pytest

D = datetime.date


@pytest.fixture(scope="module")
def jalali(addon_tool):
    return addon_tool("crm_persian", "jalali")


@pytest.mark.parametrize(
    ("gregorian", "expected"),
    [
        (D(2025, 11, 16), (1404, 8, 25)),
        (D(2025, 3, 21), (1404, 1, 1)),
        (D(2025, 3, 20), (1403, 12, 30)),
        (D(2024, 3, 20), (1403, 1, 1)),
        (D(2026, 3, 20), (1404, 12, 29)),
        (D(2026, 3, 21), (1405, 1, 1)),
        (D(2000, 1, 1), (1378, 10, 11)),
    ],
)
def test_round_trip(jalali, gregorian, expected):
    assert jalali.to_jalali(gregorian) == expected
    assert jalali.to_gregorian(*expected) == gregorian


def test_datetime_uses_its_date(jalali):
    assert jalali.to_jalali(datetime.datetime(2025, 11, 16, 23, 59)) == (1404, 8, 25)


def test_leap_years(jalali):
    assert jalali.is_leap(1403)
    assert not jalali.is_leap(1404)
    assert jalali.month_length(1403, 12) == 30
    assert jalali.month_length(1404, 12) == 29
    assert jalali.month_length(1404, 1) == 31
    assert jalali.month_length(1404, 7) == 30
    assert jalali.to_gregorian(1403, 12, 30) == D(2025, 3, 20)
    with pytest.raises(jalali.JalaliError):
        jalali.to_gregorian(1404, 12, 30)
    with pytest.raises(jalali.JalaliError):
        jalali.to_gregorian(1404, 13, 1)
    with pytest.raises(jalali.JalaliError):
        jalali.to_gregorian(1404, 7, 31)


def test_periods(jalali):
    day = D(2025, 11, 16)  # 1404/08/25
    assert jalali.period_bounds("month", day) == (D(2025, 10, 23), D(2025, 11, 21))
    assert jalali.period_bounds("month", day, -1) == (D(2025, 9, 23), D(2025, 10, 22))
    assert jalali.period_bounds("quarter", day) == (D(2025, 9, 23), D(2025, 12, 21))
    assert jalali.period_bounds("quarter", day, -1) == (D(2025, 6, 22), D(2025, 9, 22))
    assert jalali.period_bounds("year", day) == (D(2025, 3, 21), D(2026, 3, 20))
    assert jalali.period_bounds("year", day, -1) == (D(2024, 3, 20), D(2025, 3, 20))
    # Previous month and quarter of Farvardin cross the year boundary.
    nowruz = D(2025, 3, 25)
    assert jalali.period_bounds("month", nowruz, -1) == (D(2025, 2, 19), D(2025, 3, 20))
    assert jalali.period_bounds("quarter", nowruz, -1) == (D(2024, 12, 21), D(2025, 3, 20))
    with pytest.raises(jalali.JalaliError):
        jalali.period_bounds("week", day)


def test_fiscal_year(jalali):
    assert jalali.fiscal_year(D(2025, 3, 20)) == 1403
    assert jalali.fiscal_year(D(2025, 3, 21)) == 1404
    assert jalali.fiscal_year_bounds(D(2025, 6, 1)) == (D(2025, 3, 21), D(2026, 3, 20))


def test_period_keys(jalali):
    assert jalali.period_keys(D(2025, 11, 16)) == {
        "year": "1404",
        "quarter": "1404-Q3",
        "month": "1404-08",
    }
    assert jalali.period_keys(D(2025, 3, 20))["quarter"] == "1403-Q4"
    assert jalali.period_keys(False) == {"year": False, "quarter": False, "month": False}
    assert jalali.period_key("month", D(2025, 3, 25), -1) == "1403-12"
    assert jalali.period_key("quarter", D(2025, 11, 16), 1) == "1404-Q4"
    # The keys sort like the periods they name.
    keys = [jalali.period_keys(D(2025, m, 15))["month"] for m in range(1, 13)]
    assert keys == sorted(keys)


def test_format(jalali):
    day = D(2025, 11, 16)
    assert jalali.format_date(day) == "1404/08/25"
    assert jalali.format_date(day, digits="persian") == "۱۴۰۴/۰۸/۲۵"
    assert jalali.format_date(False) == ""
    moment = datetime.datetime(2025, 11, 16, 9, 5, 7)
    assert jalali.format_datetime(moment) == "1404/08/25 09:05:07"
    assert jalali.format_datetime(moment, digits="persian", seconds=False) == "۱۴۰۴/۰۸/۲۵ ۰۹:۰۵"
    assert jalali.format_long(day) == "25 Aban 1404"
    assert jalali.format_long(day, digits="persian", lang="fa_IR") == "۲۵ آبان ۱۴۰۴"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1404/8/25", D(2025, 11, 16)),
        ("1404/08/25", D(2025, 11, 16)),
        ("1404-08-25", D(2025, 11, 16)),
        ("۱۴۰۴/۰۸/۲۵", D(2025, 11, 16)),
        ("١٤٠٤/٨/٢٥", D(2025, 11, 16)),
        ("14040825", D(2025, 11, 16)),
        (" 1403/12/30 ", D(2025, 3, 20)),
        ("1404/8/25 14:30", datetime.datetime(2025, 11, 16, 14, 30)),
        ("۱۴۰۴/۸/۲۵ ۰۰:۰۰:۵۹", datetime.datetime(2025, 11, 16, 0, 0, 59)),
    ],
)
def test_parse(jalali, text, expected):
    assert jalali.parse(text) == expected


@pytest.mark.parametrize(
    "text", ["", "1404/12/30", "1404/13/01", "25/08/1404", "hello", "1404/8/25 25:00"]
)
def test_parse_rejects(jalali, text):
    with pytest.raises(jalali.JalaliError):
        jalali.parse(text)


def test_digits(jalali):
    assert jalali.to_latin_digits("۱۲۳٤٥") == "12345"
    assert jalali.to_persian_digits("2025") == "۲۰۲۵"


def test_period_starts_for_grouping(jalali):
    day = D(2025, 11, 16)  # 1404/08/25
    assert jalali.period_start("month", day) == D(2025, 10, 23)
    assert jalali.period_start("quarter", datetime.datetime(2025, 11, 16, 23, 0)) == D(2025, 9, 23)
    assert jalali.next_period_start("month", day) == D(2025, 11, 22)
    assert jalali.next_period_start("year", day) == D(2026, 3, 21)
    # Esfand 1403 (leap) has 30 days, Esfand 1404 has 29.
    assert jalali.period_starts("month", D(2025, 2, 19), D(2025, 3, 21)) == [
        D(2025, 2, 19),
        D(2025, 3, 21),
    ]
    assert jalali.next_period_start("month", D(2026, 2, 20)) == D(2026, 3, 21)
    assert jalali.period_starts("quarter", D(2025, 3, 21), D(2026, 3, 20)) == [
        D(2025, 3, 21),
        D(2025, 6, 22),
        D(2025, 9, 23),
        D(2025, 12, 22),
    ]
    assert jalali.period_starts("year", D(2025, 3, 21), D(2025, 3, 20)) == []


def test_nowruz_days(jalali):
    assert jalali.nowruz_days(1403, 1405) == [20, 21, 21]  # 2024-03-20, 2025-03-21, 2026-03-21
    days = jalali.nowruz_days(1200, 1600)
    assert len(days) == 401
    assert set(days) <= {19, 20, 21, 22}


def test_month_labels(jalali):
    day = D(2025, 11, 16)
    assert jalali.month_name(8) == "Aban"
    assert jalali.month_name(8, "fa_IR") == "آبان"
    assert jalali.format_month(day) == "Aban 1404"
    assert jalali.format_month(day, digits="persian", lang="fa_IR") == "آبان ۱۴۰۴"
    assert jalali.format_month(day, lang="fa_IR") == "آبان 1404"
