# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Forecast against quota: weighted pipeline, won revenue and won-revenue quotas.

Every row is dated on its own day, so that any period of the pivot (month, quarter, year, in
the reader's calendar, Gregorian or Jalali) gathers what falls in it:

- ``pipeline``: an open opportunity, on its expected closing date (its creation day when it
  has none), for its weighted amount (expected revenue × probability);
- ``won``: a won opportunity, on its closing date;
- ``quota``: one row for each day of a won-revenue quota's own period ``[date_from,
  date_to]``, holding the day's share of the target (spread evenly over the days, so that the
  quota's own month, quarter or year holds the whole target whatever calendar it follows), and
  the weighted pipeline and won revenue of the quota's salesperson (or team, for a team quota)
  expected or won that day, in the quota's company or without a company. Grouped by quota,
  each quota is compared with the opportunities whose expected closing or closing dates lie
  inside its own period.
"""

from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..tools import opportunity_outcome as outcome


class CrmForecastReport(models.Model):
    _name = "crm.forecast.report"
    _description = "Forecast vs Quota"
    _auto = False
    _order = "date desc"
    _depends = {
        "crm.lead": [*outcome.OPPORTUNITY_FIELDS, "create_date", "date_deadline"],
        "crm.stage": outcome.STAGE_FIELDS,
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

    date = fields.Date(
        readonly=True,
        help="Expected closing date of an open opportunity, closing date of a won one, a day "
        "of a quota's period.",
    )
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
        "date. Glossary: Forecast, Weighted pipeline.",
    )
    won_amount = fields.Float("Won Revenue", readonly=True, aggregator="sum")
    quota_amount = fields.Float(
        "Quota Target",
        readonly=True,
        aggregator="sum",
        help="Won-revenue quotas, spread evenly over the days of their own period: the "
        "quota's month, quarter or year holds its whole target. Glossary: Quota.",
    )
    quota_weighted_amount = fields.Float(
        "Weighted Pipeline in Quota",
        readonly=True,
        aggregator="sum",
        help="Weighted pipeline of the quota's salesperson (or team) expected to close inside "
        "the quota's period. Glossary: Forecast, Quota.",
    )
    quota_won_amount = fields.Float(
        "Won in Quota",
        readonly=True,
        aggregator="sum",
        help="Revenue the quota's salesperson (or team) won inside the quota's period. "
        "Glossary: Quota attainment.",
    )
    forecast_attainment = fields.Float(
        "Forecast Attainment (%)",
        readonly=True,
        aggregator="avg",
        help="(Won in quota + weighted pipeline in quota) ÷ quota target: the attainment the "
        "forecast expects. Glossary: Forecast, Quota attainment.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                WITH opportunities AS (
                    SELECT l.id, l.team_id, l.user_id, l.company_id,
                           %(open)s AS is_open,
                           CASE WHEN %(open)s THEN COALESCE(l.date_deadline, l.create_date::date)
                                ELSE l.date_closed::date END AS date,
                           CASE WHEN %(open)s
                                THEN l.expected_revenue * l.probability / 100.0
                                ELSE 0.0 END AS weighted,
                           CASE WHEN %(open)s THEN 0.0 ELSE l.expected_revenue END AS won
                      FROM crm_lead l
                 LEFT JOIN crm_stage s ON s.id = l.stage_id
                     WHERE l.type = 'opportunity'
                       AND (%(open)s OR %(won)s AND l.date_closed IS NOT NULL)
                ),
                quota_days AS (
                    SELECT q.id AS quota_id, q.team_id, q.user_id, q.company_id,
                           d.day::date AS date, d.day::date - q.date_from AS day_number,
                           q.target_amount / (q.date_to - q.date_from + 1) AS quota_amount
                      FROM crm_quota q
                CROSS JOIN LATERAL generate_series(q.date_from, q.date_to, interval '1 day')
                           AS d(day)
                     WHERE q.active AND q.target_type = 'won_revenue'
                )
                SELECT o.id * 2 + (NOT o.is_open)::int AS id, o.date,
                       CASE WHEN o.is_open THEN 'pipeline' ELSE 'won' END AS kind,
                       o.id AS lead_id, NULL::int AS quota_id,
                       o.team_id, o.user_id, o.company_id,
                       o.weighted AS weighted_amount, o.won AS won_amount,
                       0.0 AS quota_amount, 0.0 AS quota_weighted_amount,
                       0.0 AS quota_won_amount, NULL::float AS forecast_attainment
                  FROM opportunities o
                UNION ALL
                SELECT -(qd.quota_id::bigint * 100000 + qd.day_number), qd.date, 'quota',
                       NULL, qd.quota_id, qd.team_id, qd.user_id, qd.company_id,
                       0.0, 0.0, qd.quota_amount,
                       COALESCE(SUM(o.weighted), 0.0), COALESCE(SUM(o.won), 0.0), NULL
                  FROM quota_days qd
             LEFT JOIN opportunities o
                       ON o.date = qd.date
                      AND (o.company_id = qd.company_id OR o.company_id IS NULL)
                      AND (qd.user_id IS NOT NULL AND o.user_id = qd.user_id
                           OR qd.user_id IS NULL AND o.team_id = qd.team_id)
              GROUP BY qd.quota_id, qd.day_number, qd.date, qd.team_id, qd.user_id,
                       qd.company_id, qd.quota_amount
                )
                """,
                view=SQL.identifier(self._table),
                won=SQL(outcome.WON),
                open=SQL(outcome.OPEN),
            )
        )

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        """Forecast attainment of a group from its sums, whatever the aggregate asked."""
        if aggregate_spec.split(":")[0] != "forecast_attainment":
            return super()._read_group_select(aggregate_spec, query)

        def total(fname):
            return SQL("SUM(%s)", self._field_to_sql(self._table, fname, query))

        return SQL(
            "100.0 * (%s + %s) / NULLIF(%s, 0)",
            total("quota_won_amount"),
            total("quota_weighted_amount"),
            total("quota_amount"),
        )
