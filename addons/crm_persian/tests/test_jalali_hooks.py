# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.crm_persian.tools import jalali

D = datetime.date


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
        Quota = self.env["crm.quota"]
        day = D(2025, 11, 16)  # 25 Aban 1404
        jalali_quota = Quota.with_user(self.jalali_user)
        self.assertEqual(
            jalali_quota._get_period_bounds("month", day), (D(2025, 10, 23), D(2025, 11, 21))
        )
        self.assertEqual(
            jalali_quota._get_period_bounds("quarter", day), (D(2025, 9, 23), D(2025, 12, 21))
        )
        self.assertEqual(
            jalali_quota._get_period_bounds("year", day), (D(2025, 3, 21), D(2026, 3, 20))
        )
        gregorian_quota = Quota.with_user(self.gregorian_user)
        self.assertEqual(
            gregorian_quota._get_period_bounds("quarter", day), (D(2025, 10, 1), D(2025, 12, 31))
        )
        # An Iranian company works in Jalali periods whatever the user's calendar.
        self._make_company_iranian()
        self.assertEqual(
            gregorian_quota._get_period_bounds("year", day), (D(2025, 3, 21), D(2026, 3, 20))
        )

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
        self.assertEqual(
            Partner.with_user(self.jalali_user)._get_next_birthday(born, today),
            jalali.to_gregorian(1404, 10, 11),  # 1 January 2026
        )
        self.assertEqual(
            Partner.with_user(self.gregorian_user)._get_next_birthday(born, today),
            D(2025, 12, 31),
        )
        # Born on 30 Esfand 1403: celebrated on 29 Esfand in 1404, which has no 30 Esfand.
        self.assertEqual(
            Partner.with_user(self.jalali_user)._get_next_birthday(D(2025, 3, 20), today),
            D(2026, 3, 20),
        )
        self.assertEqual(
            Partner.with_user(self.jalali_user)._get_next_birthday(born, D(2026, 1, 2)),
            jalali.to_gregorian(1405, 10, 11),
        )
