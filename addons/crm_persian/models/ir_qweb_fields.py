# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Jalali dates in every QWeb report (invoices, quotations, delivery slips, the suite's).

Reports print dates through the ``ir.qweb.field.date`` and ``ir.qweb.field.datetime``
converters (``t-field`` and ``t-options="{'widget': 'date'}"``); extending those two is
enough for every report to print Jalali dates when the reader's calendar is Jalali.
"""

import datetime

import babel.dates

from odoo import api, fields, models
from odoo.tools.misc import DATE_LENGTH, babel_locale_parse

from ..tools import jalali

# Babel's named formats; the other values of a ``format`` option are LDML patterns.
NAMED_FORMATS = ("short", "medium", "long", "full")
# LDML fields of the time of day (hours, minutes, seconds, AM/PM, time zone).
TIME_FIELDS = frozenset("aBbhHKkmsSAzZOvVXx")


class IrQwebField(models.AbstractModel):
    _inherit = "ir.qweb.field"

    @api.model
    def _jalali_report_digits(self):
        """Digits to print Jalali dates with, or ``None`` when dates stay Gregorian.

        The calendar is the one in the context (``date_calendar``, set from the user's
        preferences by the web client), else the one of the user rendering the report.
        """
        calendar = self.env.context.get("date_calendar") or self.env.user.context_date_calendar
        if calendar != "jalali":
            return None
        return self.env.context.get("date_digits") or self.env.user.context_date_digits

    @api.model
    def _jalali_with_pattern(self, value, pattern, digits, hide_seconds=False):
        """A Jalali rendering of a custom (babel) pattern or named format (``short``...).

        The date is Jalali: its long form when the pattern names a month, else numeric.
        When ``value`` is a datetime, the time fields of the pattern (``HH:mm``, ``h:mm a``,
        the time of a named format) are printed after it as babel prints them.
        """
        locale = babel_locale_parse(self.user_lang().code)
        with_time = isinstance(value, datetime.datetime)
        if pattern in NAMED_FORMATS:
            date_tokens = babel.dates.tokenize_pattern(
                babel.dates.get_date_format(pattern, locale=locale).pattern
            )
            time_tokens = (
                babel.dates.tokenize_pattern(
                    babel.dates.get_time_format(pattern, locale=locale).pattern
                )
                if with_time
                else []
            )
        else:
            tokens = babel.dates.tokenize_pattern(pattern)
            time_indexes = [
                index
                for index, (kind, token) in enumerate(tokens)
                if kind == "field" and token[0] in TIME_FIELDS
            ]
            date_tokens = [
                token for token in tokens if token[0] == "field" and token[1][0] not in TIME_FIELDS
            ]
            time_tokens = (
                tokens[time_indexes[0] : time_indexes[-1] + 1] if with_time and time_indexes else []
            )
        date_fields = {token[0]: token[1] for kind, token in date_tokens if kind == "field"}
        parts = []
        if date_fields or not time_tokens:
            parts.append(self._jalali_date_part(value, date_fields))
        if time_tokens:
            time_pattern = babel.dates.untokenize_pattern(time_tokens)
            if hide_seconds:
                time_pattern = time_pattern.replace(":ss", "").replace(":s", "")
            parts.append(babel.dates.format_time(value, format=time_pattern, locale=locale))
        text = " ".join(parts)
        return jalali.to_persian_digits(text) if digits == "persian" else text

    @api.model
    def _jalali_date_part(self, value, date_fields):
        """The Jalali date of ``value`` (Latin digits) for the date fields of a pattern
        (``{letter: count}``): ``Aban 1404`` for a month and year, ``25 Aban 1404`` for a
        named month with its day, ``1404/08/25`` otherwise."""
        month_count = max(date_fields.get("M", 0), date_fields.get("L", 0))
        if month_count >= 3:
            lang = self.user_lang().code
            if "d" not in date_fields:
                return jalali.format_month(value, lang=lang)
            return jalali.format_long(value, lang=lang)
        return jalali.format_date(value)


class IrQwebFieldDate(models.AbstractModel):
    _inherit = "ir.qweb.field.date"

    @api.model
    def value_to_html(self, value, options):
        digits = self._jalali_report_digits()
        if not value or digits is None:
            return super().value_to_html(value, options)
        if isinstance(value, str):
            if len(value) < DATE_LENGTH:
                return ""
            if len(value) > DATE_LENGTH:
                value = fields.Datetime.from_string(value)
            else:
                value = fields.Date.to_date(value)
        if isinstance(value, datetime.datetime):
            # a datetime shown as a date (``widget: date``): its day where the reader is,
            # as Odoo's own ``format_date`` does
            if not value.tzinfo:
                value = fields.Datetime.context_timestamp(self, value)
            value = value.date()
        if options.get("format"):
            return self._jalali_with_pattern(value, options["format"], digits)
        return jalali.format_date(value, digits=digits)


class IrQwebFieldDatetime(models.AbstractModel):
    _inherit = "ir.qweb.field.datetime"

    @api.model
    def value_to_html(self, value, options):
        digits = self._jalali_report_digits()
        if not value or digits is None or options.get("time_only"):
            return super().value_to_html(value, options)
        if isinstance(value, str):
            value = fields.Datetime.from_string(value)
        record = self.with_context(tz=options["tz_name"]) if options.get("tz_name") else self
        local = fields.Datetime.context_timestamp(record, value)
        if options.get("format"):
            return self._jalali_with_pattern(
                local,
                options["format"],
                digits,
                hide_seconds=options.get("hide_seconds"),
            )
        if options.get("date_only"):
            return jalali.format_date(local, digits=digits)
        return jalali.format_datetime(local, digits=digits, seconds=not options.get("hide_seconds"))
