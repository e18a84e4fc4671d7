# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmTicketMerge(models.TransientModel):
    _name = "crm.ticket.merge"
    _description = "Merge Duplicate Tickets"

    ticket_ids = fields.Many2many("crm.ticket", string="Tickets", required=True)
    target_ticket_id = fields.Many2one(
        "crm.ticket",
        string="Keep",
        required=True,
        domain="[('id', 'in', ticket_ids)]",
        help="The ticket that receives the messages, attachments and followers of the others.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "crm.ticket":
            tickets = self.env["crm.ticket"].browse(self.env.context.get("active_ids", []))
            values["ticket_ids"] = [(6, 0, tickets.ids)]
            values["target_ticket_id"] = tickets.sorted("create_date")[:1].id
        return values

    def action_merge(self):
        """Move messages, attachments and followers of the duplicates into the kept ticket,
        then archive the duplicates with a link to it."""
        self.ensure_one()
        target = self.target_ticket_id
        duplicates = self.ticket_ids - target
        if not duplicates:
            raise UserError(_("Select at least two tickets to merge."))
        if len(self.ticket_ids.company_id) > 1:
            raise UserError(_("Tickets of different companies cannot be merged."))
        target.check_access("write")
        duplicates.check_access("write")
        messages = (
            self.env["mail.message"]
            .sudo()
            .search([("model", "=", "crm.ticket"), ("res_id", "in", duplicates.ids)])
        )
        messages.write({"res_id": target.id})
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", "crm.ticket"), ("res_id", "in", duplicates.ids)])
        )
        attachments.write({"res_id": target.id})
        for follower in duplicates.message_follower_ids:
            if follower.partner_id not in target.message_partner_ids:
                target.message_subscribe(
                    partner_ids=follower.partner_id.ids, subtype_ids=follower.subtype_ids.ids
                )
        links = Markup(", ").join(ticket._get_html_link() for ticket in duplicates)
        target.message_post(
            body=Markup(_("Merged into this ticket: %s")) % links,
            message_type="notification",
            subtype_xmlid="mail.mt_note",
        )
        for ticket in duplicates:
            ticket.message_post(
                body=Markup(_("Merged into %s")) % target._get_html_link(),
                message_type="notification",
                subtype_xmlid="mail.mt_note",
            )
        duplicates.write({"merged_into_id": target.id, "active": False})
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.ticket",
            "res_id": target.id,
            "view_mode": "form",
        }
