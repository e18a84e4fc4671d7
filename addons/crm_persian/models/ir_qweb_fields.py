# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Jalali dates in every QWeb report (invoices, quotations, delivery slips, the suite's).

Reports print dates through the ``ir.qweb.field.date`` and ``ir.qweb.field.datetime``
converters (``t-field`` and ``t-options="{'widget': 'date'}"``); extending those two is
enough for every report to print Jalali dates when the reader's calendar is Jalali.
"""

from odoo import api, fields, models

from ..tools import jalali


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
    def _jalali_with_pattern(self, value, pattern, digits):
        """A Jalali rendering of a custom (babel) pattern: long form when it names a month."""
        if "MMM" in pattern or "LLL" in pattern:
            jyear, jmonth, _jday = jalali.to_jalali(value)
            if "d" not in pattern:
                lang = self.user_lang().code
                names = jalali.MONTH_NAMES_FA if lang.startswith("fa") else jalali.MONTH_NAMES
                text = f"{names[jmonth - 1]} {jyear}"
                return jalali.to_persian_digits(text) if digits == "persian" else text
            return jalali.format_long(value, digits=digits, lang=self.user_lang().code)
        return jalali.format_date(value, digits=digits)


class IrQwebFieldDate(models.AbstractModel):
    _inherit = "ir.qweb.field.date"

    @api.model
    def value_to_html(self, value, options):
        digits = self._jalali_report_digits()
        if not value or digits is None:
            return super().value_to_html(value, options)
        value = fields.Date.to_date(value) if isinstance(value, str) else value
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
            return self._jalali_with_pattern(local, options["format"], digits)
        if options.get("date_only"):
            return jalali.format_date(local, digits=digits)
        return jalali.format_datetime(local, digits=digits, seconds=not options.get("hide_seconds"))
