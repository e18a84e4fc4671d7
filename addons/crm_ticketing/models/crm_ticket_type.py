# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CrmTicketType(models.Model):
    _name = "crm.ticket.type"
    _description = "Ticket Type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_complaint = fields.Boolean(
        string="Complaint",
        help="Tickets of this type are customer complaints and are reported apart. "
        "Glossary: Complaint.",
    )
    portal_visible = fields.Boolean(
        string="Offered on the Portal",
        default=True,
        help="Customers may choose this type when they submit a ticket on the portal.",
    )

    _sql_constraints = [("name_uniq", "unique (name)", "A ticket type with this name exists.")]
