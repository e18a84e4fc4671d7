# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CrmLeadRecycle(models.TransientModel):
    _name = "crm.lead.recycle"
    _description = "Send Leads Back to Marketing"

    lead_ids = fields.Many2many(
        "crm.lead", default=lambda self: self.env.context.get("active_ids"), required=True
    )
    reason = fields.Text(required=True, help="Why sales sends the lead back to marketing.")
    revisit_date = fields.Date(help="When marketing should look at the lead again.")

    def action_recycle(self):
        self.lead_ids._set_qualification_status(
            "recycled", reason=self.reason, revisit_date=self.revisit_date
        )
        return {"type": "ir.actions.act_window_close"}
