# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CrmGlossaryCommon


@tagged("post_install", "-at_install")
class TestGlossarySecurity(CrmGlossaryCommon):
    def test_touchpoints_follow_the_lead(self):
        other_lead = self.env["crm.lead"].create(
            {"name": "Not mine", "user_id": self.salesman_2.id}
        )
        Touchpoint = self.env["crm.touchpoint"]
        mine = Touchpoint.with_user(self.salesman).search([("lead_id", "=", self.lead.id)])
        self.assertTrue(mine)
        self.assertFalse(
            Touchpoint.with_user(self.salesman).search([("lead_id", "=", other_lead.id)])
        )
        # a salesman logs a touchpoint on his lead, not on someone else's
        Touchpoint.with_user(self.salesman).create(
            {"lead_id": self.lead.id, "channel": "phone", "summary": "Call"}
        )
        with self.assertRaises(AccessError):
            Touchpoint.with_user(self.salesman).create(
                {"lead_id": other_lead.id, "channel": "phone", "summary": "Call"}
            )
        with self.assertRaises(AccessError):
            mine.with_user(self.salesman).unlink()

    def test_other_company_sees_nothing(self):
        Touchpoint = self.env["crm.touchpoint"].with_user(self.other_company_user)
        self.assertFalse(Touchpoint.search([("lead_id", "=", self.lead.id)]))

    def test_only_managers_edit_gates_and_pipeline_templates(self):
        stage = self.env["crm.stage"].search([("team_id", "=", self.team.id)], limit=1)
        with self.assertRaises(AccessError):
            stage.with_user(self.salesman).gate_quotation = True
        stage.with_user(self.manager).gate_quotation = True
        template = self.env.ref("crm_glossary_core.stage_template_new")
        with self.assertRaises(AccessError):
            template.with_user(self.salesman).default_probability = 5
        template.with_user(self.manager).default_probability = 5
        with self.assertRaises(AccessError):
            self.env["base.automation"].with_user(self.manager).search([]).write({"active": True})

    def test_form_costs_a_bounded_number_of_queries(self):
        """Reading the lead form's suite fields does not grow with the touchpoints."""
        fnames = [
            "qualification_status",
            "temperature",
            "touchpoint_count",
            "first_touch_id",
            "last_touch_id",
            "decision_maker_missing",
            "account_id",
            "parent_account_id",
            "account_type",
        ]
        lead = self.lead.with_user(self.salesman)
        lead.web_read({f: {} for f in fnames})
        for index in range(30):
            self.env["crm.touchpoint"].create(
                {"lead_id": self.lead.id, "channel": "email", "summary": f"mail {index}"}
            )
        self.env.invalidate_all()
        with self.assertQueryCount(4):
            lead.web_read({f: {} for f in fnames})
