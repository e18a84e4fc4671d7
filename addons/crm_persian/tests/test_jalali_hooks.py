# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from freezegun import freeze_time

from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.crm_persian.tools import jalali

D = datetime.date


def _bounds(quota):
    return quota.date_from, quota.date_to


@tagged("post_install", "-at_install")
class TestJalaliHooks(TransactionCase):
    """Quota periods, ticket numbers and birthdays follow the Jalali calendar in Iran."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.country_id = cls.env.ref("base.us")
        groups = "base.group_user,sales_team.group_sale_salesman"
        cls.jalali_user = new_test_user(
            cls.env, login="hooks_jalali", groups=groups, context_date_calendar="jalali"
        )
        cls.gregorian_user = new_test_user(cls.env, login="hooks_gregorian", groups=groups)

    def _make_company_iranian(self):
        # The demo company's (American) postal code is not a valid Iranian one.
        self.company.partner_id.write({"country_id": self.env.ref("base.ir").id, "zip": False})
        self.assertEqual(self.company.country_id.code, "IR")

    def test_quota_periods(self):
        """Periods follow the company's Period Calendar, whatever the user's calendar."""
        Quota = self.env["crm.quota"]
        day = D(2025, 11, 16)  # 25 Aban 1404
        self.assertEqual(self.company.period_calendar, "gregorian")
        self.company.period_calendar = "jalali"
        for user in (self.jalali_user, self.gregorian_user):
            quota = Quota.with_user(user)
            self.assertEqual(
                quota._get_period_bounds("month", day), (D(2025, 10, 23), D(2025, 11, 21))
            )
            self.assertEqual(
                quota._get_period_bounds("quarter", day), (D(2025, 9, 23), D(2025, 12, 21))
            )
            self.assertEqual(
                quota._get_period_bounds("year", day), (D(2025, 3, 21), D(2026, 3, 20))
            )
        self.company.period_calendar = "gregorian"
        for user in (self.jalali_user, self.gregorian_user):
            self.assertEqual(
                Quota.with_user(user)._get_period_bounds("quarter", day),
                (D(2025, 10, 1), D(2025, 12, 31)),
            )
        # An Iranian company works in Jalali periods whatever the user's calendar.
        self._make_company_iranian()
        self.assertEqual(self.company.period_calendar, "jalali")
        self.assertEqual(
            Quota.with_user(self.gregorian_user)._get_period_bounds("year", day),
            (D(2025, 3, 21), D(2026, 3, 20)),
        )

    def test_stored_quota_period_does_not_depend_on_the_editor(self):
        """A quota keeps the periods of its own calendar, whoever creates or edits it."""
        day = D(2025, 11, 16)  # 25 Aban 1404
        owner = {"user_id": self.gregorian_user.id}
        self.company.period_calendar = "jalali"
        quota = (
            self.env["crm.quota"]
            .with_user(self.gregorian_user)
            .sudo()
            .create({**owner, "period_type": "quarter", "period_date": day, "target_amount": 10})
        )
        self.assertEqual(quota.period_calendar, "jalali")
        self.assertEqual(_bounds(quota), (D(2025, 9, 23), D(2025, 12, 21)))
        # The company's setting changes later: the quota keeps its calendar.
        self.company.period_calendar = "gregorian"
        quota.with_user(self.gregorian_user).sudo().period_date = D(2025, 12, 1)  # 10 Azar
        self.assertEqual(_bounds(quota), (D(2025, 9, 23), D(2025, 12, 21)))
        quota.with_user(self.jalali_user).sudo().period_type = "month"
        self.assertEqual(_bounds(quota), (D(2025, 11, 22), D(2025, 12, 21)))
        gregorian = (
            self.env["crm.quota"]
            .with_user(self.jalali_user)
            .sudo()
            .create(
                {
                    **owner,
                    "target_type": "won_deals",
                    "period_type": "quarter",
                    "period_date": day,
                    "target_amount": 10,
                }
            )
        )
        self.assertEqual(gregorian.period_calendar, "gregorian")
        self.assertEqual(_bounds(gregorian), (D(2025, 10, 1), D(2025, 12, 31)))
        gregorian.with_user(self.jalali_user).sudo().period_type = "month"
        self.assertEqual(_bounds(gregorian), (D(2025, 11, 1), D(2025, 11, 30)))
        # Its own calendar can be chosen.
        gregorian.period_calendar = "jalali"
        self.assertEqual(_bounds(gregorian), (D(2025, 10, 23), D(2025, 11, 21)))

    def test_existing_quotas_keep_their_period_at_install(self):
        """Quotas saved before the calendar field existed keep the period they were saved
        with: their calendar is read from it instead of recomputing it."""
        Quota = self.env["crm.quota"]
        owner = {"user_id": self.gregorian_user.id, "period_type": "quarter"}
        day = D(2025, 11, 16)
        gregorian = Quota.create({**owner, "period_date": day, "target_amount": 1})
        jalali_quota = Quota.create(
            {
                **owner,
                "period_date": day,
                "target_amount": 1,
                "target_type": "won_deals",
                "period_calendar": "jalali",
            }
        )
        edited = Quota.create(
            {**owner, "period_date": day, "target_amount": 1, "target_type": "new_customers"}
        )
        edited.date_to = D(2025, 12, 15)  # edited by hand: neither calendar's quarter
        self.env.flush_all()
        quotas = gregorian | jalali_quota | edited
        self.env.cr.execute(
            "UPDATE crm_quota SET period_calendar = NULL WHERE id IN %s", [tuple(quotas.ids)]
        )
        quotas.invalidate_recordset()
        Quota._init_period_calendar()
        self.assertEqual(quotas.mapped("period_calendar"), ["gregorian", "jalali", "gregorian"])
        self.assertEqual(_bounds(jalali_quota), (D(2025, 9, 23), D(2025, 12, 21)))
        self.assertEqual(_bounds(gregorian), (D(2025, 10, 1), D(2025, 12, 31)))
        self.assertEqual(_bounds(edited), (D(2025, 10, 1), D(2025, 12, 15)))

    def test_ticket_numbers_carry_the_jalali_year(self):
        Ticket = self.env["crm.ticket"]
        foreign = Ticket.create({"name": "Gregorian numbering"})
        self.assertNotIn("/1404/", foreign.number)
        self._make_company_iranian()
        first = Ticket.create({"name": "First", "date_received": datetime.datetime(2025, 11, 16)})
        second = Ticket.create({"name": "Second", "date_received": datetime.datetime(2025, 11, 17)})
        older = Ticket.create({"name": "1403", "date_received": datetime.datetime(2025, 3, 20, 9)})
        self.assertRegex(first.number, r"^TCK/1404/\d+$")
        self.assertEqual(int(second.number.split("/")[-1]), int(first.number.split("/")[-1]) + 1)
        self.assertRegex(older.number, r"^TCK/1403/0*1$")

    def test_birthdays_on_the_jalali_date(self):
        Partner = self.env["res.partner"]
        born = jalali.to_gregorian(1399, 10, 11)  # 31 December 2020
        today = D(2025, 11, 16)
        self.company.period_calendar = "jalali"
        for user in (self.jalali_user, self.gregorian_user):
            self.assertEqual(
                Partner.with_user(user)._get_next_birthday(born, today),
                jalali.to_gregorian(1404, 10, 11),  # 1 January 2026
            )
        # Born on 30 Esfand 1403: celebrated on 29 Esfand in 1404, which has no 30 Esfand.
        self.assertEqual(Partner._get_next_birthday(D(2025, 3, 20), today), D(2026, 3, 20))
        self.assertEqual(
            Partner._get_next_birthday(born, D(2026, 1, 2)), jalali.to_gregorian(1405, 10, 11)
        )
        self.company.period_calendar = "gregorian"
        for user in (self.jalali_user, self.gregorian_user):
            self.assertEqual(
                Partner.with_user(user)._get_next_birthday(born, today), D(2025, 12, 31)
            )

    def test_stored_birthday_does_not_depend_on_the_editor(self):
        """The stored next birthday follows the Period Calendar of the contact's company (of
        the main company for shared contacts), whoever saves the contact or runs the cron."""
        born = jalali.to_gregorian(1399, 10, 11)  # 31 December 2020
        other = self.env["res.company"].create({"name": "Gregorian Co", "country_id": False})
        self.company.period_calendar = "jalali"
        with freeze_time("2025-11-16 10:00:00"):
            Partner = self.env["res.partner"].with_user(self.gregorian_user).sudo()
            shared = Partner.create({"name": "Shared", "birth_date": born})
            foreign = Partner.create({"name": "Other", "birth_date": born, "company_id": other.id})
            self.assertEqual(shared.next_birthday, D(2026, 1, 1))  # 11 Dey 1404
            self.assertEqual(foreign.next_birthday, D(2025, 12, 31))
            (shared | foreign).with_user(self.jalali_user).sudo().birth_date = born
            (shared | foreign).with_user(self.gregorian_user).sudo()._compute_next_birthday()
            self.assertEqual(shared.next_birthday, D(2026, 1, 1))
            self.assertEqual(foreign.next_birthday, D(2025, 12, 31))
            # Changing the setting moves the birthdays of the contacts it applies to.
            self.company.period_calendar = "gregorian"
            other.period_calendar = "jalali"
            self.assertEqual(shared.next_birthday, D(2025, 12, 31))
            self.assertEqual(foreign.next_birthday, D(2026, 1, 1))
