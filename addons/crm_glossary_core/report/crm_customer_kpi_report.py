# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Customer KPIs by period, province, product and salesperson: new, active, churned and
retained customers, churn and retention rate, ARPU, CLV, revenue, won deals, win rate and
average deal size.

Every row is dated on the day its event happened, so that any period of the pivot (month,
quarter, year, in the reader's calendar) gathers the events that fell in it:

- ``sale``: a product line of a posted customer invoice or credit note, on its invoice date.
  Its customer is *active* in the period (invoices only) and *new* when the invoice date is
  the customer's first purchase day in the company.
- ``retention``: the outcome of a purchase day of a customer, for each product line bought
  that day. Each purchase opens the customer's *window*: 3 × the customer's average days
  between purchase days (the company's expected purchase interval for one-time buyers), the
  interval beyond which the customer value calls the churn risk high. When the customer buys
  again within the window, the customer is *retained* on the day of that next purchase; when
  the window ends without a purchase, the customer has *churned* on the window's last day.
  Windows still running count nowhere yet.
- ``opportunity``: a won or lost opportunity, on its closing date.

Customer counts are counts of distinct customers in each group (a customer who bought two
products in a month is one active customer of the month, and an active customer of each
product), so they and the rates and ARPU built on them are computed for each group from its
rows (see ``_read_group_select``), not summed or averaged over the rows. Win rate and deal size
are stored as 100/0 and amount per closed opportunity with an ``avg`` aggregator: the average
over a group is the group's win rate and average won deal (PostgreSQL's AVG ignores the NULL
of the rows that do not count).
"""

from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..tools import customer_value as cv
from ..tools import opportunity_outcome as outcome

# each distinct-customer measure and the column holding the customer it counts
CUSTOMER_COUNTS = {
    "new_customers": "new_partner_id",
    "active_customers": "active_partner_id",
    "churned_customers": "churned_partner_id",
    "retained_customers": "retained_partner_id",
}


class CrmCustomerKpiReport(models.Model):
    _name = "crm.customer.kpi.report"
    _description = "Customer KPIs"
    _auto = False
    _order = "date desc"
    _depends = {
        "crm.customer.value": [
            "partner_id",
            "company_id",
            "rfm_segment",
            "customer_tier",
            "predicted_clv",
        ],
        "res.company": ["crm_expected_purchase_interval"],
        "res.partner": ["state_id", "country_id", "commercial_partner_id"],
        "product.product": ["product_tmpl_id"],
        "product.template": ["categ_id"],
        "crm.lead": [*outcome.OPPORTUNITY_FIELDS, "partner_id"],
        "crm.stage": outcome.STAGE_FIELDS,
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

    date = fields.Date(
        readonly=True,
        help="The day of the event: invoice date of a sale, day a customer was retained or "
        "churned, closing date of an opportunity.",
    )
    kind = fields.Selection(
        [("sale", "Invoice line"), ("retention", "Retention"), ("opportunity", "Opportunity")],
        readonly=True,
    )
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    state_id = fields.Many2one("res.country.state", "Province", readonly=True)
    country_id = fields.Many2one("res.country", readonly=True)
    product_id = fields.Many2one(
        "product.product",
        readonly=True,
        help="The product sold on the invoice line; for retention, a product bought on the "
        "purchase day whose window decided. Opportunities have no product.",
    )
    product_categ_id = fields.Many2one("product.category", "Product Category", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    rfm_segment = fields.Selection(cv.RFM_SEGMENTS, "RFM Segment", readonly=True)
    customer_tier = fields.Selection(cv.TIERS, "Tier", readonly=True)
    new_customers = fields.Integer(
        readonly=True,
        aggregator="sum",
        help="Customers whose first purchase day falls in the period. Glossary: Customer "
        "acquisition.",
    )
    active_customers = fields.Integer(
        readonly=True,
        aggregator="sum",
        help="Customers with a posted invoice in the period.",
    )
    churned_customers = fields.Integer(
        readonly=True,
        aggregator="sum",
        help="Customers whose window ended in the period without a new purchase: after a "
        "purchase, a customer who does not buy again within 3 × their average days between "
        "purchases (the company's expected purchase interval for one-time buyers) has churned "
        "on the window's last day. Glossary: Churn rate.",
    )
    retained_customers = fields.Integer(
        readonly=True,
        aggregator="sum",
        help="Customers who bought again in the period within the window of their previous "
        "purchase. Glossary: Retention rate.",
    )
    churn_rate = fields.Float(
        "Churn Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Churned customers ÷ (churned + retained customers) of the period: the share of "
        "the customers whose window ended or who bought again in the period that did not "
        "come back. Glossary: Churn rate.",
    )
    retention_rate = fields.Float(
        "Retention Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Retained customers ÷ (churned + retained customers) of the period. Glossary: "
        "Retention rate.",
    )
    arpu = fields.Float(
        "ARPU",
        readonly=True,
        aggregator="avg",
        help="Net revenue of the period ÷ its active customers. Glossary: ARPU.",
    )
    clv = fields.Float(
        "CLV",
        readonly=True,
        aggregator="avg",
        help="Average predicted CLV of the customers acquired in the period (their current "
        "value). Glossary: CLV.",
    )
    revenue = fields.Float(
        readonly=True,
        aggregator="sum",
        help="Net revenue: untaxed invoice lines minus credit notes, in the company currency. "
        "Glossary: Revenue.",
    )
    won_deals = fields.Integer(
        readonly=True, aggregator="sum", help="Opportunities won in the period."
    )
    win_rate = fields.Float(
        "Win Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Won among the opportunities closed (won or lost) in the period. Glossary: Win rate.",
    )
    deal_size = fields.Float(
        "Average Deal Size",
        readonly=True,
        aggregator="avg",
        help="Average expected revenue of the opportunities won in the period. Glossary: "
        "Average deal size.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                WITH lines AS (
                    SELECT ml.id AS line_id, m.invoice_date AS date, m.move_type,
                           m.commercial_partner_id AS partner_id, m.company_id,
                           m.invoice_user_id AS user_id, m.team_id, ml.product_id,
                           pt.categ_id AS product_categ_id, -ml.balance AS revenue
                      FROM account_move_line ml
                      JOIN account_move m ON m.id = ml.move_id
                 LEFT JOIN product_product pp ON pp.id = ml.product_id
                 LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
                     WHERE m.state = 'posted' AND m.move_type IN ('out_invoice', 'out_refund')
                       AND ml.display_type = 'product' AND m.invoice_date IS NOT NULL
                ),
                days AS (
                    SELECT partner_id, company_id, date,
                           LEAD(date) OVER customer_days AS next_date,
                           MIN(date) OVER customer AS first_date,
                           MAX(date) OVER customer AS last_date,
                           COUNT(*) OVER customer AS day_count
                      FROM (SELECT DISTINCT partner_id, company_id, date
                              FROM lines WHERE move_type = 'out_invoice') d
                    WINDOW customer AS (PARTITION BY partner_id, company_id),
                           customer_days AS (PARTITION BY partner_id, company_id ORDER BY date)
                ),
                windows AS (
                    SELECT d.*,
                           CEIL(%(ratio)s * COALESCE(
                               (d.last_date - d.first_date)::float / NULLIF(d.day_count - 1, 0),
                               NULLIF(c.crm_expected_purchase_interval, 0), 90))::int
                               AS window_days
                      FROM days d
                      JOIN res_company c ON c.id = d.company_id
                ),
                decided AS (
                    SELECT w.partner_id, w.company_id, w.date,
                           CASE WHEN w.next_date <= w.date + w.window_days THEN w.next_date
                                ELSE w.date + w.window_days END AS decided_on,
                           COALESCE(w.next_date <= w.date + w.window_days, FALSE) AS retained
                      FROM windows w
                     WHERE w.next_date <= w.date + w.window_days
                        OR w.date + w.window_days <= CURRENT_DATE
                ),
                events AS (
                    SELECT l.line_id * 3 AS id, l.date, 'sale' AS kind, l.partner_id,
                           l.product_id, l.product_categ_id, l.user_id, l.team_id,
                           l.company_id,
                           CASE WHEN l.move_type = 'out_invoice' AND l.date = d.first_date
                                THEN l.partner_id END AS new_partner_id,
                           CASE WHEN l.move_type = 'out_invoice' THEN l.partner_id END
                               AS active_partner_id,
                           NULL::int AS churned_partner_id,
                           NULL::int AS retained_partner_id,
                           l.revenue,
                           0 AS won_deals, NULL::float AS win_rate, NULL::float AS deal_size
                      FROM lines l
                 LEFT JOIN days d ON d.partner_id = l.partner_id
                                 AND d.company_id = l.company_id AND d.date = l.date
                    UNION ALL
                    SELECT l.line_id * 3 + 1, r.decided_on, 'retention', l.partner_id,
                           l.product_id, l.product_categ_id, l.user_id, l.team_id,
                           l.company_id, NULL, NULL,
                           CASE WHEN NOT r.retained THEN l.partner_id END,
                           CASE WHEN r.retained THEN l.partner_id END,
                           0.0, 0, NULL, NULL
                      FROM lines l
                      JOIN decided r ON r.partner_id = l.partner_id
                                    AND r.company_id = l.company_id AND r.date = l.date
                     WHERE l.move_type = 'out_invoice'
                    UNION ALL
                    SELECT l.id * 3 + 2, l.date_closed::date, 'opportunity',
                           lp.commercial_partner_id, NULL, NULL, l.user_id, l.team_id, l.company_id,
                           NULL, NULL, NULL, NULL, 0.0,
                           CASE WHEN %(won)s THEN 1 ELSE 0 END,
                           CASE WHEN %(won)s THEN 100.0 ELSE 0.0 END,
                           CASE WHEN %(won)s THEN l.expected_revenue END
                      FROM crm_lead l
                      JOIN crm_stage s ON s.id = l.stage_id
                 LEFT JOIN res_partner lp ON lp.id = l.partner_id
                     WHERE l.type = 'opportunity' AND l.date_closed IS NOT NULL
                       AND (%(won)s OR %(lost)s)
                )
                SELECT e.id, e.date, e.kind, e.partner_id, p.state_id, p.country_id,
                       e.product_id, e.product_categ_id, e.user_id, e.team_id, e.company_id,
                       v.rfm_segment, v.customer_tier,
                       e.new_partner_id, e.active_partner_id, e.churned_partner_id,
                       e.retained_partner_id,
                       (e.new_partner_id IS NOT NULL)::int AS new_customers,
                       (e.active_partner_id IS NOT NULL)::int AS active_customers,
                       (e.churned_partner_id IS NOT NULL)::int AS churned_customers,
                       (e.retained_partner_id IS NOT NULL)::int AS retained_customers,
                       CASE WHEN e.churned_partner_id IS NOT NULL THEN 100.0
                            WHEN e.retained_partner_id IS NOT NULL THEN 0.0 END AS churn_rate,
                       CASE WHEN e.retained_partner_id IS NOT NULL THEN 100.0
                            WHEN e.churned_partner_id IS NOT NULL THEN 0.0 END
                           AS retention_rate,
                       CASE WHEN e.active_partner_id IS NOT NULL THEN e.revenue END AS arpu,
                       CASE WHEN e.new_partner_id IS NOT NULL THEN v.predicted_clv END AS clv,
                       e.revenue, e.won_deals, e.win_rate, e.deal_size
                  FROM events e
             LEFT JOIN res_partner p ON p.id = e.partner_id
             LEFT JOIN crm_customer_value v ON v.partner_id = e.partner_id
                                           AND v.company_id = e.company_id
                )
                """,
                view=SQL.identifier(self._table),
                ratio=cv.CHURN_HIGH_RATIO,
                won=SQL(outcome.WON),
                lost=SQL(outcome.LOST),
            )
        )

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        """Customer counts, rates, ARPU and CLV of a group from the group's rows, whatever
        the aggregate asked: counts of distinct customers and ratios of those counts."""
        fname = aggregate_spec.split(":")[0]
        if fname not in (*CUSTOMER_COUNTS, "churn_rate", "retention_rate", "arpu", "clv"):
            return super()._read_group_select(aggregate_spec, query)
        # the fields are checked for access as the standard aggregates do
        self._field_to_sql(self._table, fname, query)

        def distinct(measure):
            return SQL("COUNT(DISTINCT %s)", SQL.identifier(self._table, CUSTOMER_COUNTS[measure]))

        churned, retained = distinct("churned_customers"), distinct("retained_customers")
        if fname in CUSTOMER_COUNTS:
            return distinct(fname)
        if fname == "churn_rate":
            return SQL("100.0 * %s / NULLIF(%s + %s, 0)", churned, churned, retained)
        if fname == "retention_rate":
            return SQL("100.0 * %s / NULLIF(%s + %s, 0)", retained, churned, retained)
        if fname == "arpu":
            return SQL(
                "SUM(%s) / NULLIF(%s, 0)",
                self._field_to_sql(self._table, "revenue", query),
                distinct("active_customers"),
            )
        # the average over the distinct customers acquired, each counted once
        return SQL(
            "(SELECT AVG(value::float) FROM jsonb_each_text("
            "jsonb_object_agg(%(partner)s, %(clv)s) FILTER (WHERE %(partner)s IS NOT NULL)))",
            partner=SQL.identifier(self._table, "new_partner_id"),
            clv=self._field_to_sql(self._table, "clv", query),
        )
