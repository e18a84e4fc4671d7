# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

PRIORITIES = [("0", "Low"), ("1", "Normal"), ("2", "High"), ("3", "Urgent")]


class CrmTicketSla(models.Model):
    _name = "crm.ticket.sla"
    _description = "SLA Policy"
    _order = "team_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Html(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    team_id = fields.Many2one("crm.ticket.team", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="team_id.company_id", store=True, index=True)
    priority_ids = fields.Many2many(
        "crm.ticket.priority",
        string="Priorities",
        help="Only for tickets of these priorities; empty for all. Glossary: SLA.",
    )
    type_ids = fields.Many2many("crm.ticket.type", string="Ticket Types")
    tag_ids = fields.Many2many("crm.ticket.tag", string="Tags")
    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        help="Only for these customers (their companies and contacts); empty for all.",
    )
    stage_id = fields.Many2one(
        "crm.ticket.stage",
        string="Target Stage",
        help="The resolution clock stops when the ticket reaches this stage or a later one; "
        "empty for any closing stage.",
    )
    first_response_hours = fields.Float(
        help="Working hours allowed for the first agent reply (0: no such clock). Glossary: SLA."
    )
    next_response_hours = fields.Float(
        help="Working hours allowed for the agent to answer each customer message "
        "(0: no such clock). Glossary: SLA."
    )
    resolution_hours = fields.Float(
        help="Working hours allowed to solve the ticket (0: no such clock). Glossary: SLA."
    )
    pause_when_waiting = fields.Boolean(
        string="Pause While Waiting for Customer",
        default=True,
        help="Time spent in a 'waiting for customer' stage does not count against the clocks.",
    )
    escalation_rule_ids = fields.One2many(
        "crm.ticket.escalation.rule", "sla_id", string="Escalation Rules", copy=True
    )

    @api.constrains("team_id", "first_response_hours", "next_response_hours", "resolution_hours")
    def _check_hours(self):
        for sla in self:
            hours = (sla.first_response_hours, sla.next_response_hours, sla.resolution_hours)
            if any(h < 0 for h in hours):
                raise ValidationError(_("SLA times cannot be negative (%s).", sla.name))
            if not any(hours):
                raise ValidationError(
                    _("The SLA policy %s needs at least one clock with hours.", sla.name)
                )

    def write(self, vals):
        result = super().write(vals)
        if {"first_response_hours", "next_response_hours", "resolution_hours"} & set(vals):
            # the promise changed: move the deadlines of the clocks still running
            self.env["crm.ticket.sla.status"].sudo().search(
                [("sla_id", "in", self.ids), ("reached_datetime", "=", False)]
            )._compute_deadlines()
        return result

    def _applies_to(self, ticket, ignore_priority=False):
        """Whether this policy governs ``ticket`` (values already on the ticket), or with
        ``ignore_priority`` would govern it at another priority."""
        self.ensure_one()
        if ticket.team_id != self.team_id:
            return False
        if (
            not ignore_priority
            and self.priority_ids
            and ticket.priority not in self.priority_ids.mapped("code")
        ):
            return False
        if self.type_ids and ticket.type_id not in self.type_ids:
            return False
        if self.tag_ids and not (self.tag_ids & ticket.tag_ids):
            return False
        if self.partner_ids:
            partners = self.partner_ids | self.partner_ids.commercial_partner_id
            if ticket.commercial_partner_id not in partners and ticket.partner_id not in partners:
                return False
        return True

    def _first_response_pending(self, ticket):
        """Whether this policy still waits for the first agent reply on ``ticket``: its
        first-response clock then covers the customer's messages."""
        self.ensure_one()
        return bool(self.first_response_hours) and not ticket.date_first_response

    def _clock_hours(self, clock):
        return {
            "first_response": self.first_response_hours,
            "next_response": self.next_response_hours,
            "resolution": self.resolution_hours,
        }[clock]

    def _reached_by_stage(self, stage):
        """Whether entering ``stage`` solves the ticket for the resolution clock."""
        self.ensure_one()
        if stage.is_cancelled:
            return False
        if self.stage_id:
            return stage.sequence >= self.stage_id.sequence or stage == self.stage_id
        return stage.is_closed
