# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from odoo.addons.crm_persian.tools import jalali

DT = datetime.datetime


@tagged("post_install", "-at_install")
class TestJalaliPeriods(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Lead = cls.env["crm.lead"]
        cls.lead_aban = Lead.create({"name": "Closed 19 Aban 1404", "type": "opportunity"})
        cls.lead_mehr = Lead.create({"name": "Closed 28 Mehr 1404", "type": "opportunity"})
        cls.lead_esfand = Lead.create({"name": "Closed 20 Esfand 1403", "type": "opportunity"})
        cls.lead_aban.date_closed = DT(2025, 11, 10, 8, 0)
        cls.lead_mehr.date_closed = DT(2025, 10, 20, 8, 0)
        cls.lead_esfand.date_closed = DT(2025, 3, 10, 8, 0)
        cls.leads = cls.lead_aban | cls.lead_mehr | cls.lead_esfand

    def test_keys_follow_the_date(self):
        self.assertEqual(self.lead_aban.closed_jalali_month, "1404-08")
        self.assertEqual(self.lead_aban.closed_jalali_quarter, "1404-Q3")
        self.assertEqual(self.lead_aban.closed_jalali_year, "1404")
        self.assertEqual(self.lead_esfand.closed_jalali_quarter, "1403-Q4")
        self.lead_aban.date_closed = False
        self.assertFalse(self.lead_aban.closed_jalali_month)
        today_in_tehran = self.lead_aban._jalali_local_date(self.lead_aban.create_date)
        self.assertEqual(
            self.lead_aban.create_jalali_month, jalali.period_keys(today_in_tehran)["month"]
        )

    def test_moments_are_taken_in_tehran_time(self):
        # 20 March 2025 21:00 UTC is 00:30 on 1 Farvardin 1404 in Tehran.
        self.lead_aban.date_closed = DT(2025, 3, 20, 21, 0)
        self.assertEqual(self.lead_aban.closed_jalali_month, "1404-01")
        self.assertEqual(self.lead_aban.closed_jalali_year, "1404")
        self.lead_aban.date_closed = DT(2025, 3, 20, 20, 29)
        self.assertEqual(self.lead_aban.closed_jalali_month, "1403-12")

    def test_this_and_last_period_filters(self):
        Lead = self.env["crm.lead"]
        base = [("id", "in", self.leads.ids)]
        expected = {
            "this_month": self.lead_aban,
            "last_month": self.lead_mehr,
            "this_quarter": self.lead_aban | self.lead_mehr,
            "last_quarter": Lead,
            "this_year": self.lead_aban | self.lead_mehr,
            "last_year": self.lead_esfand,
        }
        with freeze_time("2025-11-16 10:00:00"):
            for period, leads in expected.items():
                found = Lead.search([*base, ("closed_jalali_period", "=", period)])
                self.assertEqual(found, leads, period)
        # On 1 Farvardin 1404 "last month" is Esfand 1403.
        with freeze_time("2025-03-21 10:00:00"):
            found = Lead.search([*base, ("closed_jalali_period", "=", "last_month")])
            self.assertEqual(found, self.lead_esfand)

    def test_group_by_jalali_month(self):
        groups = self.env["crm.lead"]._read_group(
            [("id", "in", self.leads.ids)], ["closed_jalali_month"], ["__count"]
        )
        self.assertEqual(sorted(groups), [("1403-12", 1), ("1404-07", 1), ("1404-08", 1)])

    def test_day_groups_are_labelled_in_jalali(self):
        domain = [("id", "in", self.leads.ids)]
        Lead = self.env["crm.lead"].with_context(tz="Asia/Tehran")
        jalali_groups = Lead.with_context(date_calendar="jalali").read_group(
            domain, ["date_closed"], ["date_closed:day"], orderby="date_closed:day"
        )
        self.assertEqual(
            [group["date_closed:day"] for group in jalali_groups],
            ["20 Esfand 1403", "28 Mehr 1404", "19 Aban 1404"],
        )
        persian = Lead.with_context(date_calendar="jalali", date_digits="persian", lang="fa_IR")
        self.env["res.lang"]._activate_lang("fa_IR")
        labels = [
            group["date_closed:day"]
            for group in persian.read_group(
                domain, ["date_closed"], ["date_closed:day"], orderby="date_closed:day"
            )
        ]
        self.assertEqual(labels[-1], "۱۹ آبان ۱۴۰۴")
        # Months are Jalali months too (see test_jalali_groups).
        month_groups = Lead.with_context(date_calendar="jalali").read_group(
            domain, ["date_closed"], ["date_closed:month"]
        )
        self.assertEqual(
            [g["date_closed:month"] for g in month_groups],
            ["Esfand 1403", "Mehr 1404", "Aban 1404"],
        )

    def test_install_fills_existing_rows_in_sql(self):
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE crm_lead SET closed_jalali_year = NULL, closed_jalali_quarter = NULL, "
            "closed_jalali_month = NULL WHERE id = ANY(%s)",
            [self.leads.ids],
        )
        self.env["crm.lead"]._fill_jalali_period_columns("closed", "date_closed")
        self.leads.invalidate_recordset()
        self.assertEqual(
            self.leads.mapped("closed_jalali_month"), ["1404-08", "1404-07", "1403-12"]
        )
        self.assertEqual(self.lead_mehr.closed_jalali_quarter, "1404-Q3")

    def test_invoice_and_ticket_periods(self):
        partner = self.env["res.partner"].create({"name": "Jalali period customer"})
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": datetime.date(2025, 3, 20),
            }
        )
        self.assertEqual(invoice.invoice_jalali_month, "1403-12")
        self.assertEqual(invoice.invoice_jalali_year, "1403")
        with freeze_time("2025-04-01 10:00:00"):
            found = self.env["account.move"].search(
                [("id", "=", invoice.id), ("invoice_jalali_period", "=", "last_year")]
            )
        self.assertEqual(found, invoice)
        ticket = self.env["crm.ticket"].create({"name": "Jalali period ticket"})
        today_in_tehran = ticket._jalali_local_date(ticket.create_date)
        self.assertEqual(
            ticket.create_jalali_quarter, jalali.period_keys(today_in_tehran)["quarter"]
        )
