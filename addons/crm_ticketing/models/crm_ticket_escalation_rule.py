# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmTicketEscalationRule(models.Model):
    _name = "crm.ticket.escalation.rule"
    _description = "SLA Escalation Rule"
    _order = "sla_id, percent"

    sla_id = fields.Many2one("crm.ticket.sla", required=True, index=True, ondelete="cascade")
    percent = fields.Float(
        string="At % of Allowed Time",
        required=True,
        default=100.0,
        help="The level applies when this share of the allowed working time is used: 75 is a "
        "reminder before the breach, 100 the breach, 200 twice the allowed time. "
        "Glossary: Escalation.",
    )
    notify_assignee = fields.Boolean(default=True)
    assign_leader = fields.Boolean(
        string="Reassign to Team Leader",
        help="Give the ticket to the team leader. Glossary: Escalation.",
    )
    raise_priority = fields.Boolean()
    notify_managers = fields.Boolean(
        string="Notify Ticketing Managers",
        help="Post the escalation to every member of the Ticketing Manager group.",
    )
    note = fields.Char(translate=True, help="Added to the escalation message in the chatter.")

    _sql_constraints = [
        ("percent_positive", "CHECK (percent > 0)", "An escalation level needs a positive %."),
    ]

    @api.constrains("percent", "sla_id")
    def _check_unique_percent(self):
        for rule in self:
            same = rule.sla_id.escalation_rule_ids.filtered(
                lambda r, p=rule.percent: r.percent == p
            )
            if len(same) > 1:
                raise ValidationError(
                    _(
                        "The SLA policy %s already has an escalation level at this %%.",
                        rule.sla_id.name,
                    )
                )
