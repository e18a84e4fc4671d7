# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Score breakdown: one line per rule that gives a lead points ("why is this lead 72?")."""

from odoo import fields, models


class CrmLeadScoreLine(models.Model):
    _name = "crm.lead.score.line"
    _description = "Lead Score Breakdown Line"
    _order = "lead_id, rule_type, current_points desc, id"
    _rec_name = "rule_id"

    # Lines are written by set-based SQL (see crm_lead_scoring.py), never one by one.
    # (lead_id, rule_id) is unique: that index also serves searches by lead.
    lead_id = fields.Many2one("crm.lead", required=True, ondelete="cascade")
    rule_id = fields.Many2one("crm.scoring.rule", required=True, index=True, ondelete="cascade")
    rule_type = fields.Selection([("fit", "Fit"), ("engagement", "Engagement")], required=True)
    points = fields.Float(
        "Running Total",
        help="The rule's points added up to its last event, before decay and before the "
        "rule's cap.",
    )
    points_date = fields.Datetime("Last Event")
    current_points = fields.Float(
        "Points",
        aggregator="sum",
        help="What the rule gives the lead today, after decay. Glossary: Lead scoring.",
    )
    occurrences = fields.Integer(default=1)
    company_id = fields.Many2one(related="lead_id.company_id", string="Company")
    user_id = fields.Many2one(related="lead_id.user_id", string="Salesperson")

    _sql_constraints = [
        ("lead_rule_unique", "UNIQUE(lead_id, rule_id)", "A rule scores a lead once."),
    ]
