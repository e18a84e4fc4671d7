# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from random import randint

from odoo import fields, models


class CrmTicketTag(models.Model):
    _name = "crm.ticket.tag"
    _description = "Ticket Tag"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer(default=lambda self: randint(1, 11))
    active = fields.Boolean(default=True)

    _sql_constraints = [("name_uniq", "unique (name)", "A tag with this name exists.")]
