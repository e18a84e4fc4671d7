# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Customer KPIs: new customers, churn and retention rate, ARPU, CLV, win rate, deal size.

Rates are stored as 100/0 per row with an ``avg`` aggregator, so the pivot's average of a
group is the rate of that group (e.g. the average of ``won_rate`` over closed opportunities is
the win rate); PostgreSQL's AVG ignores NULL, which the rows that do not count leave.
"""

from odoo import fields, models, tools
from odoo.tools import SQL

from ..tools import customer_value as cv
from ..tools import opportunity_outcome as outcome


class CrmCustomerKpiReport(models.Model):
    _name = "crm.customer.kpi.report"
    _description = "Customer KPIs"
    _auto = False
    _order = "date desc"
    _depends = {
        "crm.customer.value": [
            "partner_id",
            "company_id",
            "first_purchase_date",
            "rfm_segment",
            "customer_tier",
            "churn_risk",
            "net_revenue",
            "predicted_clv",
        ],
        "res.partner": ["state_id", "country_id", "user_id", "commercial_partner_id"],
        "crm.lead": [
            "date_closed",
            "partner_id",
            "user_id",
            "team_id",
            "company_id",
            "stage_id",
            "active",
            "probability",
            "type",
            "expected_revenue",
        ],
        "crm.stage": ["is_won"],
        "account.move": [
            "state",
            "move_type",
            "invoice_date",
            "commercial_partner_id",
            "invoice_user_id",
            "team_id",
            "company_id",
        ],
        "account.move.line": ["move_id", "product_id", "balance", "display_type"],
    }

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
                CREATE OR REPLACE VIEW %(view)s AS (
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
                           CASE WHEN %(won)s THEN 100.0 ELSE 0.0 END,
                           CASE WHEN %(won)s THEN l.expected_revenue END,
                           0.0
                      FROM crm_lead l
                      JOIN crm_stage s ON s.id = l.stage_id
                 LEFT JOIN res_partner lp ON lp.id = l.partner_id
                 LEFT JOIN res_partner cp ON cp.id = lp.commercial_partner_id
                     WHERE l.type = 'opportunity' AND l.date_closed IS NOT NULL
                       AND (%(won)s OR %(lost)s)
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
                view=SQL.identifier(self._table),
                won=SQL(outcome.WON),
                lost=SQL(outcome.LOST),
                open=SQL(outcome.OPEN),
            )
        )
