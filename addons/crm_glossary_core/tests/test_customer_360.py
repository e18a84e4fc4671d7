# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common_value import CrmValueCommon


@tagged("post_install", "-at_install")
class TestCustomer360(CrmValueCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoices = cls.env["account.move"]
        for days in (60, 40, 20):
            cls.invoices |= cls._invoice(cls.customer, 1000.0, days_ago=days)
        cls.invoices |= cls._invoice(
            cls.contact, 400.0, days_ago=5, invoice_date_due=fields.Date.today()
        )
        cls.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=cls.invoices[0].ids
        ).create(
            {"payment_date": cls.invoices[0].invoice_date + relativedelta(days=3)}
        )._create_payments()
        cls.env["crm.lead"].create(
            [
                {
                    "name": "Open deal",
                    "type": "opportunity",
                    "partner_id": cls.contact.id,
                    "expected_revenue": 800.0,
                },
                {
                    "name": "Lost deal",
                    "type": "opportunity",
                    "partner_id": cls.customer.id,
                    "expected_revenue": 300.0,
                    "active": False,
                    "probability": 0,
                },
            ]
        )
        cls.env["crm.touchpoint"].create(
            {"channel": "phone", "summary": "Called about prices", "partner_id": cls.contact.id}
        )

    def test_page_figures_roll_up_contacts(self):
        data = self.customer.get_crm_360_data()
        self.assertEqual(data["partner"]["id"], self.customer.id)
        self.assertEqual(data["partner"]["contact_count"], 1)
        self.assertEqual(data["invoicing"]["invoice_count"], 4)
        self.assertAlmostEqual(data["invoicing"]["invoiced"], 3400.0)
        self.assertAlmostEqual(data["invoicing"]["paid"], 1000.0)
        self.assertAlmostEqual(data["invoicing"]["due"], 2400.0)
        self.assertEqual(data["payments"]["count"], 1)
        self.assertAlmostEqual(data["payments"]["amount"], 1000.0)
        self.assertEqual(data["opportunities"]["open"]["count"], 1)
        self.assertAlmostEqual(data["opportunities"]["open"]["amount"], 800.0)
        self.assertEqual(data["opportunities"]["lost"]["count"], 1)
        self.assertEqual(data["value"]["purchase_count"], 4)
        self.assertEqual(data["top_products"][0]["id"], self.product.id)
        self.assertAlmostEqual(data["top_products"][0]["revenue"], 3400.0)
        self.assertIsNone(data["tickets"])
        self.assertEqual(data["habits"]["paid_invoice_count"], 1)
        paid = self.invoices[0]
        expected_delay = (paid.invoice_date + relativedelta(days=3) - paid.invoice_date_due).days
        self.assertAlmostEqual(data["habits"]["avg_payment_delay"], expected_delay)
        # the contact opens the page of its company
        self.assertEqual(self.contact.get_crm_360_data()["partner"]["id"], self.customer.id)

    def test_timeline_is_merged_newest_first_and_paginated(self):
        first = self.customer.get_crm_360_timeline(limit=3)
        self.assertEqual(len(first["events"]), 3)
        self.assertTrue(first["has_more"])
        self.assertEqual(first["events"][0]["kind"], "touchpoint")
        dates = [e["date"] for e in first["events"]]
        self.assertEqual(dates, sorted(dates, reverse=True))
        rest = self.customer.get_crm_360_timeline(cursor=first["cursor"], limit=50)
        self.assertFalse(rest["has_more"])
        kinds = {e["kind"] for e in first["events"] + rest["events"]}
        self.assertLessEqual({"touchpoint", "invoice", "payment"}, kinds)
        keys = [(e["res_model"], e["res_id"]) for e in first["events"] + rest["events"]]
        self.assertEqual(len(keys), len(set(keys)), "no event appears twice")
        invoices = [e for e in first["events"] + rest["events"] if e["kind"] == "invoice"]
        self.assertEqual(len(invoices), 4)
        with self.assertRaises(UserError):
            self.customer.get_crm_360_timeline(limit=0)

    def test_timeline_pages_keep_events_sharing_a_date(self):
        """Invoices and payments of one day are all shown at midnight: paging through them a
        few at a time shows each of them once."""
        same_day = self.env["account.move"]
        for amount in (100.0, 200.0, 300.0, 400.0, 500.0):
            same_day |= self._invoice(self.customer, amount, days_ago=10)
        for invoice in same_day[:3]:
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({"payment_date": invoice.invoice_date})._create_payments()
        everything = self.customer.get_crm_360_timeline(limit=200)
        self.assertFalse(everything["has_more"])
        self.assertFalse(everything["cursor"])
        expected = [e["key"] for e in everything["events"]]
        self.assertEqual(len(expected), len(set(expected)))
        on_that_day = [
            e
            for e in everything["events"]
            if e["date"] == str(same_day[0].invoice_date) + " 00:00:00"
        ]
        self.assertEqual(len(on_that_day), 8, "5 invoices and 3 payments")
        for size in (1, 2, 3, 4):
            keys, cursor, pages = [], None, 0
            while True:
                page = self.customer.get_crm_360_timeline(cursor=cursor, limit=size)
                keys += [e["key"] for e in page["events"]]
                pages += 1
                if not page["has_more"]:
                    break
                cursor = page["cursor"]
            self.assertEqual(keys, expected, f"pages of {size}")
            self.assertGreater(pages, len(expected) // size - 1)

    def test_smart_buttons_open_filtered_lists(self):
        action = self.customer.action_crm_360_open("invoices")
        self.assertEqual(self.env["account.move"].search(action["domain"]), self.invoices)
        action = self.customer.action_crm_360_open("opportunities")
        leads = self.env["crm.lead"].with_context(active_test=False).search(action["domain"])
        self.assertEqual(len(leads), 2)
        with self.assertRaises(UserError):
            self.customer.action_crm_360_open("nothing")
        self.assertEqual(
            self.contact.action_open_crm_360()["params"]["partner_id"], self.customer.id
        )

    def test_smart_buttons_list_what_their_blocks_count(self):
        """Quotations are not confirmed orders, payments are the customer's (not the vendor
        payments to the same partner), deliveries are not receipts."""
        SaleOrder = self.env["sale.order"]
        line = [Command.create({"product_id": self.product.id, "product_uom_qty": 2})]
        quotation = SaleOrder.create({"partner_id": self.contact.id, "order_line": line})
        order = SaleOrder.create({"partner_id": self.customer.id, "order_line": line})
        order.action_confirm()
        self.assertTrue(order.picking_ids)
        vendor_payment = self.env["account.payment"].create(
            {
                "partner_id": self.customer.id,
                "partner_type": "supplier",
                "payment_type": "outbound",
                "amount": 50.0,
            }
        )
        vendor_payment.action_post()
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.company.id)], limit=1
        )
        receipt = self.env["stock.picking"].create(
            {"partner_id": self.customer.id, "picking_type_id": warehouse.in_type_id.id}
        )
        data = self.customer.get_crm_360_data()

        def listed(block):
            action = self.customer.action_crm_360_open(block)
            return self.env[action["res_model"]].search(action["domain"])

        self.assertEqual(listed("quotations"), quotation)
        self.assertEqual(data["sales"]["quotation_count"], 1)
        self.assertEqual(listed("orders"), order)
        self.assertEqual(data["sales"]["order_count"], 1)
        payments = listed("payments")
        self.assertNotIn(vendor_payment, payments)
        self.assertEqual(len(payments), data["payments"]["count"])
        deliveries = listed("deliveries")
        self.assertNotIn(receipt, deliveries)
        self.assertEqual(deliveries, order.picking_ids)
        counted = data["deliveries"]
        self.assertEqual(len(deliveries), counted["done"] + counted["pending"] + counted["returns"])
        self.assertEqual(listed("invoices"), self.invoices)

    def test_other_company_sees_its_own_figures(self):
        data = self.customer.with_user(self.other_company_user).get_crm_360_data()
        self.assertEqual(data["invoicing"]["invoice_count"], 0)
        self.assertFalse(data["value"])

    def test_value_figures_follow_the_customer_value_rules(self):
        """A salesman sees the value and money figures of his own customers only; the page of
        another salesman's customer opens without them."""
        self._invoice(self.other_customer, 700.0, days_ago=3)
        mine = self.customer.with_user(self.salesman).get_crm_360_data()
        self.assertTrue(mine["value_visible"])
        self.assertEqual(mine["invoicing"]["invoice_count"], 4)
        self.assertEqual(mine["value"]["purchase_count"], 4)
        self.assertTrue(mine["top_products"])
        partner = self.other_customer.with_user(self.salesman)
        theirs = partner.get_crm_360_data()
        self.assertFalse(theirs["value_visible"])
        self.assertEqual(theirs["partner"]["id"], self.other_customer.id)
        for block in ("value", "sales", "invoicing", "payments", "habits"):
            self.assertFalse(theirs[block], block)
        self.assertEqual(theirs["top_products"], [])
        for key in ("rfm_segment", "churn_risk", "customer_tier", "relationship_phase"):
            self.assertFalse(theirs["partner"][key], key)
        kinds = {e["kind"] for e in partner.get_crm_360_timeline()["events"]}
        self.assertFalse(kinds & {"invoice", "credit_note", "payment"})
        # all-leads users, managers and accountants see every customer
        for user in (self.manager, self.accountant):
            Partner = self.env["res.partner"].with_user(user)
            self.assertTrue(Partner._crm_360_value_visible(self.other_customer), user.login)
        data = self.other_customer.with_user(self.manager).get_crm_360_data()
        self.assertEqual(data["invoicing"]["invoice_count"], 1)
        self.assertTrue(data["partner"]["churn_risk"])
        kinds = {e["kind"] for e in self.other_customer.get_crm_360_timeline()["events"]}
        self.assertIn("invoice", kinds)

    def test_value_fields_of_contacts_are_for_sales_and_accounting(self):
        employee = new_test_user(self.env, login="crm_value_employee", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.customer.with_user(employee).read(["rfm_segment"])
        self.customer.with_user(self.salesman).read(["rfm_segment", "churn_risk"])
        self.customer.with_user(self.accountant).read(["customer_tier", "relationship_phase"])
        views = [(False, "form"), (False, "list"), (False, "search")]
        for user in (self.salesman, self.accountant, employee):
            result = self.env["res.partner"].with_user(user).get_views(views)
            search = result["views"]["search"]["arch"]
            self.assertEqual("crm_champions" in search, user != employee, user.login)

    def test_page_requires_read_access(self):
        private = self.env["res.partner"].create(
            {"name": "Private", "company_id": self.other_company.id}
        )
        with self.assertRaises(AccessError):
            private.with_user(self.salesman).get_crm_360_data()

    def test_query_count_does_not_depend_on_the_number_of_invoices(self):
        """The page costs the same at 10 and at 1,000 invoices. The exact number depends on
        which suite modules add blocks (tickets add theirs), so it is measured at 10 and
        required again at 1,000, under a fixed ceiling."""
        partner = self.customer.with_user(self.manager)
        self._clone_invoices(self.invoices[1], 6)
        partner.get_crm_360_data()
        partner.get_crm_360_timeline()

        def page():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            data = partner.get_crm_360_data()
            partner.get_crm_360_timeline()
            return data, self.env.cr.sql_log_count - before

        data, at_10 = page()
        self.assertEqual(data["invoicing"]["invoice_count"], 10)
        self.assertLessEqual(at_10, 60)
        self._clone_invoices(self.invoices[1], 990)
        self.env.invalidate_all()
        with self.assertQueryCount(at_10):
            data = partner.get_crm_360_data()
            partner.get_crm_360_timeline()
        self.assertEqual(data["invoicing"]["invoice_count"], 1000)
