# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Revenue attribution of won opportunities to their touchpoints, one measure per model.

The weights are those of ``tools/attribution.py``, computed in SQL over every won
opportunity; the pivot's measure is the attribution model.
"""

from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.crm_touchpoint import TOUCHPOINT_CHANNELS

HALF_LIFE_PARAM = "crm_glossary_core.attribution_half_life_days"


class CrmAttributionReport(models.Model):
    _name = "crm.attribution.report"
    _description = "Revenue Attribution"
    _auto = False
    _order = "date_won desc"
    _depends = {
        "crm.lead": [
            "expected_revenue",
            "date_closed",
            "write_date",
            "user_id",
            "team_id",
            "company_id",
            "campaign_id",
            "source_id",
            "medium_id",
            "stage_id",
            "active",
            "type",
        ],
        "crm.stage": ["is_won"],
        "crm.touchpoint": ["lead_id", "date", "channel", "campaign_id", "source_id", "medium_id"],
        "ir.config_parameter": ["key", "value"],
    }

    lead_id = fields.Many2one("crm.lead", "Opportunity", readonly=True)
    touchpoint_id = fields.Many2one("crm.touchpoint", readonly=True)
    date = fields.Datetime("Touch Date", readonly=True)
    date_won = fields.Datetime("Won On", readonly=True)
    channel = fields.Selection(TOUCHPOINT_CHANNELS, readonly=True)
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    source_id = fields.Many2one("utm.source", readonly=True)
    medium_id = fields.Many2one("utm.medium", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    position = fields.Integer("Touch Number", readonly=True, aggregator="max")
    touch_count = fields.Integer("Touches of the Deal", readonly=True, aggregator="max")
    deal_revenue = fields.Float(readonly=True, aggregator="max")
    first_touch_revenue = fields.Float("First Touch", readonly=True)
    last_touch_revenue = fields.Float("Last Touch", readonly=True)
    linear_revenue = fields.Float("Linear", readonly=True)
    u_shaped_revenue = fields.Float("U-Shaped (40/20/40)", readonly=True)
    time_decay_revenue = fields.Float("Time Decay", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(table)s AS (
                WITH won AS (
                    SELECT l.id, l.expected_revenue, COALESCE(l.date_closed, l.write_date)
                           AS date_won, l.user_id, l.team_id, l.company_id, l.campaign_id,
                           l.source_id, l.medium_id
                      FROM crm_lead l
                      JOIN crm_stage s ON s.id = l.stage_id
                     WHERE s.is_won AND l.active AND l.type = 'opportunity'
                ),
                half_life AS (
                    SELECT GREATEST(COALESCE(
                        (SELECT NULLIF(value, '')::float FROM ir_config_parameter
                          WHERE key = %(param)s), 7.0), 0.001) AS days
                ),
                touches AS (
                    SELECT w.id AS lead_id, t.id AS touchpoint_id, t.date, t.channel,
                           COALESCE(t.campaign_id, w.campaign_id) AS campaign_id,
                           COALESCE(t.source_id, w.source_id) AS source_id,
                           COALESCE(t.medium_id, w.medium_id) AS medium_id,
                           w.user_id, w.team_id, w.company_id, w.date_won,
                           COALESCE(w.expected_revenue, 0) AS revenue,
                           ROW_NUMBER() OVER deal AS position,
                           COUNT(t.id) OVER (PARTITION BY w.id) AS touch_count,
                           POWER(2.0, -GREATEST(EXTRACT(EPOCH FROM (w.date_won - t.date))
                                 / 86400.0, 0) / (SELECT days FROM half_life)) AS decay
                      FROM won w
                      LEFT JOIN crm_touchpoint t ON t.lead_id = w.id AND t.date <= w.date_won
                    WINDOW deal AS (PARTITION BY w.id ORDER BY t.date, t.id)
                )
                SELECT ROW_NUMBER() OVER (ORDER BY lead_id, position) AS id,
                       lead_id, touchpoint_id, date, date_won, channel, campaign_id,
                       source_id, medium_id, user_id, team_id, company_id, position,
                       touch_count, revenue AS deal_revenue,
                       CASE WHEN position = 1 THEN revenue ELSE 0 END AS first_touch_revenue,
                       CASE WHEN position = GREATEST(touch_count, 1) THEN revenue ELSE 0 END
                           AS last_touch_revenue,
                       revenue / GREATEST(touch_count, 1) AS linear_revenue,
                       revenue * CASE
                           WHEN touch_count <= 2 THEN 1.0 / GREATEST(touch_count, 1)
                           WHEN position = 1 OR position = touch_count THEN 0.4
                           ELSE 0.2 / (touch_count - 2) END AS u_shaped_revenue,
                       CASE WHEN touch_count = 0 THEN revenue
                            ELSE revenue * decay / SUM(decay) OVER (PARTITION BY lead_id)
                       END AS time_decay_revenue
                  FROM touches
                )
                """,
                table=SQL.identifier(self._table),
                param=HALF_LIFE_PARAM,
            )
        )
