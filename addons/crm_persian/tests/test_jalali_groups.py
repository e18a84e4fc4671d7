# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import contextlib
import datetime
from unittest.mock import patch

from odoo.sql_db import Cursor
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import SQL

from odoo.addons.crm_persian.models import base_jalali, crm_persian_jalali_calendar
from odoo.addons.crm_persian.tools import jalali

D = datetime.date
DT = datetime.datetime
OVERRIDES = (
    "_read_group_get_annotated_groupby",
    "_read_group_groupby",
    "_read_group_orderby",
    "_read_group_fill_temporal",
    "_read_group_format_result",
)


@tagged("post_install", "-at_install")
class TestJalaliGroups(TransactionCase):
    """``read_group`` by month, quarter and year gives Jalali periods to Jalali readers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        groups = "base.group_user,sales_team.group_sale_manager"
        cls.jalali_user = new_test_user(
            cls.env,
            login="groups_jalali",
            groups=groups,
            tz="Asia/Tehran",
            context_date_calendar="jalali",
        )
        cls.persian_user = new_test_user(
            cls.env,
            login="groups_persian",
            groups=groups,
            tz="Asia/Tehran",
            lang="fa_IR",
            context_date_digits="persian",
        )
        cls.gregorian_user = new_test_user(
            cls.env, login="groups_gregorian", groups=groups, tz="Asia/Tehran"
        )
        Lead = cls.env["crm.lead"]

        def leads(prefix, values):
            return Lead.create(
                [
                    {"name": f"{prefix} {index}", "type": "opportunity", **vals}
                    for index, vals in enumerate(values)
                ]
            )

        # Created at (UTC) -> in Tehran (UTC+03:30): 30 Mehr, 1 Aban, 25 Aban, 30 Aban and
        # 1 Azar 1404. Gregorian: two in October, three in November (in Tehran).
        cls.created = leads("Created", [{} for _i in range(5)])
        moments = [
            DT(2025, 10, 22, 20, 0),
            DT(2025, 10, 22, 21, 0),
            DT(2025, 11, 16, 10, 0),
            DT(2025, 11, 21, 19, 0),
            DT(2025, 11, 21, 21, 0),
        ]
        cls.env.flush_all()
        for lead, moment in zip(cls.created, moments, strict=True):
            cls.env.cr.execute(
                "UPDATE crm_lead SET create_date = %s WHERE id = %s", [moment, lead.id]
            )
        cls.created.invalidate_recordset(["create_date"])
        # Deadlines: 31 Shahrivar (Q2), 1 Mehr and 30 Azar (Q3), 1 Dey 1404 (Q4), and
        # 30 Esfand 1403, the leap day (Q4 1403).
        cls.deadlines = leads(
            "Deadline",
            [
                {"date_deadline": D(2025, 9, 22)},
                {"date_deadline": D(2025, 9, 23)},
                {"date_deadline": D(2025, 12, 21)},
                {"date_deadline": D(2025, 12, 22)},
                {"date_deadline": D(2025, 3, 20)},
            ],
        )

    def reader(self, user, **context):
        """crm.lead as the web client calls it for ``user``: with the user's context."""
        Lead = self.env["crm.lead"].with_user(user)
        return Lead.with_context(**{**user.with_user(user).context_get(), **context})

    def groups(self, user, records, groupby, **kwargs):
        return self.reader(user).read_group(
            [("id", "in", records.ids)], ["__count"], groupby, **kwargs
        )

    def assert_domains(self, user, groups, expected):
        """Each group's ``__domain`` finds exactly the records it counted."""
        Lead = self.reader(user)
        self.assertEqual(len(groups), len(expected))
        for group, records in zip(groups, expected, strict=True):
            self.assertEqual(Lead.search(group["__domain"]), records, group)

    # ------------------------------------------------------------------ months of datetimes
    def test_months_of_a_datetime_for_a_jalali_reader(self):
        groups = self.groups(self.jalali_user, self.created, ["create_date:month"])
        c = self.created
        self.assertEqual(
            [(g["create_date:month"], g["create_date_count"]) for g in groups],
            [("Mehr 1404", 1), ("Aban 1404", 3), ("Azar 1404", 1)],
        )
        # Aban 1404 runs from 23 October to 21 November 2025 included, in Tehran time.
        self.assertEqual(
            groups[1]["__range"]["create_date:month"],
            {"from": "2025-10-22 20:30:00", "to": "2025-11-21 20:30:00"},
        )
        self.assert_domains(self.jalali_user, groups, [c[0], c[1] | c[2] | c[3], c[4]])

    def test_months_of_a_datetime_for_a_gregorian_reader(self):
        groups = self.groups(self.gregorian_user, self.created, ["create_date:month"])
        c = self.created
        self.assertEqual(
            [(g["create_date:month"], g["create_date_count"]) for g in groups],
            [("October 2025", 2), ("November 2025", 3)],
        )
        self.assert_domains(self.gregorian_user, groups, [c[0] | c[1], c[2] | c[3] | c[4]])

    def test_persian_labels(self):
        months = self.groups(self.persian_user, self.created, ["create_date:month"])
        self.assertEqual(
            [g["create_date:month"] for g in months], ["مهر ۱۴۰۴", "آبان ۱۴۰۴", "آذر ۱۴۰۴"]
        )
        quarters = self.groups(self.persian_user, self.deadlines, ["date_deadline:quarter"])
        self.assertEqual(
            [g["date_deadline:quarter"] for g in quarters],
            ["فصل ۴ ۱۴۰۳", "فصل ۲ ۱۴۰۴", "فصل ۳ ۱۴۰۴", "فصل ۴ ۱۴۰۴"],
        )
        years = self.groups(self.persian_user, self.deadlines, ["date_deadline:year"])
        self.assertEqual([g["date_deadline:year"] for g in years], ["۱۴۰۳", "۱۴۰۴"])

    # ------------------------------------------------------------------ quarters of dates
    def test_quarters_of_a_date(self):
        d = self.deadlines
        groups = self.groups(self.jalali_user, d, ["date_deadline:quarter"])
        self.assertEqual(
            [(g["date_deadline:quarter"], g["date_deadline_count"]) for g in groups],
            [("Q4 1403", 1), ("Q2 1404", 1), ("Q3 1404", 2), ("Q4 1404", 1)],
        )
        # Autumn 1404: 1 Mehr to 30 Azar.
        self.assertEqual(
            groups[2]["__range"]["date_deadline:quarter"],
            {"from": "2025-09-23", "to": "2025-12-22"},
        )
        self.assert_domains(self.jalali_user, groups, [d[4], d[0], d[1] | d[2], d[3]])
        gregorian = self.groups(self.gregorian_user, d, ["date_deadline:quarter"])
        self.assertEqual(
            [(g["date_deadline:quarter"], g["date_deadline_count"]) for g in gregorian],
            [("Q1 2025", 1), ("Q3 2025", 2), ("Q4 2025", 2)],
        )
        self.assert_domains(self.gregorian_user, gregorian, [d[4], d[0] | d[1], d[2] | d[3]])

    def test_years_and_default_granularity(self):
        d = self.deadlines
        years = self.groups(self.jalali_user, d, ["date_deadline:year"])
        self.assertEqual(
            [(g["date_deadline:year"], g["date_deadline_count"]) for g in years],
            [("1403", 1), ("1404", 4)],
        )
        self.assertEqual(
            years[1]["__range"]["date_deadline:year"], {"from": "2025-03-21", "to": "2026-03-21"}
        )
        self.assert_domains(self.jalali_user, years, [d[4], d - d[4]])
        # A date field alone groups by month, Jalali months here.
        months = self.groups(self.jalali_user, d, ["date_deadline"])
        self.assertEqual(
            [g["date_deadline"] for g in months],
            ["Esfand 1403", "Shahrivar 1404", "Mehr 1404", "Azar 1404", "Dey 1404"],
        )

    def test_leap_esfand(self):
        leads = self.env["crm.lead"].create(
            [
                {"name": "18 Feb 2025, 30 Bahman 1403", "date_deadline": D(2025, 2, 18)},
                {"name": "19 Feb 2025, 1 Esfand 1403", "date_deadline": D(2025, 2, 19)},
                {"name": "20 Mar 2025, 30 Esfand 1403", "date_deadline": D(2025, 3, 20)},
                {"name": "21 Mar 2025, 1 Farvardin 1404", "date_deadline": D(2025, 3, 21)},
                {"name": "20 Mar 2026, 29 Esfand 1404", "date_deadline": D(2026, 3, 20)},
            ]
        )
        groups = self.groups(self.jalali_user, leads, ["date_deadline:month"])
        self.assertEqual(
            [(g["date_deadline:month"], g["date_deadline_count"]) for g in groups],
            [("Bahman 1403", 1), ("Esfand 1403", 2), ("Farvardin 1404", 1), ("Esfand 1404", 1)],
        )
        ranges = [g["__range"]["date_deadline:month"] for g in groups]
        # Esfand 1403 has 30 days (leap year), Esfand 1404 has 29.
        self.assertEqual(ranges[1], {"from": "2025-02-19", "to": "2025-03-21"})
        self.assertEqual(ranges[3], {"from": "2026-02-20", "to": "2026-03-21"})
        self.assert_domains(
            self.jalali_user, groups, [leads[0], leads[1] | leads[2], leads[3], leads[4]]
        )

    # ------------------------------------------------------------------ views' variants
    def test_eager_grouping_and_empty_dates(self):
        undated = self.env["crm.lead"].create({"name": "No deadline", "type": "lead"})
        records = self.deadlines | undated
        groups = self.groups(
            self.jalali_user, records, ["date_deadline:quarter", "type"], lazy=False
        )
        self.assertEqual(
            [(g["date_deadline:quarter"], g["type"], g["__count"]) for g in groups],
            [
                ("Q4 1403", "opportunity", 1),
                ("Q2 1404", "opportunity", 1),
                ("Q3 1404", "opportunity", 2),
                ("Q4 1404", "opportunity", 1),
                (False, "lead", 1),
            ],
        )
        self.assertFalse(groups[-1]["__range"]["date_deadline:quarter"])
        self.assert_domains(
            self.jalali_user,
            groups,
            [self.deadlines[4], self.deadlines[0], self.deadlines[1:3], self.deadlines[3], undated],
        )

    def test_graph_fills_empty_jalali_months(self):
        d = self.deadlines
        groups = self.reader(self.jalali_user, fill_temporal=True).read_group(
            [("id", "in", (d[1] | d[3]).ids)], ["__count"], ["date_deadline:month"]
        )
        self.assertEqual(
            [(g["date_deadline:month"], g["date_deadline_count"]) for g in groups],
            [("Mehr 1404", 1), ("Aban 1404", 0), ("Azar 1404", 0), ("Dey 1404", 1)],
        )
        self.assertEqual(
            groups[1]["__range"]["date_deadline:month"],
            {"from": "2025-10-23", "to": "2025-11-22"},
        )
        filled = self.reader(
            self.jalali_user, fill_temporal={"fill_from": "2025-08-01", "min_groups": 7}
        ).read_group([("id", "in", d[1].ids)], ["__count"], ["date_deadline:month"])
        self.assertEqual(
            [g["date_deadline:month"] for g in filled],
            [
                "Mordad 1404",
                "Shahrivar 1404",
                "Mehr 1404",
                "Aban 1404",
                "Azar 1404",
                "Dey 1404",
                "Bahman 1404",
            ],
        )

    def test_order_and_web_read_group(self):
        Lead = self.reader(self.jalali_user)
        domain = [("id", "in", self.created.ids)]
        groups = Lead.read_group(
            domain, ["__count"], ["create_date:month"], orderby="create_date:month desc"
        )
        self.assertEqual(
            [g["create_date:month"] for g in groups], ["Azar 1404", "Aban 1404", "Mehr 1404"]
        )
        result = Lead.web_read_group(domain, ["__count"], ["create_date:month"], limit=2)
        self.assertEqual(result["length"], 3)
        self.assertEqual(
            [g["create_date:month"] for g in result["groups"]], ["Mehr 1404", "Aban 1404"]
        )

    def test_days_keep_odoo_buckets_with_jalali_labels(self):
        groups = self.groups(self.jalali_user, self.created, ["create_date:day"])
        self.assertEqual(
            [g["create_date:day"] for g in groups],
            ["30 Mehr 1404", "1 Aban 1404", "25 Aban 1404", "30 Aban 1404", "1 Azar 1404"],
        )
        weeks = self.groups(self.jalali_user, self.created, ["create_date:week"])
        gregorian_weeks = self.groups(self.gregorian_user, self.created, ["create_date:week"])
        self.assertEqual(weeks, gregorian_weeks)

    def test_dates_outside_the_known_jalali_years_stay_gregorian(self):
        lead = self.env["crm.lead"].create(
            {"name": "Typo in the year", "date_deadline": D(1800, 1, 15)}
        )
        records = lead | self.deadlines[1]
        groups = self.groups(self.jalali_user, records, ["date_deadline:month"])
        self.assertEqual([g["date_deadline:month"] for g in groups], ["January 1800", "Mehr 1404"])
        self.assert_domains(self.jalali_user, groups, [lead, self.deadlines[1]])

    # ------------------------------------------------------------------ one query, set-based
    def test_grouping_stays_one_query(self):
        Lead = self.reader(self.jalali_user)
        domain = [("id", "in", self.created.ids)]
        for groupby in (["create_date:month"], ["date_deadline:quarter"], ["create_date:year"]):
            Lead.read_group(domain, ["__count"], groupby)  # warm the caches
            with self.assertQueryCount(1):
                Lead.read_group(domain, ["__count"], groupby)
        # SQL does the bucketing: the function is in the GROUP BY clause.
        with self.capture_queries() as queries:
            Lead.read_group(domain, ["__count"], ["create_date:month"])
        self.assertEqual(len(queries), 1)
        self.assertRegex(queries[0][0], r"(?s)GROUP BY .*crm_persian_jalali_month_start")

    def test_server_code_keeps_gregorian_months(self):
        """``_read_group`` (server code) keeps Odoo's months, unless it asks for Jalali."""
        Lead = self.reader(self.jalali_user)
        domain = [("id", "in", self.deadlines.ids)]
        gregorian = Lead._read_group(domain, ["date_deadline:quarter"], ["__count"])
        self.assertEqual(gregorian, [(D(2025, 1, 1), 1), (D(2025, 7, 1), 2), (D(2025, 10, 1), 2)])
        jalali_quarters = self.env["crm.lead"]._read_group(
            domain, ["date_deadline:jalali_quarter"], ["__count"]
        )
        self.assertEqual(
            jalali_quarters,
            [(D(2024, 12, 21), 1), (D(2025, 6, 22), 1), (D(2025, 9, 23), 2), (D(2025, 12, 22), 1)],
        )

    # ------------------------------------------------------------------ Gregorian unchanged
    @contextlib.contextmanager
    def capture_queries(self):
        queries = []
        execute = Cursor.execute

        def capture(cr, query, params=None, log_exceptions=None):
            if isinstance(query, SQL):
                queries.append((query.code, tuple(query.params)))
            else:
                queries.append((query, tuple(params or ())))
            return execute(cr, query, params, log_exceptions)

        self.env.flush_all()
        with patch.object(Cursor, "execute", capture):
            yield queries

    @contextlib.contextmanager
    def without_crm_persian_groups(self):
        """read_group as Odoo does it without this module's overrides."""

        def plain(name):
            def method(self, *args, **kwargs):
                return getattr(super(base_jalali.Base, self), name)(*args, **kwargs)

            return method

        with contextlib.ExitStack() as stack:
            for name in OVERRIDES:
                stack.enter_context(patch.object(base_jalali.Base, name, plain(name)))
            yield

    def test_gregorian_readers_are_unchanged(self):
        records = self.created | self.deadlines
        domain = [("id", "in", records.ids)]
        readers = [
            self.reader(self.gregorian_user),
            self.env["crm.lead"].with_context(tz="Asia/Tehran"),
            self.reader(self.jalali_user, date_calendar="gregorian"),
        ]
        calls = [
            (["create_date:month"], {}),
            (["create_date:quarter", "type"], {"lazy": False}),
            (["date_deadline:year"], {"orderby": "date_deadline:year desc"}),
            (["date_deadline"], {}),
            (["create_date:week"], {}),
            (["create_date:day"], {}),
        ]
        for Lead in readers:
            for groupby, kwargs in calls:
                for Model in (Lead, Lead.with_context(fill_temporal=True)):
                    Model.read_group(domain, ["__count"], groupby, **kwargs)  # warm the caches
                    with self.capture_queries() as queries:
                        result = Model.read_group(domain, ["__count"], groupby, **kwargs)
                    with self.without_crm_persian_groups(), self.capture_queries() as stock:
                        expected = Model.read_group(domain, ["__count"], groupby, **kwargs)
                    self.assertEqual(result, expected, groupby)
                    self.assertEqual(queries, stock, groupby)
                    self.assertNotIn("jalali", repr(queries))

    # ------------------------------------------------------------------ SQL and Python agree
    def test_sql_periods_match_python(self):
        cr = self.env.cr
        cr.execute(
            """
            SELECT day::date,
                   crm_persian_jalali_month_start(day::date),
                   crm_persian_jalali_quarter_start(day::date),
                   crm_persian_jalali_year_start(day::date)
              FROM generate_series('1995-01-01'::date, '2035-12-31'::date, '1 day') AS day
            """
        )
        for day, month, quarter, year in cr.fetchall():
            self.assertEqual(
                (month, quarter, year),
                tuple(jalali.period_start(p, day) for p in ("month", "quarter", "year")),
                day,
            )
        first = crm_persian_jalali_calendar.FIRST_DAY
        end = crm_persian_jalali_calendar.END_DAY
        cr.execute(
            "SELECT crm_persian_jalali_month_start(%s), crm_persian_jalali_month_start(%s),"
            " crm_persian_jalali_year_start(%s), crm_persian_jalali_month_start(%s)",
            [first - datetime.timedelta(days=1), first, end - datetime.timedelta(days=1), end],
        )
        self.assertEqual(cr.fetchone(), (None, first, jalali.to_gregorian(1600, 1, 1), None))
