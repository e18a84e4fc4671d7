# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Lead score analysis: score distribution, temperature × grade, conversion by score band
compared with Odoo's predictive probability (PLS) band, and time from MQL to SQL to won."""

from odoo import fields, models, tools
from odoo.tools import SQL

from ..tools import scoring

BANDS = [(f"{lower:02d}", scoring.band_label(lower)) for lower in range(0, 100, scoring.BAND_WIDTH)]
OUTCOMES = [("open", "Open"), ("won", "Won"), ("lost", "Lost")]


def band_sql(value):
    """SQL twin of ``scoring.band``: zero-padded lower bound of the 10-point band."""
    return SQL(
        "LPAD((LEAST(GREATEST(FLOOR(COALESCE(%s, 0) / %s) * %s, 0), %s))::int::text, 2, '0')",
        value,
        scoring.BAND_WIDTH,
        scoring.BAND_WIDTH,
        100 - scoring.BAND_WIDTH,
    )


class CrmLeadScoreReport(models.Model):
    _name = "crm.lead.score.report"
    _description = "Lead Score Analysis"
    _auto = False
    _order = "create_date desc"
    _rec_name = "lead_id"

    lead_id = fields.Many2one("crm.lead", "Lead/Opportunity", readonly=True)
    create_date = fields.Datetime("Created On", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    source_id = fields.Many2one("utm.source", readonly=True)
    qualification_status = fields.Selection(related="lead_id.qualification_status", readonly=True)
    temperature = fields.Selection(
        [("cold", "Cold"), ("warm", "Warm"), ("hot", "Hot")], readonly=True
    )
    fit_grade = fields.Selection([("A", "A"), ("B", "B"), ("C", "C"), ("D", "D")], readonly=True)
    score_total = fields.Float(
        "Score",
        readonly=True,
        aggregator="avg",
        help="The lead's score; for a won or lost lead, the one it had just before it closed.",
    )
    score_band = fields.Selection(
        BANDS, readonly=True, help="10-point band of the score. Glossary: Lead scoring."
    )
    probability = fields.Float(
        "PLS Probability",
        readonly=True,
        aggregator="avg",
        help="Odoo's predictive probability; for a won or lost lead, the one it had just before "
        "it closed.",
    )
    probability_band = fields.Selection(
        BANDS,
        "PLS Probability Band",
        readonly=True,
        help="10-point band of Odoo's probability (before closing, for closed leads).",
    )
    outcome = fields.Selection(OUTCOMES, readonly=True)
    conversion_rate = fields.Float(
        "Conversion Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Share of the closed leads that were won (open leads do not count).",
    )
    days_mql_to_sql = fields.Float("Days MQL → SQL", readonly=True, aggregator="avg")
    days_sql_to_won = fields.Float("Days SQL → Won", readonly=True, aggregator="avg")
    lead_count = fields.Integer("Leads", readonly=True, aggregator="sum")

    def _outcome_sql(self):
        return SQL(
            "CASE WHEN l.active AND s.is_won THEN 'won' "
            "WHEN NOT l.active AND COALESCE(l.probability, 0) = 0 THEN 'lost' ELSE 'open' END"
        )

    def _query(self):
        outcome = self._outcome_sql()
        # A closed lead is compared by what was known before it closed: Odoo sets the PLS
        # probability of won leads to 100 and of lost ones to 0. A lead closed before the
        # snapshot existed has no probability to compare.
        closed = SQL("(%s) <> 'open'", outcome)
        score = SQL(
            "CASE WHEN %s THEN COALESCE(l.score_at_close, l.score_total) ELSE l.score_total END",
            closed,
        )
        probability = SQL(
            "CASE WHEN %s THEN l.probability_at_close ELSE l.automated_probability END", closed
        )
        return SQL(
            """
            SELECT l.id, l.id AS lead_id, l.create_date, l.team_id, l.user_id, l.company_id,
                   l.source_id, l.temperature, l.fit_grade, %(score)s AS score_total,
                   %(score_band)s AS score_band,
                   %(probability)s AS probability,
                   CASE WHEN %(probability)s IS NOT NULL THEN %(probability_band)s
                   END AS probability_band,
                   %(outcome)s AS outcome,
                   CASE WHEN l.active AND s.is_won THEN 100.0
                        WHEN NOT l.active AND COALESCE(l.probability, 0) = 0 THEN 0.0
                   END AS conversion_rate,
                   CASE WHEN l.sql_date IS NOT NULL AND l.mql_date IS NOT NULL
                        THEN EXTRACT(EPOCH FROM (l.sql_date - l.mql_date)) / 86400.0
                   END AS days_mql_to_sql,
                   CASE WHEN l.active AND s.is_won AND l.sql_date IS NOT NULL
                        THEN EXTRACT(EPOCH FROM (COALESCE(l.date_closed, l.write_date)
                                                 - l.sql_date)) / 86400.0
                   END AS days_sql_to_won,
                   1 AS lead_count
              FROM crm_lead l
              LEFT JOIN crm_stage s ON s.id = l.stage_id
            """,
            score=score,
            score_band=band_sql(score),
            probability=probability,
            probability_band=band_sql(probability),
            outcome=outcome,
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
