# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CrmTicketStageTime(models.Model):
    _name = "crm.ticket.stage.time"
    _description = "Time Spent by a Ticket in a Stage"
    _order = "ticket_id, stage_id"

    ticket_id = fields.Many2one("crm.ticket", required=True, index=True, ondelete="cascade")
    stage_id = fields.Many2one("crm.ticket.stage", required=True, ondelete="cascade")
    team_id = fields.Many2one(related="ticket_id.team_id", store=True, index=True)
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    hours = fields.Float(aggregator="sum", help="Calendar hours spent in the stage.")
    count = fields.Integer(string="Times Entered", aggregator="sum")

    _sql_constraints = [
        ("ticket_stage_uniq", "unique (ticket_id, stage_id)", "One line per ticket and stage."),
    ]
