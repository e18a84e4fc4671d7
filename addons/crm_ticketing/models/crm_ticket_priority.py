# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .crm_ticket_sla import PRIORITIES


class CrmTicketPriority(models.Model):
    """The four ticket priorities as records, so that an SLA policy can name any set of
    them. The four records come from data; ``code`` is the value of a ticket's ``priority``."""

    _name = "crm.ticket.priority"
    _description = "Ticket Priority"
    _order = "code"

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(PRIORITIES, required=True, readonly=True)

    _sql_constraints = [("code_uniq", "unique (code)", "Each priority exists once.")]
