# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    ticket_ids = fields.One2many("crm.ticket", "lead_id", string="Support Tickets")
