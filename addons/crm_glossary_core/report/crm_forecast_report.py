# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Forecast against quota by month: weighted pipeline, won revenue and won-revenue quotas."""

from odoo import fields, models, tools
from odoo.tools import SQL

from ..tools import opportunity_outcome as outcome


class CrmForecastReport(models.Model):
    _name = "crm.forecast.report"
    _description = "Forecast vs Quota"
    _auto = False
    _order = "date desc"
    _depends = {
        "crm.lead": [
            "create_date",
            "date_deadline",
            "date_closed",
            "team_id",
            "user_id",
            "company_id",
            "stage_id",
            "active",
            "probability",
            "type",
            "expected_revenue",
        ],
        "crm.stage": ["is_won"],
        "crm.quota": [
            "team_id",
            "user_id",
            "company_id",
            "date_from",
            "date_to",
            "target_type",
            "target_amount",
            "active",
        ],
    }

    date = fields.Date("Month", readonly=True)
    kind = fields.Selection(
        [("pipeline", "Weighted pipeline"), ("won", "Won"), ("quota", "Quota")],
        readonly=True,
    )
    lead_id = fields.Many2one("crm.lead", "Opportunity", readonly=True)
    quota_id = fields.Many2one("crm.quota", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    weighted_amount = fields.Float(
        "Weighted Pipeline",
        readonly=True,
        aggregator="sum",
        help="Expected revenue × probability of open opportunities, by expected closing "
        "month. Glossary: Forecast, Weighted pipeline.",
    )
    won_amount = fields.Float("Won Revenue", readonly=True, aggregator="sum")
    quota_amount = fields.Float(
        "Quota Target",
        readonly=True,
        aggregator="sum",
        help="Won-revenue quotas, spread evenly over the months of their period. Glossary: Quota.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT l.id * 2 AS id,
                           date_trunc('month', COALESCE(l.date_deadline, l.create_date))::date
                               AS date,
                           'pipeline' AS kind, l.id AS lead_id, NULL::int AS quota_id,
                           l.team_id, l.user_id, l.company_id,
                           l.expected_revenue * l.probability / 100.0 AS weighted_amount,
                           0.0 AS won_amount, 0.0 AS quota_amount
                      FROM crm_lead l
                      JOIN crm_stage s ON s.id = l.stage_id
                     WHERE l.type = 'opportunity' AND %(open)s
                    UNION ALL
                    SELECT l.id * 2 + 1, date_trunc('month', l.date_closed)::date, 'won', l.id,
                           NULL, l.team_id, l.user_id, l.company_id,
                           0.0, l.expected_revenue, 0.0
                      FROM crm_lead l
                      JOIN crm_stage s ON s.id = l.stage_id
                     WHERE l.type = 'opportunity' AND %(won)s
                       AND l.date_closed IS NOT NULL
                    UNION ALL
                    SELECT -(q.id * 1000 + ROW_NUMBER() OVER (PARTITION BY q.id ORDER BY m)),
                           m::date, 'quota', NULL, q.id, q.team_id, q.user_id, q.company_id,
                           0.0, 0.0,
                           q.target_amount / COUNT(*) OVER (PARTITION BY q.id)
                      FROM crm_quota q
                CROSS JOIN LATERAL generate_series(
                           date_trunc('month', q.date_from), q.date_to, interval '1 month') m
                     WHERE q.active AND q.target_type = 'won_revenue'
                )
                """,
                view=SQL.identifier(self._table),
                won=SQL(outcome.WON),
                lost=SQL(outcome.LOST),
                open=SQL(outcome.OPEN),
            )
        )
