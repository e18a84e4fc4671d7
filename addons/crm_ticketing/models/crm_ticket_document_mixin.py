# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CrmTicketDocumentMixin(models.AbstractModel):
    """A document that tickets link to (invoice, delivery): its Tickets smart button."""

    _name = "crm.ticket.document.mixin"
    _description = "Document with Tickets"
    # the field of crm.ticket that points at the document
    _crm_ticket_field = None

    crm_ticket_count = fields.Integer(
        string="Tickets",
        compute="_compute_crm_ticket_count",
        groups="crm_ticketing.group_crm_ticket_user",
    )

    def _compute_crm_ticket_count(self):
        fname = self._crm_ticket_field
        counts = dict(
            self.env["crm.ticket"]._read_group([(fname, "in", self.ids)], [fname], ["__count"])
        )
        for document in self:
            document.crm_ticket_count = counts.get(document, 0)

    def action_view_crm_tickets(self):
        self.ensure_one()
        fname = self._crm_ticket_field
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_ticketing.action_crm_ticket")
        action["domain"] = [(fname, "=", self.id)]
        action["context"] = {
            f"default_{fname}": self.id,
            "default_partner_id": self.partner_id.id,
        }
        return action
