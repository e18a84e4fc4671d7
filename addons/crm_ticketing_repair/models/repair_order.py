# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class RepairOrder(models.Model):
    _name = "repair.order"
    _inherit = ["repair.order", "crm.ticket.document.mixin"]
    _crm_ticket_field = "repair_id"

    crm_ticket_ids = fields.One2many(
        "crm.ticket",
        "repair_id",
        string="Linked Tickets",
        groups="crm_ticketing.group_crm_ticket_user",
        help="The tickets this repair order answers.",
    )
