# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    crm_ticket_count = fields.Integer(
        string="Tickets",
        compute="_compute_crm_ticket_count",
        groups="crm_ticketing.group_crm_ticket_user",
    )

    def _compute_crm_ticket_count(self):
        groups = self.env["crm.ticket"]._read_group(
            [("invoice_id", "in", self.ids)], ["invoice_id"], ["__count"]
        )
        counts = {move.id: count for move, count in groups}
        for move in self:
            move.crm_ticket_count = counts.get(move.id, 0)

    def action_view_crm_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_ticketing.action_crm_ticket")
        action["domain"] = [("invoice_id", "=", self.id)]
        action["context"] = {
            "default_invoice_id": self.id,
            "default_partner_id": self.partner_id.id,
        }
        return action
