# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Sales analytics as SQL views: sales velocity factors, funnel velocity, forecast vs quota,
and customer KPIs (new customers, churn and retention rate, ARPU, CLV, win rate, deal size).

Rates are stored as 100/0 per row with an ``avg`` aggregator, so the pivot's average of a
group is the rate of that group (e.g. the average of ``won_rate`` over closed opportunities is
the win rate); PostgreSQL's AVG ignores NULL, which the rows that do not count leave.
"""

from odoo import fields, models, tools
from odoo.tools import SQL

from ..tools import customer_value as cv


class CrmSalesVelocityReport(models.Model):
    _name = "crm.sales.velocity.report"
    _description = "Sales Velocity Analysis"
    _auto = False
    _order = "date desc"

    lead_id = fields.Many2one("crm.lead", "Opportunity", readonly=True)
    date = fields.Date("Created On", readonly=True)
    date_closed = fields.Date("Closed On", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("won", "Won"), ("lost", "Lost")], "Status", readonly=True
    )
    open_count = fields.Integer("Open Opportunities", readonly=True, aggregator="sum")
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
    expected_revenue = fields.Float(readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT l.id,
                           l.id AS lead_id,
                           l.create_date::date AS date,
                           l.date_closed::date AS date_closed,
                           l.team_id,
                           l.user_id,
                           l.company_id,
                           CASE WHEN s.is_won AND l.active THEN 'won'
                                WHEN NOT l.active THEN 'lost'
                                ELSE 'open' END AS state,
                           (l.active AND NOT COALESCE(s.is_won, FALSE))::int AS open_count,
                           (l.active AND COALESCE(s.is_won, FALSE))::int AS won_count,
                           (NOT l.active)::int AS lost_count,
                           CASE WHEN s.is_won AND l.active THEN 100.0
                                WHEN NOT l.active THEN 0.0 END AS won_rate,
                           CASE WHEN s.is_won AND l.active THEN l.expected_revenue END
                               AS won_amount,
                           CASE WHEN s.is_won AND l.active AND l.date_closed IS NOT NULL
                                THEN EXTRACT(EPOCH FROM l.date_closed - l.create_date) / 86400.0
                           END AS cycle_days,
                           l.expected_revenue
                      FROM crm_lead l
                 LEFT JOIN crm_stage s ON s.id = l.stage_id
                     WHERE l.type = 'opportunity'
                       AND (l.active OR l.probability = 0)
                )
                """,
                SQL.identifier(self._table),
            )
        )


class CrmFunnelVelocityReport(models.Model):
    _name = "crm.funnel.velocity.report"
    _description = "Funnel Velocity Analysis"
    _auto = False
    _order = "date_in desc"

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
                CREATE OR REPLACE VIEW %s AS (
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
                SQL.identifier(self._table),
            )
        )


class CrmForecastReport(models.Model):
    _name = "crm.forecast.report"
    _description = "Forecast vs Quota"
    _auto = False
    _order = "date desc"

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
                CREATE OR REPLACE VIEW %s AS (
                    SELECT l.id * 2 AS id,
                           date_trunc('month', COALESCE(l.date_deadline, l.create_date))::date
                               AS date,
                           'pipeline' AS kind, l.id AS lead_id, NULL::int AS quota_id,
                           l.team_id, l.user_id, l.company_id,
                           l.expected_revenue * l.probability / 100.0 AS weighted_amount,
                           0.0 AS won_amount, 0.0 AS quota_amount
                      FROM crm_lead l
                      JOIN crm_stage s ON s.id = l.stage_id
                     WHERE l.type = 'opportunity' AND l.active AND NOT s.is_won
                    UNION ALL
                    SELECT l.id * 2 + 1, date_trunc('month', l.date_closed)::date, 'won', l.id,
                           NULL, l.team_id, l.user_id, l.company_id,
                           0.0, l.expected_revenue, 0.0
                      FROM crm_lead l
                      JOIN crm_stage s ON s.id = l.stage_id
                     WHERE l.type = 'opportunity' AND l.active AND s.is_won
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
                SQL.identifier(self._table),
            )
        )


class CrmCustomerKpiReport(models.Model):
    _name = "crm.customer.kpi.report"
    _description = "Customer KPIs"
    _auto = False
    _order = "date desc"

    date = fields.Date(readonly=True)
    kind = fields.Selection(
        [("customer", "Customer"), ("opportunity", "Opportunity"), ("sale", "Invoice line")],
        readonly=True,
    )
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    state_id = fields.Many2one("res.country.state", "Province", readonly=True)
    country_id = fields.Many2one("res.country", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    rfm_segment = fields.Selection(cv.RFM_SEGMENTS, "RFM Segment", readonly=True)
    customer_tier = fields.Selection(cv.TIERS, "Tier", readonly=True)
    new_customers = fields.Integer(
        readonly=True,
        aggregator="sum",
        help="Customers whose first purchase falls in the period. Glossary: Customer acquisition.",
    )
    churn_rate = fields.Float(
        "Churn Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Share of customers with a high churn risk. Glossary: Churn rate.",
    )
    retention_rate = fields.Float(
        "Retention Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Share of customers without a high churn risk. Glossary: Retention rate.",
    )
    arpu = fields.Float(
        "ARPU",
        readonly=True,
        aggregator="avg",
        help="Average net revenue per customer. Glossary: ARPU.",
    )
    clv = fields.Float(
        "CLV", readonly=True, aggregator="avg", help="Average predicted CLV. Glossary: CLV."
    )
    win_rate = fields.Float(
        "Win Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Won among closed opportunities. Glossary: Win rate.",
    )
    deal_size = fields.Float(
        "Average Deal Size",
        readonly=True,
        aggregator="avg",
        help="Expected revenue of won opportunities. Glossary: Average deal size.",
    )
    revenue = fields.Float(readonly=True, aggregator="sum", help="Net revenue. Glossary: Revenue.")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT v.id * 3 AS id, v.first_purchase_date AS date, 'customer' AS kind,
                           v.partner_id, p.state_id, p.country_id, NULL::int AS product_id,
                           p.user_id, NULL::int AS team_id, v.company_id,
                           v.rfm_segment, v.customer_tier,
                           1 AS new_customers,
                           CASE WHEN v.churn_risk = 'high' THEN 100.0 ELSE 0.0 END AS churn_rate,
                           CASE WHEN v.churn_risk = 'high' THEN 0.0 ELSE 100.0 END
                               AS retention_rate,
                           v.net_revenue AS arpu, v.predicted_clv AS clv,
                           NULL::float AS win_rate, NULL::float AS deal_size,
                           0.0 AS revenue
                      FROM crm_customer_value v
                      JOIN res_partner p ON p.id = v.partner_id
                    UNION ALL
                    SELECT l.id * 3 + 1, l.date_closed::date, 'opportunity',
                           cp.id, cp.state_id, cp.country_id, NULL,
                           l.user_id, l.team_id, l.company_id, NULL, NULL,
                           0, NULL, NULL, NULL, NULL,
                           CASE WHEN s.is_won AND l.active THEN 100.0 ELSE 0.0 END,
                           CASE WHEN s.is_won AND l.active THEN l.expected_revenue END,
                           0.0
                      FROM crm_lead l
                      JOIN crm_stage s ON s.id = l.stage_id
                 LEFT JOIN res_partner lp ON lp.id = l.partner_id
                 LEFT JOIN res_partner cp ON cp.id = lp.commercial_partner_id
                     WHERE l.type = 'opportunity' AND l.date_closed IS NOT NULL
                       AND ((s.is_won AND l.active) OR (NOT l.active AND l.probability = 0))
                    UNION ALL
                    SELECT ml.id * 3 + 2, m.invoice_date, 'sale',
                           cp.id, cp.state_id, cp.country_id, ml.product_id,
                           m.invoice_user_id, m.team_id, m.company_id, NULL, NULL,
                           0, NULL, NULL, NULL, NULL, NULL, NULL,
                           -ml.balance
                      FROM account_move_line ml
                      JOIN account_move m ON m.id = ml.move_id
                      JOIN res_partner cp ON cp.id = m.commercial_partner_id
                     WHERE m.state = 'posted' AND m.move_type IN ('out_invoice', 'out_refund')
                       AND ml.display_type = 'product'
                )
                """,
                SQL.identifier(self._table),
            )
        )
