# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Jalali (Solar Hijri, Shamsi) calendar helpers, with no Odoo import.

Odoo stores every date in the Gregorian calendar; the Jalali calendar is only a way of
*showing*, *typing* and *grouping* those dates. This module converts between both
calendars (through ``jdatetime``), builds Jalali periods (month, quarter, year) with their
Gregorian bounds, formats dates with Latin or Persian digits and parses what a user types.

The Iranian fiscal year is the Jalali year: it starts on 1 Farvardin (Nowruz, around
21 March) and ends on 29 Esfand, or 30 Esfand in a leap year.
"""

import datetime
import re

import jdatetime

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, "0123456789" * 2)
_TO_PERSIAN = str.maketrans("0123456789", PERSIAN_DIGITS)

MONTH_NAMES = (
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
)
MONTH_NAMES_FA = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)

PERIOD_TYPES = ("month", "quarter", "year")

# Typed input: year, month and day in this order, any non-digit separators, optional time.
_INPUT_RE = re.compile(
    r"^\s*(\d{4})\D+(\d{1,2})\D+(\d{1,2})"
    r"(?:[\sT]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?\s*$"
)
_COMPACT_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


class JalaliError(ValueError):
    """Raised for a Jalali date that does not exist or text that is not one."""


# ------------------------------------------------------------------------------------------
# Digits
# ------------------------------------------------------------------------------------------
def to_latin_digits(text):
    """Return ``text`` with Persian and Arabic-Indic digits replaced by ASCII digits."""
    return text.translate(_TO_LATIN)


def to_persian_digits(text):
    """Return ``text`` with ASCII digits replaced by Persian (Extended Arabic-Indic) digits."""
    return text.translate(_TO_PERSIAN)


# ------------------------------------------------------------------------------------------
# Calendar arithmetic
# ------------------------------------------------------------------------------------------
def _as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raise TypeError(f"Expected a date or datetime, got {type(value).__name__}")


def is_leap(jyear):
    """Whether Jalali year ``jyear`` has 366 days (30 Esfand exists), e.g. 1403."""
    return jdatetime.date(jyear, 1, 1).isleap()


def month_length(jyear, jmonth):
    """Number of days of a Jalali month: 31 (months 1-6), 30 (7-11), 29 or 30 (Esfand)."""
    if not 1 <= jmonth <= 12:
        raise JalaliError(f"Jalali month out of range: {jmonth}")
    if jmonth <= 6:
        return 31
    if jmonth <= 11:
        return 30
    return 30 if is_leap(jyear) else 29


def to_jalali(value):
    """Return the ``(year, month, day)`` Jalali tuple of a Gregorian date or datetime."""
    jdate = jdatetime.date.fromgregorian(date=_as_date(value))
    return jdate.year, jdate.month, jdate.day


def to_gregorian(jyear, jmonth, jday):
    """Return the Gregorian :class:`datetime.date` of a Jalali day.

    :raises JalaliError: if the Jalali day does not exist (e.g. 30 Esfand 1404).
    """
    if not 1 <= jmonth <= 12 or not 1 <= jday <= month_length(jyear, jmonth):
        raise JalaliError(f"{jyear}/{jmonth}/{jday} is not a Jalali date")
    return jdatetime.date(jyear, jmonth, jday).togregorian()


def quarter_of(jmonth):
    """Jalali quarter (1-4) of a Jalali month: spring, summer, autumn, winter."""
    return (jmonth - 1) // 3 + 1


def add_months(jyear, jmonth, count):
    """Return ``(year, month)`` of the Jalali month ``count`` months after the given one."""
    index = jyear * 12 + (jmonth - 1) + count
    return index // 12, index % 12 + 1


# ------------------------------------------------------------------------------------------
# Periods
# ------------------------------------------------------------------------------------------
def month_bounds(jyear, jmonth):
    """First and last Gregorian dates of a Jalali month."""
    return (
        to_gregorian(jyear, jmonth, 1),
        to_gregorian(jyear, jmonth, month_length(jyear, jmonth)),
    )


def quarter_bounds(jyear, quarter):
    """First and last Gregorian dates of a Jalali quarter (1 = Farvardin-Khordad)."""
    if not 1 <= quarter <= 4:
        raise JalaliError(f"Jalali quarter out of range: {quarter}")
    first_month = (quarter - 1) * 3 + 1
    return month_bounds(jyear, first_month)[0], month_bounds(jyear, first_month + 2)[1]


def year_bounds(jyear):
    """First and last Gregorian dates of a Jalali year: 1 Farvardin to 29/30 Esfand."""
    return month_bounds(jyear, 1)[0], month_bounds(jyear, 12)[1]


def fiscal_year(value):
    """Iranian fiscal year of a Gregorian date: the Jalali year (starts 1 Farvardin)."""
    return to_jalali(value)[0]


def fiscal_year_bounds(value):
    """Gregorian bounds of the Iranian fiscal year that contains ``value``."""
    return year_bounds(fiscal_year(value))


def period_bounds(period_type, value, offset=0):
    """Gregorian bounds of the Jalali period of ``period_type`` containing ``value``.

    :param period_type: ``"month"``, ``"quarter"`` or ``"year"``
    :param value: a Gregorian date or datetime
    :param offset: periods to move, e.g. ``-1`` for the previous month/quarter/year
    :return: ``(first_date, last_date)``, both included
    """
    jyear, jmonth, _jday = to_jalali(value)
    if period_type == "month":
        return month_bounds(*add_months(jyear, jmonth, offset))
    if period_type == "quarter":
        qyear, qmonth = add_months(jyear, (quarter_of(jmonth) - 1) * 3 + 1, offset * 3)
        return quarter_bounds(qyear, quarter_of(qmonth))
    if period_type == "year":
        return year_bounds(jyear + offset)
    raise JalaliError(f"Unknown Jalali period type: {period_type!r}")


def period_start(period_type, value):
    """First Gregorian date of the Jalali period (month, quarter, year) containing ``value``."""
    return period_bounds(period_type, value)[0]


def next_period_start(period_type, value):
    """First Gregorian date of the Jalali period following the one containing ``value``."""
    return period_bounds(period_type, value, 1)[0]


def period_starts(period_type, first, last):
    """First days of the Jalali periods from the one containing ``first`` to the one
    containing ``last`` (both included), in order."""
    starts = []
    start = period_start(period_type, first)
    while start <= last:
        starts.append(start)
        start = next_period_start(period_type, start)
    return starts


def nowruz_days(first_jyear, last_jyear):
    """Day of March on which 1 Farvardin falls, for each Jalali year from ``first_jyear`` to
    ``last_jyear``: 1 Farvardin of year ``jy`` is ``date(jy + 621, 3, day)``.

    :raises JalaliError: for a year whose 1 Farvardin is not in March of year ``jy + 621``
    """
    days = []
    for jyear in range(first_jyear, last_jyear + 1):
        nowruz = to_gregorian(jyear, 1, 1)
        if (nowruz.year, nowruz.month) != (jyear + 621, 3):
            raise JalaliError(f"1 Farvardin {jyear} is {nowruz}, not in March {jyear + 621}")
        days.append(nowruz.day)
    return days


def period_keys(value):
    """Sortable keys of the Jalali periods of a date, for storing and grouping.

    :return: ``{"year": "1404", "quarter": "1404-Q3", "month": "1404-08"}``, or
        ``False`` values when ``value`` is empty
    """
    if not value:
        return {"year": False, "quarter": False, "month": False}
    jyear, jmonth, _jday = to_jalali(value)
    return {
        "year": f"{jyear:04d}",
        "quarter": f"{jyear:04d}-Q{quarter_of(jmonth)}",
        "month": f"{jyear:04d}-{jmonth:02d}",
    }


def period_key(period_type, value, offset=0):
    """Key (as in :func:`period_keys`) of the Jalali period containing ``value``."""
    start, _end = period_bounds(period_type, value, offset)
    return period_keys(start)[period_type]


# ------------------------------------------------------------------------------------------
# Formatting and parsing
# ------------------------------------------------------------------------------------------
def format_date(value, digits="latin", sep="/"):
    """Format a Gregorian date as a Jalali date: ``1404/08/25`` or ``۱۴۰۴/۰۸/۲۵``."""
    if not value:
        return ""
    jyear, jmonth, jday = to_jalali(value)
    text = f"{jyear:04d}{sep}{jmonth:02d}{sep}{jday:02d}"
    return to_persian_digits(text) if digits == "persian" else text


def format_datetime(value, digits="latin", seconds=True):
    """Format a (naive, already localized) datetime as ``1404/08/25 14:30:00``."""
    if not value:
        return ""
    time_part = value.strftime("%H:%M:%S" if seconds else "%H:%M")
    text = f"{format_date(value)} {time_part}"
    return to_persian_digits(text) if digits == "persian" else text


def month_name(jmonth, lang="en"):
    """Name of a Jalali month: Persian for a Persian language (``fa``...), else Latin."""
    names = MONTH_NAMES_FA if (lang or "").startswith("fa") else MONTH_NAMES
    return names[jmonth - 1]


def format_month(value, digits="latin", lang="en"):
    """Format the Jalali month of a date: ``Aban 1404`` (or ``آبان ۱۴۰۴`` in Persian)."""
    jyear, jmonth, _jday = to_jalali(value)
    text = f"{month_name(jmonth, lang)} {jyear}"
    return to_persian_digits(text) if digits == "persian" else text


def format_long(value, digits="latin", lang="en"):
    """Format as ``25 Aban 1404`` (or ``۲۵ آبان ۱۴۰۴`` for Persian) for headers and titles."""
    jyear, jmonth, jday = to_jalali(value)
    text = f"{jday} {month_name(jmonth, lang)} {jyear}"
    return to_persian_digits(text) if digits == "persian" else text


def parse(text):
    """Parse a typed Jalali date or datetime and return its Gregorian value.

    Accepts ``1404/8/25``, ``1404-08-25``, ``۱۴۰۴/۰۸/۲۵``, ``14040825`` and the same
    followed by a time ``14:30`` or ``14:30:15``.

    :return: a :class:`datetime.date`, or a naive :class:`datetime.datetime` when a time
        was typed
    :raises JalaliError: when the text is not a valid Jalali date
    """
    latin = to_latin_digits(text or "")
    match = _INPUT_RE.match(latin) or _COMPACT_RE.match(latin)
    if not match:
        raise JalaliError(f"{text!r} is not a Jalali date")
    parts = match.groups()
    jyear, jmonth, jday = (int(part) for part in parts[:3])
    gdate = to_gregorian(jyear, jmonth, jday)
    if len(parts) == 3 or parts[3] is None:
        return gdate
    hour, minute, second = int(parts[3]), int(parts[4]), int(parts[5] or 0)
    try:
        return datetime.datetime.combine(gdate, datetime.time(hour, minute, second))
    except ValueError as error:
        raise JalaliError(f"{text!r} has an invalid time") from error
