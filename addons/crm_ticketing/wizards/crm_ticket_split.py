# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmTicketSplit(models.TransientModel):
    _name = "crm.ticket.split"
    _description = "Split a Message into a New Ticket"

    ticket_id = fields.Many2one("crm.ticket", required=True, readonly=True)
    message_id = fields.Many2one(
        "mail.message",
        required=True,
        domain="[('model', '=', 'crm.ticket'), ('res_id', '=', ticket_id), "
        "('message_type', 'in', ('email', 'comment'))]",
    )
    name = fields.Char(string="Subject of the New Ticket", required=True)
    team_id = fields.Many2one("crm.ticket.team")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "crm.ticket" and self.env.context.get(
            "active_id"
        ):
            ticket = self.env["crm.ticket"].browse(self.env.context["active_id"])
            values.setdefault("ticket_id", ticket.id)
            values.setdefault("team_id", ticket.team_id.id)
        return values

    @api.onchange("message_id")
    def _onchange_message_id(self):
        if self.message_id and not self.name:
            self.name = self.message_id.subject or self.message_id.preview[:80]

    def action_split(self):
        """Create a ticket from the chosen message and move the message (and its
        attachments) there."""
        self.ensure_one()
        ticket, message = self.ticket_id, self.message_id
        if message.model != "crm.ticket" or message.res_id != ticket.id:
            raise UserError(_("The message does not belong to this ticket."))
        ticket.check_access("write")
        new = ticket.copy(
            {
                "name": self.name,
                "team_id": (self.team_id or ticket.team_id).id,
                "description": message.body,
                "partner_id": message.author_id.id or ticket.partner_id.id,
            }
        )
        message.sudo().write({"res_id": new.id})
        message.attachment_ids.sudo().filtered(
            lambda a: a.res_model == "crm.ticket" and a.res_id == ticket.id
        ).write({"res_id": new.id})
        ticket.message_post(
            body=Markup(_("A message was split into %s")) % new._get_html_link(),
            message_type="notification",
            subtype_xmlid="mail.mt_note",
        )
        new.message_post(
            body=Markup(_("Split from %s")) % ticket._get_html_link(),
            message_type="notification",
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.ticket",
            "res_id": new.id,
            "view_mode": "form",
        }
