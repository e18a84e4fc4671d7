# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestGlossaryUi(HttpCase):
    def test_lead_handoff_tour(self):
        admin = self.env.ref("base.user_admin")
        admin.groups_id |= self.env.ref("crm.group_use_lead")
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour lead",
                "type": "lead",
                "user_id": admin.id,
                "partner_name": "شرکت نمونه",
                "qualification_status": "raw",
            }
        )
        self.start_tour(
            f"/odoo/action-crm.crm_lead_all_leads/{lead.id}",
            "crm_glossary_core_lead_handoff",
            login="admin",
        )
        self.assertEqual(lead.qualification_status, "recycled")
        self.assertEqual(lead.recycle_reason, "No budget before next quarter")
        self.assertTrue(lead.mql_date and lead.sal_date and lead.sql_date)
