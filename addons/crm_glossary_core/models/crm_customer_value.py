# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Customer value per commercial partner and company, computed set-based from posted invoices.

Why a model of its own rather than fields on ``res.partner``: the figures exist once per
company (a partner is shared between companies and buys from each separately), there are
about twenty of them, and reports group and aggregate them (sum of CLV by segment, average
order value by province, ...). One row per (partner, company) in an indexed table serves the
pivot/graph reports, the dashboard and the nightly recompute (a handful of statements instead
of twenty jsonb columns to rewrite). The four categorical figures that users filter and group
contacts by (RFM segment, churn risk, tier, relationship phase) are also copied onto the
partner as company-dependent fields, so the contact list can be filtered and grouped by them
for the current company; leads and invoices reach them through their partner.
"""

import logging
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import customer_value as cv

_logger = logging.getLogger(__name__)

# Columns written by the recompute, with their PostgreSQL types, in insertion order.
VALUE_COLUMNS = [
    ("first_purchase_date", SQL("date[]")),
    ("last_purchase_date", SQL("date[]")),
    ("purchase_count", SQL("int4[]")),
    ("net_revenue", SQL("numeric[]")),
    ("window_purchase_count", SQL("int4[]")),
    ("window_revenue", SQL("numeric[]")),
    ("aov", SQL("numeric[]")),
    ("purchase_frequency", SQL("float8[]")),
    ("avg_days_between", SQL("float8[]")),
    ("customer_age_days", SQL("int4[]")),
    ("recency_days", SQL("int4[]")),
    ("gross_margin", SQL("numeric[]")),
    ("margin_rate", SQL("float8[]")),
    ("historical_clv", SQL("numeric[]")),
    ("predicted_clv", SQL("numeric[]")),
    ("recency_score", SQL("int4[]")),
    ("frequency_score", SQL("int4[]")),
    ("monetary_score", SQL("int4[]")),
    ("rfm_score", SQL("varchar[]")),
    ("rfm_segment", SQL("varchar[]")),
    ("churn_risk", SQL("varchar[]")),
    ("customer_tier", SQL("varchar[]")),
    ("relationship_phase", SQL("varchar[]")),
]
PARTNER_COPIED_FIELDS = ["rfm_segment", "churn_risk", "customer_tier", "relationship_phase"]
MOVE_COPIED_FIELDS = {
    "customer_rfm_segment": "rfm_segment",
    "customer_churn_risk": "churn_risk",
    "customer_tier": "customer_tier",
}


class CrmCustomerValue(models.Model):
    _name = "crm.customer.value"
    _description = "Customer Value"
    _order = "predicted_clv desc, id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, readonly=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    first_purchase_date = fields.Date(
        readonly=True, help="Date of the customer's first posted invoice. Glossary: Customer."
    )
    last_purchase_date = fields.Date(
        readonly=True,
        index=True,
        help="Date of the customer's latest posted invoice. Glossary: Recency.",
    )
    purchase_count = fields.Integer(
        "Purchases",
        readonly=True,
        aggregator="sum",
        help="Number of posted customer invoices. Glossary: Purchase frequency.",
    )
    net_revenue = fields.Monetary(
        readonly=True,
        aggregator="sum",
        help="Untaxed invoices minus credit notes, in the company currency. Glossary: Revenue.",
    )
    window_purchase_count = fields.Integer(
        "Purchases in RFM Window",
        readonly=True,
        help="Purchases within the company's RFM window. Glossary: RFM.",
    )
    window_revenue = fields.Monetary(
        "Revenue in RFM Window",
        readonly=True,
        aggregator="sum",
        help="Net revenue within the company's RFM window. Glossary: RFM.",
    )
    aov = fields.Monetary(
        "Average Order Value",
        readonly=True,
        aggregator="avg",
        help="Net revenue divided by the number of purchases. Glossary: AOV.",
    )
    purchase_frequency = fields.Float(
        "Purchases per Year",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="Purchases per year over the customer's age (at least one year). Glossary: "
        "Purchase frequency.",
    )
    avg_days_between = fields.Float(
        "Days Between Purchases",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Average days between two purchases. Glossary: Purchase frequency.",
    )
    customer_age_days = fields.Integer(
        "Customer Age (days)",
        readonly=True,
        aggregator="avg",
        help="Days since the first purchase. Glossary: Customer age.",
    )
    recency_days = fields.Integer(
        "Days Since Last Purchase",
        readonly=True,
        aggregator="avg",
        help="Glossary: Recency.",
    )
    gross_margin = fields.Monetary(
        readonly=True,
        aggregator="sum",
        help="Revenue minus product cost, over the invoice lines whose product cost is known. "
        "Glossary: Gross margin.",
    )
    margin_rate = fields.Float(
        readonly=True,
        aggregator="avg",
        help="Gross margin rate used by the CLV (the company's default when costs are "
        "unknown). Glossary: Gross margin.",
    )
    historical_clv = fields.Monetary(
        "Historical CLV",
        readonly=True,
        aggregator="sum",
        help="Margin earned from the customer so far. Glossary: CLV.",
    )
    predicted_clv = fields.Monetary(
        "Predicted CLV",
        readonly=True,
        index=True,
        aggregator="sum",
        help="Expected margin over the company's CLV horizon from the customer's own order "
        "value and frequency and the retention rate. Glossary: CLV.",
    )
    recency_score = fields.Integer("R", readonly=True, aggregator="avg", help="Glossary: RFM.")
    frequency_score = fields.Integer("F", readonly=True, aggregator="avg", help="Glossary: RFM.")
    monetary_score = fields.Integer("M", readonly=True, aggregator="avg", help="Glossary: RFM.")
    rfm_score = fields.Char(
        "RFM Score", readonly=True, help="R, F and M scores side by side. Glossary: RFM."
    )
    rfm_segment = fields.Selection(
        cv.RFM_SEGMENTS,
        "RFM Segment",
        readonly=True,
        index=True,
        help="The customer's segment from its RFM scores. Glossary: RFM, Segmentation.",
    )
    churn_risk = fields.Selection(
        cv.CHURN_RISKS,
        readonly=True,
        index=True,
        help="Recency compared with the customer's own purchase interval. Glossary: Churn.",
    )
    customer_tier = fields.Selection(
        cv.TIERS,
        "Tier",
        readonly=True,
        index=True,
        help="Gold, silver or bronze from the company's thresholds. Glossary: Customer tier.",
    )
    relationship_phase = fields.Selection(
        cv.RELATIONSHIP_PHASES,
        readonly=True,
        index=True,
        help="Awareness, exploration, expansion, commitment or dissolution. Glossary: "
        "Relationship phase.",
    )
    value_at_risk = fields.Monetary(
        compute="_compute_value_at_risk",
        help="Predicted CLV of a customer with a high churn risk. Glossary: Churn, CLV.",
    )

    _sql_constraints = [
        (
            "partner_company_uniq",
            "UNIQUE(partner_id, company_id)",
            "A customer has one value row per company.",
        ),
    ]

    @api.depends("churn_risk", "predicted_clv")
    def _compute_value_at_risk(self):
        for value in self:
            value.value_at_risk = value.predicted_clv if value.churn_risk == "high" else 0.0

    # ------------------------------------------------------------------ recompute
    @api.model
    def _aggregate_sql(self, today, partner_ids=None, company_ids=None):
        """One statement aggregating posted customer invoices and credit notes per customer.

        Moves are summed first (one row per move), then per commercial partner and company;
        amounts are the company-currency ``balance`` of product lines (untaxed).
        """
        where = [SQL("m.state = 'posted'"), SQL("m.move_type IN ('out_invoice', 'out_refund')")]
        if partner_ids is not None:
            where.append(SQL("m.commercial_partner_id = ANY(%s)", list(partner_ids)))
        if company_ids is not None:
            where.append(SQL("m.company_id = ANY(%s)", list(company_ids)))
        return SQL(
            """
            WITH moves AS (
                SELECT m.id,
                       m.commercial_partner_id AS partner_id,
                       m.company_id,
                       m.move_type,
                       m.invoice_date,
                       SUM(-l.balance) AS revenue,
                       SUM(-l.balance) FILTER (WHERE cost.unit_cost > 0) AS revenue_with_cost,
                       SUM(cost.unit_cost * l.quantity
                           / NULLIF(COALESCE(uom_line.factor, 1) / COALESCE(uom_tmpl.factor, 1), 0)
                           * CASE WHEN m.move_type = 'out_refund' THEN -1 ELSE 1 END)
                           FILTER (WHERE cost.unit_cost > 0) AS cost
                  FROM account_move m
                  JOIN account_move_line l ON l.move_id = m.id AND l.display_type = 'product'
             LEFT JOIN product_product pp ON pp.id = l.product_id
             LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
             LEFT JOIN uom_uom uom_line ON uom_line.id = l.product_uom_id
             LEFT JOIN uom_uom uom_tmpl ON uom_tmpl.id = pt.uom_id
             LEFT JOIN LATERAL (
                       SELECT (pp.standard_price ->> m.company_id::text)::numeric AS unit_cost
                       ) cost ON TRUE
                 WHERE %(where)s AND m.commercial_partner_id IS NOT NULL
              GROUP BY m.id
            )
            SELECT mv.partner_id,
                   mv.company_id,
                   MIN(mv.invoice_date) FILTER (WHERE mv.move_type = 'out_invoice'),
                   MAX(mv.invoice_date) FILTER (WHERE mv.move_type = 'out_invoice'),
                   COUNT(*) FILTER (WHERE mv.move_type = 'out_invoice'),
                   COALESCE(SUM(mv.revenue), 0),
                   SUM(mv.revenue_with_cost),
                   SUM(mv.cost),
                   COUNT(*) FILTER (WHERE mv.move_type = 'out_invoice'
                                      AND mv.invoice_date >= w.start),
                   COALESCE(SUM(mv.revenue) FILTER (WHERE mv.invoice_date >= w.start), 0),
                   COALESCE(SUM(mv.revenue) FILTER (WHERE mv.invoice_date >= w.middle), 0),
                   COALESCE(SUM(mv.revenue) FILTER (
                       WHERE mv.invoice_date >= w.start AND mv.invoice_date < w.middle), 0),
                   MIN(p.lifecycle_stage)
              FROM moves mv
              JOIN res_company c ON c.id = mv.company_id
              JOIN res_partner p ON p.id = mv.partner_id
              CROSS JOIN LATERAL (
                   SELECT (%(today)s::date - make_interval(months => c.crm_rfm_window_months))::date
                              AS start,
                          (%(today)s::date
                           - make_interval(days => c.crm_rfm_window_months * 15))::date AS middle
                   ) w
          GROUP BY mv.partner_id, mv.company_id
            """,
            where=SQL(" AND ").join(where),
            today=today,
        )

    @api.model
    def _compute_values(self, partner_ids=None, company_ids=None, today=None):
        """Recompute the customer values, set-based.

        With ``partner_ids`` (commercial partners) only those customers are recomputed and
        scored against the stored values of the other customers of their company (the nightly
        run re-scores everybody); otherwise every customer of ``company_ids`` (all companies
        when None). Returns the number of customers written.
        """
        today = today or fields.Date.context_today(self)
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(self._aggregate_sql(today, partner_ids, company_ids))
        rows_by_company = defaultdict(list)
        for row in cr.fetchall():
            rows_by_company[row[1]].append(
                {
                    "partner_id": row[0],
                    "company_id": row[1],
                    "first_date": row[2],
                    "last_date": row[3],
                    "purchases": row[4],
                    "net_revenue": float(row[5]),
                    "revenue_with_cost": float(row[6]) if row[6] is not None else None,
                    "cost": float(row[7]) if row[7] is not None else None,
                    "window_purchases": row[8],
                    "window_revenue": float(row[9]),
                    "recent_revenue": float(row[10]),
                    "previous_revenue": float(row[11]),
                    "lifecycle": row[12],
                }
            )
        # Credit notes alone make no customer: a value row needs a purchase.
        for company_id, rows in rows_by_company.items():
            rows_by_company[company_id] = [r for r in rows if r["purchases"]]
        companies = self.env["res.company"].browse(list(rows_by_company)).sudo()
        populations = {}
        if partner_ids is not None and companies:
            populations = self._stored_populations(companies.ids, partner_ids, today)
        records = []
        for company in companies:
            rows = rows_by_company[company.id]
            if not rows:
                continue
            self._score_rows(company, rows, today, populations.get(company.id))
            records.extend(rows)
        self._write_rows(records, partner_ids, company_ids)
        return len(records)

    @api.model
    def _stored_populations(self, company_ids, excluded_partner_ids, today):
        """Sorted recency/frequency/monetary values of the other stored customers."""
        self.env.cr.execute(
            SQL(
                """
                SELECT company_id,
                       array_agg(%s::date - last_purchase_date ORDER BY last_purchase_date DESC),
                       array_agg(window_purchase_count ORDER BY window_purchase_count),
                       array_agg(window_revenue::float8 ORDER BY window_revenue)
                  FROM crm_customer_value
                 WHERE company_id = ANY(%s) AND NOT partner_id = ANY(%s)
              GROUP BY company_id
                """,
                today,
                list(company_ids),
                list(excluded_partner_ids),
            )
        )
        return {row[0]: (row[1], row[2], row[3]) for row in self.env.cr.fetchall()}

    @api.model
    def _score_rows(self, company, rows, today, population=None):
        """Fill the derived figures and the RFM scores of ``rows`` (one company) in place."""
        params = company._crm_value_params()
        for row in rows:
            row.update(cv.customer_metrics(row, today, params))
        if population is None:
            r_scores = cv.quintile_scores([r["recency_days"] for r in rows], False)
            f_scores = cv.quintile_scores([r["window_purchases"] for r in rows])
            m_scores = cv.quintile_scores([r["window_revenue"] for r in rows])
        else:
            recencies, frequencies, monetaries = population
            r_scores = [cv.score_against(recencies, r["recency_days"], False) for r in rows]
            f_scores = [cv.score_against(frequencies, r["window_purchases"]) for r in rows]
            m_scores = [cv.score_against(monetaries, r["window_revenue"]) for r in rows]
        basis = company.crm_tier_basis
        gold, silver = company.crm_tier_gold_threshold, company.crm_tier_silver_threshold
        for row, r, f, m in zip(rows, r_scores, f_scores, m_scores, strict=True):
            row.update(
                recency_score=r,
                frequency_score=f,
                monetary_score=m,
                rfm_score=f"{r}{f}{m}",
                rfm_segment=cv.rfm_segment(r, f, m),
                customer_tier=cv.tier(row[basis], gold, silver) or None,
                churn_risk=row["churn_risk"] or None,
            )

    @api.model
    def _write_rows(self, rows, partner_ids=None, company_ids=None):
        """Upsert ``rows`` in one statement, drop the rows of customers without purchases any
        more, and copy the categorical figures onto the partners (company-dependent)."""
        cr = self.env.cr
        values = {
            "first_purchase_date": [r["first_date"] for r in rows],
            "last_purchase_date": [r["last_date"] for r in rows],
            "purchase_count": [r["purchases"] for r in rows],
            "window_purchase_count": [r["window_purchases"] for r in rows],
        }
        for column, _type in VALUE_COLUMNS:
            if column not in values:
                values[column] = [r[column] for r in rows]
        columns = [SQL.identifier(c) for c, _t in VALUE_COLUMNS]
        arrays = [SQL("%s::%s", values[c], array_type) for c, array_type in VALUE_COLUMNS]
        cr.execute(
            SQL(
                """
                INSERT INTO crm_customer_value (partner_id, company_id, %(columns)s,
                                                create_uid, create_date, write_uid, write_date)
                SELECT v.*, %(uid)s, NOW() AT TIME ZONE 'UTC', %(uid)s, NOW() AT TIME ZONE 'UTC'
                  FROM unnest(%(partners)s::int4[], %(companies)s::int4[], %(arrays)s) AS v
                ON CONFLICT (partner_id, company_id) DO UPDATE SET %(updates)s,
                    write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date
                """,
                columns=SQL(", ").join(columns),
                arrays=SQL(", ").join(arrays),
                partners=[r["partner_id"] for r in rows],
                companies=[r["company_id"] for r in rows],
                uid=self.env.uid,
                updates=SQL(", ").join(SQL("%s = EXCLUDED.%s", c, c) for c in columns),
            )
        )
        # Customers in scope without a purchase any more (cancelled or reset invoices).
        scope = [SQL("TRUE")]
        if partner_ids is not None:
            scope.append(SQL("v.partner_id = ANY(%s)", list(partner_ids)))
        if company_ids is not None:
            scope.append(SQL("v.company_id = ANY(%s)", list(company_ids)))
        cr.execute(
            SQL(
                """
                DELETE FROM crm_customer_value v
                 WHERE %s
                   AND NOT EXISTS (
                       SELECT 1 FROM unnest(%s::int4[], %s::int4[]) AS k(partner_id, company_id)
                        WHERE k.partner_id = v.partner_id AND k.company_id = v.company_id)
             RETURNING v.partner_id
                """,
                SQL(" AND ").join(scope),
                [r["partner_id"] for r in rows],
                [r["company_id"] for r in rows],
            )
        )
        touched = {r["partner_id"] for r in rows} | {row[0] for row in cr.fetchall()}
        self._copy_to_partners(touched if partner_ids is not None else None)
        self._copy_to_invoices(partner_ids, company_ids)
        self.invalidate_model()
        self.env["res.partner"].invalidate_model(PARTNER_COPIED_FIELDS)
        self.env["account.move"].invalidate_model(list(MOVE_COPIED_FIELDS))

    @api.model
    def _copy_to_invoices(self, partner_ids=None, company_ids=None):
        """Copy segment, churn risk and tier onto the customer invoices (those that changed)."""
        scope = [SQL("m.move_type IN ('out_invoice', 'out_refund')")]
        if partner_ids is not None:
            scope.append(SQL("m.commercial_partner_id = ANY(%s)", list(partner_ids)))
        if company_ids is not None:
            scope.append(SQL("m.company_id = ANY(%s)", list(company_ids)))
        assignments = SQL(", ").join(
            SQL("%s = src.%s", SQL.identifier(move_field), SQL.identifier(value_field))
            for move_field, value_field in MOVE_COPIED_FIELDS.items()
        )
        changed = SQL(" OR ").join(
            SQL(
                "m.%s IS DISTINCT FROM src.%s",
                SQL.identifier(move_field),
                SQL.identifier(value_field),
            )
            for move_field, value_field in MOVE_COPIED_FIELDS.items()
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE account_move m SET %(assignments)s
                  FROM (SELECT mv.id, v.rfm_segment, v.churn_risk, v.customer_tier
                          FROM account_move mv
                     LEFT JOIN crm_customer_value v
                            ON v.partner_id = mv.commercial_partner_id
                           AND v.company_id = mv.company_id
                         WHERE mv.id IN (SELECT m.id FROM account_move m WHERE %(scope)s)
                       ) src
                 WHERE m.id = src.id AND (%(changed)s)
                """,
                assignments=assignments,
                scope=SQL(" AND ").join(scope),
                changed=changed,
            )
        )

    @api.model
    def _copy_to_partners(self, partner_ids=None):
        """Rewrite the company-dependent copies on the partners (all partners when None).

        A partner without a value row in any company but with a prospect lifecycle stage gets
        its phase from the lifecycle (awareness), in every company: a value row needs a
        purchase. Only the partners whose copies change are written.
        """
        aggregates = SQL(", ").join(
            SQL(
                "jsonb_object_agg(v.company_id::text, v.%s) FILTER (WHERE v.%s IS NOT NULL) AS %s",
                SQL.identifier(f),
                SQL.identifier(f),
                SQL.identifier(f),
            )
            for f in PARTNER_COPIED_FIELDS
        )
        prospect_phases = SQL(
            "CASE %s END",
            SQL(" ").join(
                SQL(
                    "WHEN p.lifecycle_stage = %s "
                    "THEN (SELECT jsonb_object_agg(c.id::text, %s::text) FROM res_company c)",
                    stage,
                    cv.prospect_phase(stage),
                )
                for stage in cv.PROSPECT_LIFECYCLE_STAGES
            ),
        )
        new_values = {f: SQL("agg.%s", SQL.identifier(f)) for f in PARTNER_COPIED_FIELDS}
        new_values["relationship_phase"] = SQL(
            "COALESCE(agg.relationship_phase, %s)", prospect_phases
        )
        assignments = SQL(", ").join(
            SQL("%s = new.%s", SQL.identifier(f), SQL.identifier(f)) for f in PARTNER_COPIED_FIELDS
        )
        changed = SQL(" OR ").join(
            SQL("p.%s IS DISTINCT FROM new.%s", SQL.identifier(f), SQL.identifier(f))
            for f in PARTNER_COPIED_FIELDS
        )
        if partner_ids is None:
            scope = SQL(
                "SELECT partner_id FROM crm_customer_value UNION SELECT id FROM res_partner "
                "WHERE rfm_segment IS NOT NULL OR churn_risk IS NOT NULL "
                "OR customer_tier IS NOT NULL OR relationship_phase IS NOT NULL "
                "OR lifecycle_stage = ANY(%s)",
                list(cv.PROSPECT_LIFECYCLE_STAGES),
            )
        else:
            scope = SQL("SELECT unnest(%s::int4[])", list(partner_ids))
        self.env.cr.execute(
            SQL(
                """
                WITH agg AS (
                    SELECT s.id, %(aggregates)s
                      FROM (%(scope)s) AS s(id)
                 LEFT JOIN crm_customer_value v ON v.partner_id = s.id
                  GROUP BY s.id
                ), new AS (
                    SELECT agg.id, %(new_values)s
                      FROM agg
                      JOIN res_partner p ON p.id = agg.id
                )
                UPDATE res_partner p SET %(assignments)s
                  FROM new
                 WHERE p.id = new.id AND (%(changed)s)
                """,
                aggregates=aggregates,
                scope=scope,
                new_values=SQL(", ").join(
                    SQL("%s AS %s", value, SQL.identifier(f)) for f, value in new_values.items()
                ),
                assignments=assignments,
                changed=changed,
            )
        )

    # ------------------------------------------------------------------ triggers
    @api.model
    def _recompute_for_moves(self, moves):
        """Recompute the customers of ``moves`` (customer invoices/credit notes) at once."""
        moves = moves.filtered(lambda m: m.move_type in ("out_invoice", "out_refund"))
        partners = moves.commercial_partner_id
        if partners:
            self.sudo()._compute_values(partner_ids=partners.ids, company_ids=moves.company_id.ids)

    @api.model
    def _cron_compute_values(self, batch_companies=1):
        """Nightly full recompute, one company per run (re-triggered while some are left).

        Companies already done today are skipped, so running it twice does nothing more; a
        company locked by another worker is skipped by this one.
        """
        today = fields.Date.context_today(self)
        domain = [
            "|",
            ("crm_value_computed_date", "=", False),
            ("crm_value_computed_date", "<", today),
        ]
        Company = self.env["res.company"].sudo()
        todo = Company.search(domain)
        done_count = Company.search_count([]) - len(todo)
        for company in todo[:batch_companies]:
            self.env.cr.execute(
                SQL("SELECT id FROM res_company WHERE id = %s FOR UPDATE SKIP LOCKED", company.id)
            )
            if not self.env.cr.fetchone():
                continue
            count = self.sudo()._compute_values(company_ids=company.ids, today=today)
            company.crm_value_computed_date = today
            _logger.info("Customer values of %s: %d customers", company.name, count)
            done_count += 1
        remaining = len(todo) - min(len(todo), batch_companies)
        self.env["ir.cron"]._notify_progress(done=done_count, remaining=remaining)
        return remaining

    # ------------------------------------------------------------------ actions
    def action_open_partner(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": self.partner_id.id,
            "view_mode": "form",
        }
