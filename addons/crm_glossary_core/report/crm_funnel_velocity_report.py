# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Funnel velocity: each stay of an opportunity in a stage, whether it moved forward, how long
it lasted.

Rates are stored as 100/0 per row with an ``avg`` aggregator, so the pivot's average of a
group is the rate of that group (e.g. the average of ``won_rate`` over closed opportunities is
the win rate); PostgreSQL's AVG ignores NULL, which the rows that do not count leave.
"""

from odoo import fields, models, tools
from odoo.tools import SQL


class CrmFunnelVelocityReport(models.Model):
    _name = "crm.funnel.velocity.report"
    _description = "Funnel Velocity Analysis"
    _auto = False
    _order = "date_in desc"
    _depends = {
        "crm.lead.stage.history": [
            "lead_id",
            "stage_id",
            "next_stage_id",
            "team_id",
            "salesperson_id",
            "company_id",
            "date_in",
            "date_out",
            "duration_days",
        ],
        "crm.stage": ["sequence"],
    }

    history_id = fields.Many2one("crm.lead.stage.history", readonly=True)
    lead_id = fields.Many2one("crm.lead", "Opportunity", readonly=True)
    stage_id = fields.Many2one("crm.stage", readonly=True)
    next_stage_id = fields.Many2one("crm.stage", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date_in = fields.Date("Entered On", readonly=True)
    entered_count = fields.Integer("Entered", readonly=True, aggregator="sum")
    advanced_count = fields.Integer(
        "Moved Forward",
        readonly=True,
        aggregator="sum",
        help="Stays that ended in a later stage. Glossary: Funnel velocity.",
    )
    conversion_rate = fields.Float(
        "Stage Conversion (%)",
        readonly=True,
        aggregator="avg",
        help="Share of the stays in the stage that moved on to a later stage (stays still in "
        "progress are not counted). Glossary: Conversion rate, Funnel velocity.",
    )
    duration_days = fields.Float(
        "Days in Stage",
        readonly=True,
        aggregator="avg",
        help="Glossary: Funnel velocity.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT h.id,
                           h.id AS history_id,
                           h.lead_id,
                           h.stage_id,
                           h.next_stage_id,
                           h.team_id,
                           h.salesperson_id AS user_id,
                           h.company_id,
                           h.date_in::date AS date_in,
                           1 AS entered_count,
                           (nxt.id IS NOT NULL
                            AND (nxt.sequence, nxt.id) > (st.sequence, st.id))::int
                               AS advanced_count,
                           CASE WHEN h.date_out IS NULL THEN NULL
                                WHEN nxt.id IS NOT NULL
                                     AND (nxt.sequence, nxt.id) > (st.sequence, st.id) THEN 100.0
                                ELSE 0.0 END AS conversion_rate,
                           h.duration_days
                      FROM crm_lead_stage_history h
                      JOIN crm_stage st ON st.id = h.stage_id
                 LEFT JOIN crm_stage nxt ON nxt.id = h.next_stage_id
                )
                """,
                view=SQL.identifier(self._table),
            )
        )
