# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    crm_ticket_count = fields.Integer(
        string="Tickets",
        compute="_compute_crm_ticket_count",
        groups="crm_ticketing.group_crm_ticket_user",
    )

    def _compute_crm_ticket_count(self):
        groups = self.env["crm.ticket"]._read_group(
            [("picking_id", "in", self.ids)], ["picking_id"], ["__count"]
        )
        counts = {picking.id: count for picking, count in groups}
        for picking in self:
            picking.crm_ticket_count = counts.get(picking.id, 0)

    def action_view_crm_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_ticketing.action_crm_ticket")
        action["domain"] = [("picking_id", "=", self.id)]
        action["context"] = {
            "default_picking_id": self.id,
            "default_partner_id": self.partner_id.id,
        }
        return action
