# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class CrmTicketStage(models.Model):
    _name = "crm.ticket.stage"
    _description = "Ticket Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    fold = fields.Boolean(help="Folded in the kanban view of the queue.")
    is_closed = fields.Boolean(
        string="Closing Stage",
        help="Tickets in this stage are solved or cancelled: the resolution SLA clock stops "
        "and the ticket leaves the backlog. Glossary: Ticket.",
    )
    is_cancelled = fields.Boolean(
        string="Cancellation Stage",
        help="A closing stage for tickets dropped without a solution: they do not count as "
        "resolved in the reports.",
    )
    is_waiting = fields.Boolean(
        string="Waiting for Customer",
        help="The team waits for the customer: a customer reply moves the ticket back to the "
        "first open stage after this one, SLA policies that pause while waiting stop their "
        "clock here, and the team's auto-close delay runs. Glossary: SLA.",
    )
    team_ids = fields.Many2many(
        "crm.ticket.team",
        "crm_ticket_stage_team_rel",
        "stage_id",
        "team_id",
        string="Teams",
        help="Teams using this stage; a stage without team is shared by all teams.",
    )
    mail_template_id = fields.Many2one(
        "mail.template",
        string="Email Template",
        domain=[("model", "=", "crm.ticket")],
        help="Sent to the customer when a ticket enters this stage (acknowledgement, "
        "resolution, ...).",
    )
    rating_request = fields.Boolean(
        string="Request a Rating",
        help="On entering this stage, ask the customer to rate the support received. "
        "Glossary: Customer Satisfaction (CSAT).",
    )
    rating_template_id = fields.Many2one(
        "mail.template",
        string="Rating Email Template",
        domain=[("model", "=", "crm.ticket")],
        default=lambda self: self.env.ref(
            "crm_ticketing.mail_template_ticket_rating", raise_if_not_found=False
        ),
    )
    required_field_ids = fields.Many2many(
        "ir.model.fields",
        string="Required Fields",
        domain=[("model", "=", "crm.ticket"), ("store", "=", True)],
        help="Fields a ticket must have filled to enter this stage.",
    )
    legend_normal = fields.Char("Grey Kanban Label", default="In Progress", translate=True)
    legend_blocked = fields.Char("Red Kanban Label", default="Blocked", translate=True)
    legend_done = fields.Char("Green Kanban Label", default="Ready", translate=True)

    @api.onchange("is_cancelled")
    def _onchange_is_cancelled(self):
        if self.is_cancelled:
            self.is_closed = True
