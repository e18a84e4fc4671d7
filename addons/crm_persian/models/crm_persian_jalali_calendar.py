# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The Jalali calendar inside PostgreSQL, for grouping dates by Jalali periods in SQL.

``crm_persian_jalali_month_start(day)`` (and ``_quarter_start``, ``_year_start``) is the
Jalali counterpart of ``date_trunc('month', day)::date``: the Gregorian date of the first
day of the Jalali month that contains ``day``. Each function holds the first days of all the
Jalali periods of the years it knows, computed with :mod:`..tools.jalali` each time the
module is installed or updated (so that SQL and Python always agree), and finds the period
of a day by binary search (``width_bucket``). They are ``IMMUTABLE`` SQL expressions that
PostgreSQL inlines into the query: grouping stays one set-based query, a few percent slower
than grouping by Gregorian months.
"""

from odoo import api, models
from odoo.tools import SQL

from ..tools import jalali

# Jalali years known to the SQL functions (1821-03-21 to 2222-03-20). Outside them the
# functions return NULL and grouping falls back to Gregorian periods.
FIRST_JYEAR = 1200
LAST_JYEAR = 1600
FIRST_DAY = jalali.to_gregorian(FIRST_JYEAR, 1, 1)
END_DAY = jalali.to_gregorian(LAST_JYEAR + 1, 1, 1)  # excluded
GRANULARITIES = ("month", "quarter", "year")
SQL_FUNCTIONS = (
    "crm_persian_jalali_month_start(date)",
    "crm_persian_jalali_quarter_start(date)",
    "crm_persian_jalali_year_start(date)",
    "crm_persian_jalali_bucket(integer, integer[])",
)


def covers(day):
    """Whether the SQL functions know the Jalali periods of ``day`` (a date)."""
    return FIRST_DAY <= day < END_DAY


class CrmPersianJalaliCalendar(models.AbstractModel):
    _name = "crm.persian.jalali.calendar"
    _description = "Jalali Calendar in the Database"

    @api.model
    def _jalali_sql_definitions(self):
        """``CREATE FUNCTION`` statements of the Jalali SQL functions."""
        definitions = [
            # The lower bound of the bucket of $1 in the sorted thresholds $2, NULL before
            # the first threshold and from the last one on.
            """
            CREATE OR REPLACE FUNCTION crm_persian_jalali_bucket(day integer, starts integer[])
            RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                SELECT ($2)[NULLIF(width_bucket($1, $2), array_length($2, 1))]
            $$
            """
        ]
        for period in GRANULARITIES:
            # Days from FIRST_DAY to the first day of each period, then to END_DAY.
            starts = [
                (start - FIRST_DAY).days
                for start in jalali.period_starts(period, FIRST_DAY, END_DAY)
            ]
            definitions.append(
                f"""
                CREATE OR REPLACE FUNCTION crm_persian_jalali_{period}_start(day date)
                RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT DATE '{FIRST_DAY}' + crm_persian_jalali_bucket(
                        $1 - DATE '{FIRST_DAY}', '{{{",".join(map(str, starts))}}}'::integer[]
                    )
                $$
                """
            )
        return definitions

    def init(self):
        for definition in self._jalali_sql_definitions():
            self.env.cr.execute(SQL(definition))

    @api.model
    def _jalali_trunc_sql(self, granularity, day_sql):
        """SQL expression of the first day of the Jalali ``granularity`` containing the date
        ``day_sql``, or of the Gregorian one for a day outside the known Jalali years."""
        assert granularity in GRANULARITIES
        return SQL(
            "COALESCE(%s(%s), date_trunc(%s, %s::timestamp)::date)",
            SQL(f"crm_persian_jalali_{granularity}_start"),
            day_sql,
            granularity,
            day_sql,
        )


def drop_sql_functions(cr):
    """Remove the Jalali SQL functions (module uninstallation)."""
    for signature in SQL_FUNCTIONS:
        cr.execute(SQL("DROP FUNCTION IF EXISTS %s", SQL(signature)))
