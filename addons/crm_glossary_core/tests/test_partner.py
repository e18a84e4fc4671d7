# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common import CrmGlossaryCommon


@tagged("post_install", "-at_install")
class TestPartnerLifecycle(CrmGlossaryCommon):
    def _invoice(self, partner, invoice_date=None):
        move = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": invoice_date or fields.Date.today(),
                "invoice_line_ids": [(0, 0, {"name": "Service", "quantity": 1, "price_unit": 100})],
            }
        )
        move.action_post()
        return move

    def test_stage_follows_leads_and_invoices(self):
        customer = self.customer
        self.assertEqual(customer.lifecycle_stage, "lead")
        self.lead.action_mark_mql()
        self.assertEqual(customer.lifecycle_stage, "mql")
        self.lead.action_qualify()
        self.assertEqual(customer.lifecycle_stage, "sql")
        self.lead.convert_opportunity(self.contact)
        self.assertEqual(customer.lifecycle_stage, "opportunity")
        invoice = self._invoice(self.contact)
        self.assertEqual(customer.lifecycle_stage, "customer")
        self._invoice(self.customer)
        self.assertEqual(customer.lifecycle_stage, "repeat_customer")
        invoice.button_draft()
        self.assertEqual(customer.lifecycle_stage, "customer")
        history = customer.lifecycle_history_ids.sorted("id")
        self.assertEqual(
            history.mapped("stage"),
            ["lead", "mql", "sql", "opportunity", "customer", "repeat_customer", "customer"],
        )
        self.assertEqual(history[0].next_stage, "mql")
        self.assertEqual(history[1].previous_stage, "lead")
        self.assertTrue(all(history[:-1].mapped("date_end")))
        self.assertFalse(history[-1].date_end)

    def test_manual_override_is_kept_and_shown(self):
        self.customer.lifecycle_stage_manual = "advocate"
        self.assertEqual(self.customer.lifecycle_stage, "advocate")
        self.assertEqual(self.customer.lifecycle_stage_auto, "lead")
        self.lead.action_mark_mql()
        self.assertEqual(self.customer.lifecycle_stage, "advocate")
        self.assertEqual(self.customer.lifecycle_stage_auto, "mql")
        self.assertTrue(self.customer.lifecycle_history_ids.sorted("id")[-1].manual)
        self.customer.lifecycle_stage_manual = False
        self.assertEqual(self.customer.lifecycle_stage, "mql")

    def test_customer_without_recent_purchase_churns(self):
        self._invoice(self.customer, invoice_date=date(2024, 1, 10))
        self.assertEqual(self.customer.lifecycle_stage, "churned")
        self.env["ir.config_parameter"].set_param("crm_glossary_core.churn_after_days", "100000")
        self.env["res.partner"]._cron_update_lifecycle_stages()
        self.assertEqual(self.customer.lifecycle_stage, "customer")

    def test_age_and_next_birthday(self):
        with freeze_time("2026-06-15"):
            self.contact.birth_date = date(1990, 6, 20)
            self.assertEqual(self.contact.age, 35)
            self.assertEqual(self.contact.next_birthday, date(2026, 6, 20))
            found = self.env["res.partner"].search([("age", "=", 35), ("id", "=", self.contact.id)])
            self.assertEqual(found, self.contact)
            self.assertFalse(
                self.env["res.partner"].search([("age", ">", 35), ("id", "=", self.contact.id)])
            )
        with freeze_time("2026-06-21"):
            self.env["res.partner"]._cron_roll_birthdays()
            self.assertEqual(self.contact.next_birthday, date(2027, 6, 20))
        leap = self.env["res.partner"]._get_next_birthday(date(2000, 2, 29), date(2026, 3, 1))
        self.assertEqual(leap, date(2027, 2, 28))

    def test_account_hierarchy_visible_on_leads(self):
        group = self.env["res.partner"].create({"name": "هلدینگ آرمان", "is_company": True})
        self.customer.write({"parent_id": group.id, "account_type": "customer"})
        self.assertEqual(self.lead.account_id, self.customer)
        self.assertEqual(self.lead.parent_account_id, group)
        self.assertEqual(self.lead.account_type, "customer")


@tagged("post_install", "-at_install")
class TestContactRoles(CrmGlossaryCommon):
    def test_buying_committee_and_missing_decision_maker(self):
        opp = self.env["crm.lead"].create(
            {"name": "ERP", "type": "opportunity", "partner_id": self.contact.id}
        )
        self.assertTrue(opp.decision_maker_missing)
        self.contact.default_contact_role = "decision_maker"
        role = self.env["crm.lead.contact.role"].create(
            {"lead_id": opp.id, "partner_id": self.contact.id, "attitude": "supporter"}
        )
        self.assertEqual(role.role, "decision_maker")
        self.assertFalse(opp.decision_maker_missing)
        missing = self.env["crm.lead"].search(
            [("decision_maker_missing", "=", True), ("id", "=", opp.id)]
        )
        self.assertFalse(missing)
        role.role = "champion"
        self.assertTrue(opp.decision_maker_missing)

    def test_roles_follow_the_lead_rules(self):
        opp = self.env["crm.lead"].create(
            {"name": "ERP", "type": "opportunity", "user_id": self.salesman.id}
        )
        self.env["crm.lead.contact.role"].create(
            {"lead_id": opp.id, "partner_id": self.contact.id, "role": "user"}
        )
        roles = self.env["crm.lead.contact.role"]
        self.assertEqual(len(roles.with_user(self.salesman).search([("lead_id", "=", opp.id)])), 1)
        self.assertFalse(roles.with_user(self.salesman_2).search([("lead_id", "=", opp.id)]))
        self.assertEqual(len(roles.with_user(self.manager).search([("lead_id", "=", opp.id)])), 1)
