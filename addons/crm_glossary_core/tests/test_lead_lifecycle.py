# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CrmGlossaryCommon


@tagged("post_install", "-at_install")
class TestLeadHandOff(CrmGlossaryCommon):
    def test_new_lead_is_raw_and_new_opportunity_is_opportunity(self):
        self.assertEqual(self.lead.qualification_status, "raw")
        opp = self.env["crm.lead"].create({"name": "Direct deal", "type": "opportunity"})
        self.assertEqual(opp.qualification_status, "opportunity")

    def test_forward_moves_are_dated(self):
        lead = self.lead.with_user(self.salesman)
        lead.action_mark_mql()
        self.assertEqual(lead.qualification_status, "mql")
        self.assertTrue(lead.mql_date)
        self.assertFalse(lead.sal_date)
        lead.action_accept()
        self.assertEqual(lead.qualification_status, "sal")
        self.assertTrue(lead.sal_date)
        lead.action_qualify()
        self.assertEqual(lead.qualification_status, "sql")
        self.assertGreaterEqual(lead.sql_date, lead.sal_date)

    def test_skipped_steps_are_dated_too(self):
        self.lead.action_qualify()
        self.assertTrue(self.lead.mql_date and self.lead.sal_date and self.lead.sql_date)

    def test_accept_takes_an_unassigned_lead(self):
        lead = self.env["crm.lead"].create({"name": "Nobody's lead", "user_id": False})
        lead.with_user(self.salesman).action_accept()
        self.assertEqual(lead.user_id, self.salesman)

    def test_conversion_is_odoo_own_and_sets_the_status(self):
        self.lead.action_mark_mql()
        self.lead.convert_opportunity(self.contact)
        self.assertEqual(self.lead.type, "opportunity")
        self.assertEqual(self.lead.qualification_status, "opportunity")
        self.assertTrue(self.lead.date_conversion)

    def test_transition_not_allowed(self):
        self.lead._set_qualification_status("sql")
        with self.assertRaisesRegex(UserError, "cannot go from"):
            self.lead._set_qualification_status("mql")
        self.assertEqual(self.lead.qualification_status, "sql")
        with self.assertRaises(ValidationError):
            self.lead._set_qualification_status("nonsense")

    def test_refusal_writes_nothing_for_any_lead(self):
        other = self.env["crm.lead"].create({"name": "Other", "partner_id": self.contact.id})
        other._set_qualification_status("sql")
        with self.assertRaises(UserError):
            (self.lead | other)._set_qualification_status("mql")
        self.assertEqual(self.lead.qualification_status, "raw")
        self.assertFalse(self.lead.mql_date)

    def test_recycle_wizard_asks_the_reason(self):
        action = self.lead.action_open_recycle_wizard()
        wizard_model = self.env[action["res_model"]].with_context(**action["context"])
        revisit = fields.Date.today() + timedelta(days=30)
        wizard = wizard_model.create({"reason": "No budget this quarter", "revisit_date": revisit})
        wizard.action_recycle()
        self.assertEqual(self.lead.qualification_status, "recycled")
        self.assertEqual(self.lead.recycle_reason, "No budget this quarter")
        self.assertEqual(self.lead.revisit_date, revisit)
        self.assertTrue(self.lead.recycled_date)
        # marketing can qualify it again
        self.lead.action_mark_mql()
        self.assertEqual(self.lead.qualification_status, "mql")

    def test_recycle_without_reason_or_with_past_date_is_refused(self):
        with self.assertRaisesRegex(UserError, "why"):
            self.lead._set_qualification_status("recycled", reason="  ")
        with self.assertRaisesRegex(UserError, "past"):
            self.lead._set_qualification_status(
                "recycled",
                reason="Later",
                revisit_date=fields.Date.today() - timedelta(days=1),
            )
        self.assertEqual(self.lead.qualification_status, "raw")
        self.assertFalse(self.lead.recycle_reason)

    def test_lost_lead_is_disqualified_and_restore_restarts_it(self):
        self.lead.action_set_lost()
        self.assertEqual(self.lead.qualification_status, "disqualified")
        self.assertTrue(self.lead.disqualified_date)
        self.lead.toggle_active()
        self.assertTrue(self.lead.active)
        self.assertEqual(self.lead.qualification_status, "raw")

    def test_temperature_is_set_by_hand_and_tracked(self):
        form = Form(self.lead)
        form.temperature = "hot"
        form.save()
        self.assertEqual(self.lead.temperature, "hot")
        hot = self.env["crm.lead"].search([("temperature", "=", "hot"), ("id", "=", self.lead.id)])
        self.assertEqual(hot, self.lead)
