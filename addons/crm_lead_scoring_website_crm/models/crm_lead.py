# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Page visits in the engagement score of a lead: the views of the website pages by the
visitors linked to the lead (``visitor_ids``, set when a visitor sends a website form).

* full recompute: one more INSERT into the recompute's temporary table, for every page visit
  rule and every lead of the batch at once, with the same counting, cap and decay SQL as the
  touchpoint rules;
* a page view of a linked visitor: one query finds the visitor's open leads, then the view is
  added like a touchpoint (lock, atomic upsert, totals refresh);
* a visitor linked to or unlinked from a lead, or page views moved or deleted: the leads
  concerned are rescored set-based.

While no page visit rule is active, page views and visitor links cost no query at all.
"""

from collections import Counter

from odoo import api, models
from odoo.tools import SQL

from odoo.addons.crm_lead_scoring.models.crm_lead_scoring import (
    FIT_TRIGGER_FIELDS,
    _cap_sql,
    _decay_sql,
)

from ..tools.page_visit import url_matches
from .crm_scoring_rule import PAGE_VISIT


class CrmLead(models.Model):
    _inherit = "crm.lead"

    def write(self, vals):
        res = super().write(vals)
        if (
            "visitor_ids" in vals
            and not self.env.context.get("crm_lead_scoring_skip")
            and self._score_page_visit_rules()
            # the suite's own write rescores on these already
            and not set(vals) & (self._score_fit_fields() | FIT_TRIGGER_FIELDS)
        ):
            self.sudo()._score_recompute()
        return res

    @api.model
    def _score_page_visit_rules(self):
        """The active page visit rules, as plain dicts (from the suite's cached rules)."""
        return tuple(
            rule for rule in self._score_engagement_rules() if rule["channel"] == PAGE_VISIT
        )

    def _score_flush(self):
        res = super()._score_flush()
        self.env["website.visitor"].flush_model(["lead_ids"])
        self.env["website.track"].flush_model()
        return res

    def _score_visitor_relation(self):
        field = self.env["crm.lead"]._fields["visitor_ids"]
        return (
            SQL.identifier(field.relation),
            SQL.identifier(field.column1),
            SQL.identifier(field.column2),
        )

    # ------------------------------------------------------------------ full recompute
    @api.model
    def _score_rebuild_engagement(self, lead_ids, rule_ids, now):
        """Touchpoint rules as the suite computes them, then page visit rules: the page views
        of the visitors linked to each lead, every rule at once, into the temporary table."""
        res = super()._score_rebuild_engagement(lead_ids, rule_ids, now)
        rel, lead_col, visitor_col = self._score_visitor_relation()
        value = SQL("SUM(h.points * %s)", _decay_sql("h", SQL("h.last_date"), SQL("h.date")))
        self.env.cr.execute(
            SQL(
                """
                WITH r AS (
                    SELECT id, company_id, points, count_mode, max_points, decay,
                           half_life_days, lower(COALESCE(page_url, '')) AS pattern
                      FROM crm_scoring_rule
                     WHERE id = ANY(%(rule_ids)s) AND channel = %(page_visit)s
                ), h AS (
                    SELECT l.id AS lead_id, r.id AS rule_id, r.points, r.count_mode,
                           r.max_points, r.decay, r.half_life_days, t.visit_datetime AS date,
                           MAX(t.visit_datetime) OVER (PARTITION BY l.id, r.id) AS last_date
                      FROM crm_lead l
                      JOIN %(rel)s lv ON lv.%(lead_col)s = l.id
                      JOIN website_track t ON t.visitor_id = lv.%(visitor_col)s
                                          AND t.url IS NOT NULL AND t.url != ''
                      JOIN r ON (r.company_id IS NULL OR r.company_id = l.company_id)
                            AND strpos(lower(t.url), r.pattern) > 0
                     WHERE l.id = ANY(%(ids)s)
                ), agg AS (
                    SELECT h.lead_id, h.rule_id, h.last_date, COUNT(*) AS occurrences,
                           h.count_mode, h.points, h.max_points, h.decay, h.half_life_days,
                           %(value)s AS total
                      FROM h
                     GROUP BY h.lead_id, h.rule_id, h.last_date, h.count_mode, h.points,
                              h.max_points, h.decay, h.half_life_days
                ), val AS (
                    SELECT agg.*,
                           CASE WHEN agg.count_mode = 'once' THEN agg.points::float8
                                ELSE %(capped)s END AS value
                      FROM agg
                )
                INSERT INTO crm_lead_score_new
                SELECT val.lead_id, val.rule_id, 'engagement', val.value,
                       ROUND((val.value * %(decay_now)s)::numeric, 2), val.last_date,
                       val.occurrences
                  FROM val
                """,
                ids=lead_ids,
                rule_ids=rule_ids,
                page_visit=PAGE_VISIT,
                rel=rel,
                lead_col=lead_col,
                visitor_col=visitor_col,
                value=value,
                capped=_cap_sql("agg", SQL("agg.total")),
                decay_now=_decay_sql("val", SQL("%s", now), SQL("val.last_date")),
            )
        )
        return res

    # ------------------------------------------------------------------ events
    @api.model
    def _score_register_page_visits(self, visits):
        """Count new page views in the engagement score of the open leads of their visitors.

        ``visits``: ``(visitor_id, url, date)``; a ``date`` of ``None`` stands for the
        database's current time, which is what the website's tracking query stamps its views
        with. One query finds the leads; when no lead has a rule twice, the views are added
        incrementally, otherwise (a batch of views of one visitor) the leads are rescored
        set-based: either way the number of queries does not grow with the views.
        """
        rules = self._score_page_visit_rules()
        visits = [visit for visit in visits if visit[1]]
        if not rules or not visits:
            return
        self._score_flush()
        rel, lead_col, visitor_col = self._score_visitor_relation()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT lv.%(visitor_col)s, l.id, l.company_id, now() AT TIME ZONE 'UTC'
                  FROM %(rel)s lv
                  JOIN crm_lead l ON l.id = lv.%(lead_col)s
                  LEFT JOIN crm_stage s ON s.id = l.stage_id
                 WHERE lv.%(visitor_col)s = ANY(%(visitor_ids)s)
                   AND l.active AND NOT COALESCE(s.is_won, FALSE)
                """,
                rel=rel,
                lead_col=lead_col,
                visitor_col=visitor_col,
                visitor_ids=sorted({visitor_id for visitor_id, _url, _date in visits}),
            )
        )
        if not rows:
            return
        db_now = rows[0][3]
        leads_of = {}
        for visitor_id, lead_id, company_id, _now in rows:
            leads_of.setdefault(visitor_id, []).append((lead_id, company_id))
        events = [
            (lead_id, rule["id"], date or db_now)
            for visitor_id, url, date in visits
            for lead_id, company_id in leads_of.get(visitor_id, ())
            for rule in rules
            if (not rule["company_id"] or rule["company_id"] == company_id)
            and url_matches(rule["page_url"], url)
        ]
        if not events:
            return
        pairs = Counter((lead_id, rule_id) for lead_id, rule_id, _date in events)
        if max(pairs.values()) > 1:
            self.browse(sorted({lead_id for lead_id, _rule in pairs}))._score_recompute()
        else:
            self._score_add_events(events)
