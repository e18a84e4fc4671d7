# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Jalali groups of dates in list, kanban, pivot and graph views, for every model.

For a reader whose calendar is Jalali (``date_calendar`` in the context, sent by the web
client from the user's preferences), ``read_group`` groups dates by month, quarter and year
into Jalali periods instead of Gregorian ones: ``create_date:month`` buckets by Jalali
month in SQL (through ``crm_persian_jalali_month_start``, see ``crm_persian_jalali_calendar``),
labels each group ``Aban 1404`` / ``آبان ۱۴۰۴``, and gives it the ``__range`` and
``__domain`` of exactly that Jalali month, so that opening a pivot cell or a list group
shows its records. Days keep Odoo's buckets with Jalali labels; weeks are left to Odoo.

Only the ``read_group`` API (what views call) is concerned: ``_read_group`` called by
server code with ``date:month`` keeps Gregorian months whatever the context; it can ask for
Jalali periods explicitly with the ``date:jalali_month`` (``_quarter``, ``_year``) spec.
"""

import datetime

import pytz

from odoo import _, api, models
from odoo.models import parse_read_group_spec
from odoo.osv import expression
from odoo.tools import DEFAULT_SERVER_DATE_FORMAT, DEFAULT_SERVER_DATETIME_FORMAT, SQL

from ..tools import jalali
from .crm_persian_jalali_calendar import GRANULARITIES, covers

JALALI_PREFIX = "jalali_"


class Base(models.AbstractModel):
    _inherit = "base"

    # ------------------------------------------------------------------ which groups
    @api.model
    def _jalali_groups_wanted(self):
        """Whether ``read_group`` gives Jalali periods: the reader's calendar is Jalali."""
        return self.env.context.get("date_calendar") == "jalali"

    @api.model
    def _jalali_group_period(self, group_spec):
        """``month``, ``quarter`` or ``year`` when the ``read_group`` groupby ``group_spec``
        (``date_field:month``, or a date field alone, which means months) is grouped by
        Jalali periods for the current reader, else ``None``."""
        if not self._jalali_groups_wanted():
            return None
        fname, property_name, granularity = parse_read_group_spec(group_spec)
        field = self._fields.get(fname)
        if property_name or not field or field.type not in ("date", "datetime"):
            return None
        granularity = granularity or "month"
        return granularity if granularity in GRANULARITIES else None

    # ------------------------------------------------------------------ SQL
    @api.model
    def _read_group_get_annotated_groupby(self, groupby, lazy):
        annotated = super()._read_group_get_annotated_groupby(groupby, lazy)
        if self._jalali_groups_wanted():
            for key, spec in annotated.items():
                period = self._jalali_group_period(spec)
                if period:
                    annotated[key] = f"{spec.split(':')[0]}:{JALALI_PREFIX}{period}"
        return annotated

    def _read_group_groupby(self, groupby_spec, query):
        fname, property_name, granularity = parse_read_group_spec(groupby_spec)
        if not (granularity or "").startswith(JALALI_PREFIX):
            return super()._read_group_groupby(groupby_spec, query)
        period = granularity[len(JALALI_PREFIX) :]
        field = self._fields.get(fname)
        if period not in GRANULARITIES or property_name or not field:
            raise ValueError(f"Invalid Jalali groupby specification: {groupby_spec!r}")
        if field.type not in ("date", "datetime"):
            raise ValueError(f"Granularity set on a no-datetime field: {groupby_spec!r}")
        # The day of each record as Odoo groups days (datetimes in the reader's time zone).
        day = super()._read_group_groupby(f"{fname}:day", query)
        start = self.env["crm.persian.jalali.calendar"]._jalali_trunc_sql(
            period, SQL("(%s)::date", day)
        )
        return SQL("(%s)::timestamp", start) if field.type == "datetime" else start

    def _read_group_orderby(self, order, groupby_terms, query):
        """An order on ``date:month`` follows the Jalali months it was turned into."""
        if order and any(f":{JALALI_PREFIX}" in spec for spec in groupby_terms):
            parts = []
            for part in order.split(","):
                term = part.split()[0] if part.split() else ""
                fname, _sep, granularity = term.partition(":")
                jalali_term = f"{fname}:{JALALI_PREFIX}{granularity or 'month'}"
                if term not in groupby_terms and jalali_term in groupby_terms:
                    part = part.replace(term, jalali_term, 1)
                parts.append(part)
            order = ",".join(parts)
        return super()._read_group_orderby(order, groupby_terms, query)

    # ------------------------------------------------------------------ empty periods
    @api.model
    def _read_group_fill_temporal(
        self, data, groupby, annoted_aggregates, fill_from=False, fill_to=False, min_groups=False
    ):
        """Graph views ask for the periods without records too: Jalali ones here."""
        first_group = groupby[0]
        period = self._jalali_group_period(first_group)
        if not period:
            return super()._read_group_fill_temporal(
                data, groupby, annoted_aggregates, fill_from, fill_to, min_groups
            )
        is_datetime = self._fields[first_group.split(":")[0]].type == "datetime"

        def day_of(value):
            if isinstance(value, str):
                value = datetime.date.fromisoformat(value[:10])
            return value.date() if isinstance(value, datetime.datetime) else value

        existing = [row[first_group] for row in data if row[first_group]]
        known = [day_of(value) for value in existing if covers(day_of(value))]
        first = day_of(fill_from) if fill_from else (min(known) if known else None)
        last = day_of(fill_to) if fill_to else (max(known) if known else None)
        first, last = first or last, last or first
        if not first or last < first:
            return data
        starts = []
        if covers(first) and covers(last):
            starts = jalali.period_starts(period, first, last)
            while min_groups and len(starts) < min_groups and covers(starts[-1]):
                starts.append(jalali.next_period_start(period, starts[-1]))
        required = [
            datetime.datetime.combine(day, datetime.time.min) if is_datetime else day
            for day in starts
            if covers(day)
        ]
        empty_item = {
            name: self._read_group_empty_value(spec) for name, spec in annoted_aggregates.items()
        }
        for group in groupby[1:]:
            empty_item[group] = self._read_group_empty_value(group)
        rows_by_value = {}
        for row in data:
            rows_by_value.setdefault(row[first_group], []).append(row)
        result = []
        for value in sorted(set(existing) | set(required)):
            result.extend(rows_by_value.get(value) or [dict(empty_item, **{first_group: value})])
        result.extend(rows_by_value.get(False, []))
        return result

    # ------------------------------------------------------------------ labels and domains
    @api.model
    def _read_group_format_result(self, rows_dict, lazy_groupby):
        jalali_groups = {}
        for group in lazy_groupby:
            period = self._jalali_group_period(group)
            if period:
                jalali_groups[group] = period
        if not jalali_groups:
            result = super()._read_group_format_result(rows_dict, lazy_groupby)
        else:
            others = [group for group in lazy_groupby if group not in jalali_groups]
            result = super()._read_group_format_result(rows_dict, others)
            for group, period in jalali_groups.items():
                gregorian_rows = self._jalali_format_period_groups(rows_dict, group, period)
                if gregorian_rows:
                    # Dates outside the Jalali years known to SQL: Gregorian periods.
                    super()._read_group_format_result(gregorian_rows, [group])
        if self._jalali_groups_wanted():
            self._jalali_label_day_groups(rows_dict, lazy_groupby)
        return result

    @api.model
    def _jalali_format_period_groups(self, rows_dict, group, period):
        """Label, ``__range`` and ``__domain`` of the Jalali ``period`` groups of ``group``.

        :return: the rows left to format as Gregorian periods (dates outside the Jalali
            years that the SQL functions know, which SQL grouped by Gregorian periods)
        """
        field_name = group.split(":")[0]
        field = self._fields[field_name]
        tz_name = self.env.context.get("tz")
        tz = pytz.timezone(tz_name) if tz_name in pytz.all_timezones_set else None
        gregorian_rows = []
        for row in rows_dict:
            value = row[group]
            if not value:
                row.setdefault("__range", {})[group] = False
                row["__domain"] = expression.AND([row["__domain"], [(field_name, "=", value)]])
                continue
            day = value.date() if isinstance(value, datetime.datetime) else value
            if not covers(day) or jalali.period_start(period, day) != day:
                gregorian_rows.append(row)
                continue
            bounds = (day, jalali.next_period_start(period, day))
            if field.type == "datetime":
                moments = [datetime.datetime.combine(bound, datetime.time.min) for bound in bounds]
                if tz:
                    moments = [tz.localize(moment).astimezone(pytz.utc) for moment in moments]
                start, end = (moment.strftime(DEFAULT_SERVER_DATETIME_FORMAT) for moment in moments)
            else:
                start, end = (bound.strftime(DEFAULT_SERVER_DATE_FORMAT) for bound in bounds)
            row[group] = self._jalali_period_label(period, day)
            row.setdefault("__range", {})[group] = {"from": start, "to": end}
            row["__domain"] = expression.AND(
                [row["__domain"], ["&", (field_name, ">=", start), (field_name, "<", end)]]
            )
        return gregorian_rows

    @api.model
    def _jalali_period_label(self, period, day):
        """``Aban 1404`` / ``آبان ۱۴۰۴``, ``Q3 1404`` / ``فصل ۳ ۱۴۰۴``, ``1404`` / ``۱۴۰۴``."""
        digits = self.env.context.get("date_digits") or "latin"
        lang = self.env.context.get("lang") or "en_US"
        if period == "month":
            return jalali.format_month(day, digits=digits, lang=lang)
        jyear, jmonth, _jday = jalali.to_jalali(day)
        if period == "quarter":
            text = _("Q%(quarter)s %(year)s", quarter=jalali.quarter_of(jmonth), year=jyear)
        else:
            text = str(jyear)
        return jalali.to_persian_digits(text) if digits == "persian" else text

    @api.model
    def _jalali_label_day_groups(self, rows_dict, lazy_groupby):
        """Day groups are Odoo's, labelled with their Jalali date (weeks stay Odoo's)."""
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
