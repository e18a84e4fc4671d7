# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

import pytz

from odoo.tests import TransactionCase, tagged

from odoo.addons.crm_persian.tools import jalali

TEHRAN = pytz.timezone("Asia/Tehran")


def tehran(*args):
    return TEHRAN.localize(datetime.datetime(*args))


@tagged("post_install", "-at_install")
class TestIranianCalendar(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env.ref("crm_persian.resource_calendar_iran")

    def hours(self, start, end, leaves=True):
        return self.calendar.get_work_hours_count(start, end, compute_leaves=leaves)

    def test_working_week(self):
        # Saturday 24 Aban to Friday 30 Aban 1404: no holiday, 5 x 8 + 4 hours.
        self.assertEqual(self.hours(tehran(2025, 11, 15), tehran(2025, 11, 22)), 44)
        self.assertEqual(self.hours(tehran(2025, 11, 15), tehran(2025, 11, 16)), 8)  # Saturday
        self.assertEqual(self.hours(tehran(2025, 11, 19), tehran(2025, 11, 20)), 8)  # Wednesday
        self.assertEqual(self.hours(tehran(2025, 11, 20), tehran(2025, 11, 21)), 4)  # Thursday
        self.assertEqual(self.hours(tehran(2025, 11, 21), tehran(2025, 11, 22)), 0)  # Friday

    def test_holiday_week(self):
        # 3 Azar 1404 (Monday 24 November 2025) is the martyrdom of Fatemeh.
        self.assertEqual(self.hours(tehran(2025, 11, 24), tehran(2025, 11, 25)), 0)
        self.assertEqual(self.hours(tehran(2025, 11, 24), tehran(2025, 11, 25), False), 8)
        # Saturday 1 Azar to Friday 7 Azar 1404 loses the 8 hours of the holiday.
        self.assertEqual(self.hours(tehran(2025, 11, 22), tehran(2025, 11, 29)), 36)
        self.assertEqual(self.hours(tehran(2025, 11, 22), tehran(2025, 11, 29), False), 44)

    def test_plan_hours_across_friday_and_holiday(self):
        # Thursday 10:00 + 6 hours: 2 on Thursday morning, none on Friday, 4 on Saturday.
        end = self.calendar.plan_hours(6, tehran(2025, 11, 20, 10, 0), compute_leaves=True)
        self.assertEqual(
            end.astimezone(TEHRAN).replace(tzinfo=None), datetime.datetime(2025, 11, 22, 12, 0)
        )
        # Sunday 16:00 + 2 hours: 1 on Sunday, Monday 3 Azar is a holiday, 1 on Tuesday.
        end = self.calendar.plan_hours(2, tehran(2025, 11, 23, 16, 0), compute_leaves=True)
        self.assertEqual(
            end.astimezone(TEHRAN).replace(tzinfo=None), datetime.datetime(2025, 11, 25, 9, 0)
        )

    def test_ticket_sla_deadlines_skip_friday_and_holidays(self):
        team = self.env["crm.ticket.team"].create(
            {"name": "Tehran support", "resource_calendar_id": self.calendar.id}
        )
        self.env["crm.ticket.sla"].create(
            {"name": "Resolve in 6 working hours", "team_id": team.id, "resolution_hours": 6}
        )
        Ticket = self.env["crm.ticket"]

        def resolution_deadline(received):
            ticket = Ticket.create(
                {
                    "name": "SLA on the Iranian calendar",
                    "team_id": team.id,
                    "date_received": received.astimezone(pytz.utc).replace(tzinfo=None),
                }
            )
            status = ticket.sla_status_ids.filtered(lambda s: s.clock == "resolution")
            return pytz.utc.localize(status.deadline).astimezone(TEHRAN).replace(tzinfo=None)

        # Thursday 10:00: 2 hours on Thursday morning, Friday off, 4 hours on Saturday.
        self.assertEqual(
            resolution_deadline(tehran(2025, 11, 20, 10, 0)), datetime.datetime(2025, 11, 22, 12, 0)
        )
        # Sunday 16:00: 1 hour on Sunday, Monday 3 Azar is a holiday, 5 hours on Tuesday
        # (08:00-12:00 and 13:00-14:00).
        self.assertEqual(
            resolution_deadline(tehran(2025, 11, 23, 16, 0)), datetime.datetime(2025, 11, 25, 14, 0)
        )

    def test_holidays_are_whole_tehran_days_named_after_their_jalali_date(self):
        leaves = self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", self.calendar.id), ("resource_id", "=", False)]
        )
        self.assertGreaterEqual(len(leaves), 52)
        for leave in leaves:
            start = pytz.utc.localize(leave.date_from).astimezone(TEHRAN)
            end = pytz.utc.localize(leave.date_to).astimezone(TEHRAN)
            self.assertEqual((start.hour, start.minute), (0, 0), leave.name)
            self.assertEqual(start.date(), end.date(), leave.name)
            jyear, jmonth, jday = jalali.to_jalali(start.date())
            self.assertIn(f"{jday} {jalali.MONTH_NAMES[jmonth - 1]} {jyear}", leave.name)
        nowruz = self.env.ref("crm_persian.resource_calendar_leave_iran_1405_01_01")
        self.assertEqual(nowruz.date_from, datetime.datetime(2026, 3, 20, 20, 30))

    def test_1405_holidays_are_those_of_the_official_calendar(self):
        """The 26 official holidays of 1405 (University of Tehran calendar centre)."""
        official = {
            (1, 1), (1, 2), (1, 3), (1, 4), (1, 12), (1, 13), (1, 25),
            (3, 6), (3, 14), (3, 15), (4, 3), (4, 4),
            (5, 13), (5, 21), (5, 22), (5, 30), (6, 8), (8, 22),
            (10, 2), (10, 16), (11, 4), (11, 22), (12, 9), (12, 19), (12, 20), (12, 29),
        }  # fmt: skip
        leaves = self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", self.calendar.id), ("resource_id", "=", False)]
        )
        days_1405 = set()
        for leave in leaves:
            day = pytz.utc.localize(leave.date_from).astimezone(TEHRAN).date()
            jyear, jmonth, jday = jalali.to_jalali(day)
            if jyear == 1405:
                days_1405.add((jmonth, jday))
        self.assertEqual(days_1405, official)
