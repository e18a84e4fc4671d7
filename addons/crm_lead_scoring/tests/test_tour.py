# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestQualifyTour(HttpCase):
    def test_qualify_tour(self):
        team = self.env["crm.team"].create(
            {
                "name": "Tour Team",
                "qualification_framework_id": self.env.ref("crm_lead_scoring.framework_bant").id,
            }
        )
        lead = self.env["crm.lead"].create(
            {"name": "Tour lead", "type": "lead", "team_id": team.id, "user_id": self.env.uid}
        )
        self.start_tour(
            f"/odoo/action-crm.crm_lead_all_leads/{lead.id}",
            "crm_lead_scoring_qualify",
            login="admin",
        )
        answer = lead.qualification_answer_ids.filtered("is_answered")
        self.assertEqual(answer.criterion_id.name, "Budget")
        self.assertEqual(answer.evidence, "Budget approved by the board")
