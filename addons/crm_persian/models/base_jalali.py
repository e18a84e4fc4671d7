# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

import pytz

from odoo import models

from ..tools import jalali


class Base(models.AbstractModel):
    _inherit = "base"

    def _read_group_format_result(self, rows_dict, lazy_groupby):
        """Day groups of pivot and graph views are labelled with their Jalali date.

        Only days: a Gregorian week, month, quarter or year is not a Jalali period, and
        labelling it with Jalali names would mislead; the stored Jalali period fields
        (``*_jalali_month``...) give Jalali groups.
        """
        result = super()._read_group_format_result(rows_dict, lazy_groupby)
        if self.env.context.get("date_calendar") != "jalali":
            return result
        digits = self.env.context.get("date_digits") or "latin"
        lang = self.env.context.get("lang") or "en_US"
        tz_name = self.env.context.get("tz")
        tz = pytz.timezone(tz_name) if tz_name in pytz.all_timezones_set else pytz.utc
        for group in lazy_groupby:
            field_name, _sep, granularity = group.partition(":")
            field = self._fields.get(field_name.split(".")[0])
            if granularity != "day" or not field or field.type not in ("date", "datetime"):
                continue
            for row in rows_dict:
                bounds = (row.get("__range") or {}).get(group)
                if not bounds:
                    continue
                if field.type == "datetime":
                    start = datetime.datetime.fromisoformat(bounds["from"])
                    day = pytz.utc.localize(start).astimezone(tz).date()
                else:
                    day = datetime.date.fromisoformat(bounds["from"])
                row[group] = jalali.format_long(day, digits=digits, lang=lang)
        return result
