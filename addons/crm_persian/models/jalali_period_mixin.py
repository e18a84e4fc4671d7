# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

import pytz

from odoo import _, api, fields, models
from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column, table_exists

from ..tools import jalali

# Jalali periods of a moment (datetime) are those of Iran's time zone, where the Jalali
# calendar is in use: an opportunity created at 00:30 on 1 Farvardin in Tehran belongs to
# the new Jalali year although it is still 20 March in UTC.
JALALI_TZ = "Asia/Tehran"
PERIOD_FILTERS = [
    ("this_month", "This Jalali month"),
    ("last_month", "Last Jalali month"),
    ("this_quarter", "This Jalali quarter"),
    ("last_quarter", "Last Jalali quarter"),
    ("this_year", "This Jalali year"),
    ("last_year", "Last Jalali year"),
]


class CrmPersianJalaliPeriodMixin(models.AbstractModel):
    """Stored Jalali year, quarter and month of the dates of a model, for search and grouping.

    A model declares, for each source date, three stored fields ``<prefix>_jalali_year``,
    ``<prefix>_jalali_quarter`` and ``<prefix>_jalali_month`` (sortable keys such as
    ``1404``, ``1404-Q3`` and ``1404-08``) computed by :meth:`_compute_jalali_periods`, and a
    searchable ``<prefix>_jalali_period`` field for the "this/last Jalali month, quarter,
    year" filters. :meth:`_jalali_period_sources` maps each prefix to its date field.
    """

    _name = "crm.persian.jalali.period.mixin"
    _description = "Jalali Periods"

    @api.model
    def _jalali_period_sources(self):
        """``{prefix: date field name}`` of the dates that get Jalali period fields."""
        return {}

    @api.model
    def _jalali_local_date(self, value):
        """The day of a date or datetime value in the Jalali calendar's time zone."""
        if not value:
            return False
        if isinstance(value, datetime.datetime):
            tehran = pytz.timezone(JALALI_TZ)
            return pytz.utc.localize(value).astimezone(tehran).date()
        return value

    def _compute_jalali_periods(self):
        keys_by_day = {}
        for prefix, date_field in self._jalali_period_sources().items():
            for record in self:
                day = self._jalali_local_date(record[date_field])
                if day not in keys_by_day:
                    keys_by_day[day] = jalali.period_keys(day)
                keys = keys_by_day[day]
                record[f"{prefix}_jalali_year"] = keys["year"]
                record[f"{prefix}_jalali_quarter"] = keys["quarter"]
                record[f"{prefix}_jalali_month"] = keys["month"]

    def _compute_jalali_period_filter(self):
        for prefix in self._jalali_period_sources():
            self[f"{prefix}_jalali_period"] = False

    @api.model
    def _search_jalali_period(self, prefix, operator, value):
        """Domain of a "this/last Jalali month, quarter, year" filter, from today's date."""
        if operator != "=" or value not in dict(PERIOD_FILTERS):
            raise NotImplementedError(_("Unsupported search on a Jalali period: %s", value))
        when, period_type = value.split("_")
        today = fields.Date.context_today(self)
        key = jalali.period_key(period_type, today, -1 if when == "last" else 0)
        return [(f"{prefix}_jalali_{period_type}", "=", key)]

    def _auto_init(self):
        """Fills the Jalali period columns of existing rows in one pass per source date.

        The columns are created and filled before the ORM sees them, so that it does not
        recompute them record by record: the keys are computed in Python once per distinct
        day and written with one UPDATE joining a VALUES list.
        """
        cr = self.env.cr
        if self._auto and table_exists(cr, self._table):
            for prefix, date_field in self._jalali_period_sources().items():
                if not column_exists(cr, self._table, f"{prefix}_jalali_month"):
                    self._fill_jalali_period_columns(prefix, date_field)
        return super()._auto_init()

    def _fill_jalali_period_columns(self, prefix, date_field):
        cr = self.env.cr
        table = self._table
        is_datetime = self._fields[date_field].type == "datetime"
        day_sql = (
            SQL(
                "(%s AT TIME ZONE 'UTC' AT TIME ZONE %s)::date",
                SQL.identifier(date_field),
                JALALI_TZ,
            )
            if is_datetime
            else SQL.identifier(date_field)
        )
        for period_type in ("year", "quarter", "month"):
            column = f"{prefix}_jalali_{period_type}"
            if not column_exists(cr, table, column):
                create_column(cr, table, column, "varchar")
        cr.execute(
            SQL(
                "SELECT DISTINCT %s FROM %s WHERE %s IS NOT NULL",
                day_sql,
                SQL.identifier(table),
                SQL.identifier(date_field),
            )
        )
        days = [row[0] for row in cr.fetchall()]
        if not days:
            return
        values = SQL(", ").join(
            SQL(
                "(%s::date, %s, %s, %s)",
                day,
                *(jalali.period_keys(day)[p] for p in ("year", "quarter", "month")),
            )
            for day in days
        )
        cr.execute(
            SQL(
                """
                UPDATE %(table)s AS t
                   SET %(year)s = v.jy, %(quarter)s = v.jq, %(month)s = v.jm
                  FROM (VALUES %(values)s) AS v(day, jy, jq, jm)
                 WHERE %(day)s = v.day
                """,
                table=SQL.identifier(table),
                year=SQL.identifier(f"{prefix}_jalali_year"),
                quarter=SQL.identifier(f"{prefix}_jalali_quarter"),
                month=SQL.identifier(f"{prefix}_jalali_month"),
                values=values,
                day=SQL(
                    "(t.%s AT TIME ZONE 'UTC' AT TIME ZONE %s)::date",
                    SQL.identifier(date_field),
                    JALALI_TZ,
                )
                if is_datetime
                else SQL("t.%s", SQL.identifier(date_field)),
            )
        )
