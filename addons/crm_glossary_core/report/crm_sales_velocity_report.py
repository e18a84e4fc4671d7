# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Sales velocity and its factors per opportunity: open, won and lost counts, win rate, deal size
and sales cycle.

Sales velocity = open opportunities × win rate × average won deal ÷ average sales cycle (days):
the revenue the pipeline brings in per day. It is not a sum or an average of rows: the
``velocity`` measure is computed for each group of the pivot (team, salesperson, period, ...)
from the group's own factors (see ``_read_group_select``).

The period of a row (``period_date``) is the closing date of a won or lost opportunity and
today for an open one: the pipeline as it stands counts in the current period, the win rate,
deal size and cycle of a period come from the opportunities closed in it.

Rates are stored as 100/0 per row with an ``avg`` aggregator, so the pivot's average of a
group is the rate of that group (e.g. the average of ``won_rate`` over closed opportunities is
the win rate); PostgreSQL's AVG ignores NULL, which the rows that do not count leave.
"""

from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..tools import opportunity_outcome as outcome


class CrmSalesVelocityReport(models.Model):
    _name = "crm.sales.velocity.report"
    _description = "Sales Velocity Analysis"
    _auto = False
    _order = "date desc"
    _depends = {
        "crm.lead": [*outcome.OPPORTUNITY_FIELDS, "create_date"],
        "crm.stage": outcome.STAGE_FIELDS,
    }

    lead_id = fields.Many2one("crm.lead", "Opportunity", readonly=True)
    date = fields.Date("Created On", readonly=True)
    date_closed = fields.Date("Closed On", readonly=True)
    period_date = fields.Date(
        "Period",
        readonly=True,
        help="The closing date of won and lost opportunities; today for open ones, so that "
        "the current pipeline counts in the current period. Glossary: Sales velocity.",
    )
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("won", "Won"), ("lost", "Lost")], "Status", readonly=True
    )
    open_count = fields.Integer(
        "Open Opportunities",
        readonly=True,
        aggregator="sum",
        help="Opportunities in the pipeline now (neither won nor lost). Glossary: Sales velocity.",
    )
    won_count = fields.Integer("Won", readonly=True, aggregator="sum")
    lost_count = fields.Integer("Lost", readonly=True, aggregator="sum")
    won_rate = fields.Float(
        "Win Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Won among closed opportunities. Glossary: Win rate.",
    )
    won_amount = fields.Float(
        "Average Won Deal",
        readonly=True,
        aggregator="avg",
        help="Expected revenue of won opportunities. Glossary: Average deal size.",
    )
    cycle_days = fields.Float(
        "Sales Cycle (days)",
        readonly=True,
        aggregator="avg",
        help="Days from creation to winning. Glossary: Sales cycle.",
    )
    velocity = fields.Float(
        "Sales Velocity",
        readonly=True,
        aggregator="sum",
        help="Open opportunities × win rate × average won deal ÷ average sales cycle (days), "
        "computed from the factors of each group: the revenue the pipeline brings in per day. "
        "Glossary: Sales velocity.",
    )
    expected_revenue = fields.Float(readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT l.id,
                           l.id AS lead_id,
                           l.create_date::date AS date,
                           l.date_closed::date AS date_closed,
                           CASE WHEN %(open)s THEN CURRENT_DATE
                                ELSE l.date_closed::date END AS period_date,
                           l.team_id,
                           l.user_id,
                           l.company_id,
                           CASE WHEN %(won)s THEN 'won'
                                WHEN %(lost)s THEN 'lost'
                                ELSE 'open' END AS state,
                           %(open)s::int AS open_count,
                           COALESCE(%(won)s, FALSE)::int AS won_count,
                           %(lost)s::int AS lost_count,
                           CASE WHEN %(won)s THEN 100.0
                                WHEN %(lost)s THEN 0.0 END AS won_rate,
                           CASE WHEN %(won)s THEN l.expected_revenue END AS won_amount,
                           CASE WHEN %(won)s AND l.date_closed IS NOT NULL
                                THEN EXTRACT(EPOCH FROM l.date_closed - l.create_date) / 86400.0
                           END AS cycle_days,
                           l.expected_revenue,
                           NULL::float AS velocity
                      FROM crm_lead l
                 LEFT JOIN crm_stage s ON s.id = l.stage_id
                     WHERE l.type = 'opportunity'
                       AND (%(open)s OR %(won)s OR %(lost)s)
                )
                """,
                view=SQL.identifier(self._table),
                won=SQL(outcome.WON),
                lost=SQL(outcome.LOST),
                open=SQL(outcome.OPEN),
            )
        )

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        """Sales velocity of a group from the group's factors, whatever the aggregate asked."""
        if aggregate_spec.split(":")[0] != "velocity":
            return super()._read_group_select(aggregate_spec, query)

        def column(fname):
            return self._field_to_sql(self._table, fname, query)

        return SQL(
            "COALESCE(SUM(%(open)s) * AVG(%(rate)s) / 100.0 * AVG(%(deal)s)"
            " / NULLIF(AVG(%(cycle)s), 0), 0.0)",
            open=column("open_count"),
            rate=column("won_rate"),
            deal=column("won_amount"),
            cycle=column("cycle_days"),
        )
