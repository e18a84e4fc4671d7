# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Which scoring rules appear in won leads and which in lost ones."""

from odoo import fields, models, tools
from odoo.tools import SQL

from .crm_lead_score_report import OUTCOMES


class CrmScoringRuleContributionReport(models.Model):
    _name = "crm.scoring.rule.contribution.report"
    _description = "Scoring Rule Contribution"
    _auto = False
    _rec_name = "rule_id"

    rule_id = fields.Many2one("crm.scoring.rule", readonly=True)
    rule_type = fields.Selection([("fit", "Fit"), ("engagement", "Engagement")], readonly=True)
    lead_id = fields.Many2one("crm.lead", "Lead/Opportunity", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    outcome = fields.Selection(OUTCOMES, readonly=True)
    points = fields.Float(readonly=True, aggregator="avg")
    lead_count = fields.Integer("Leads", readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        outcome = self.env["crm.lead.score.report"]._outcome_sql()
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(table)s AS (
                    SELECT ln.id, ln.rule_id, ln.rule_type, ln.lead_id, l.team_id, l.user_id,
                           l.company_id, %(outcome)s AS outcome,
                           ln.current_points AS points, 1 AS lead_count
                      FROM crm_lead_score_line ln
                      JOIN crm_lead l ON l.id = ln.lead_id
                      LEFT JOIN crm_stage s ON s.id = l.stage_id
                )
                """,
                table=SQL.identifier(self._table),
                outcome=outcome,
            )
        )
