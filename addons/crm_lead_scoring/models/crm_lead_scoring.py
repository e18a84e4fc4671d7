# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Explainable lead scoring: fit and engagement scores, grade, temperature and their lifecycle.

Scores are derived data, written by set-based SQL:

* a full recompute (rules or thresholds changed, a lead's fit fields changed) rebuilds the
  breakdown lines of a batch of open leads with one INSERT for all fit rules (each rule's
  domain compiled once by ``_search``) and one INSERT for all engagement rules (touchpoints
  matched in SQL), then refreshes the totals;
* an event (a touchpoint) adds to the lines of its lead with an atomic upsert
  (``ON CONFLICT ... DO UPDATE SET points = points * decay + %s``) after locking the lead row,
  so concurrent events never lose points;
* the nightly cron only refreshes totals: decayed points are recomputed from each line's last
  event, so decay needs no event.

The totals refresh is one statement that also grades the lead and sets its temperature from
its team's thresholds; what changed comes back (``RETURNING``) and drives the chatter notes,
the MQL hand-off and the activity for hot leads.
"""

import contextlib
import logging
from collections import defaultdict

from markupsafe import Markup

from odoo import _, api, fields, models, tools
from odoo.osv import expression
from odoo.tools import SQL, split_every

from ..tools import scoring

_logger = logging.getLogger(__name__)

SCORE_FIELDS = [
    "score_fit",
    "score_engagement",
    "score_total",
    "fit_grade",
    "temperature",
    "score_date",
]
BATCH_SIZE = 25000
NOTIFY_LIST_SIZE = 50
# Fields whose change may change which fit rules apply, on top of those the rules name.
FIT_TRIGGER_FIELDS = {"team_id", "partner_id", "company_id", "active", "stage_id"}


def _decay_sql(rule, later, earlier):
    """SQL factor that decays points earned at ``earlier`` as seen at ``later``."""
    return SQL(
        "CASE WHEN %(r)s.decay AND %(r)s.half_life_days > 0 THEN power(0.5, GREATEST("
        "EXTRACT(EPOCH FROM (%(later)s - %(earlier)s)) / 86400.0, 0) / %(r)s.half_life_days) "
        "ELSE 1 END",
        r=SQL.identifier(rule),
        later=later,
        earlier=earlier,
    )


def _cap_sql(rule, value):
    """SQL bounding ``value`` by the cap of ``each`` rules (``once`` rules have no cap)."""
    return SQL(
        "CASE WHEN %(r)s.count_mode = 'each' AND COALESCE(%(r)s.max_points, 0) > 0 "
        "THEN GREATEST(-%(r)s.max_points, LEAST(%(r)s.max_points, %(v)s)) ELSE %(v)s END",
        r=SQL.identifier(rule),
        v=value,
    )


def _current_points_sql(rule, line, now):
    """SQL of what an engagement line gives today: its running total decayed from its last
    event to ``now``, then capped (``scoring.current_value``), rounded to cents."""
    decayed = SQL(
        "%(line)s.points * %(decay)s",
        line=SQL.identifier(line),
        decay=_decay_sql(rule, now, SQL.identifier(line, "points_date")),
    )
    return SQL("ROUND((%s)::numeric, 2)::float8", _cap_sql(rule, decayed))


class CrmLead(models.Model):
    _inherit = "crm.lead"

    score_fit = fields.Integer(
        "Fit Score",
        readonly=True,
        copy=False,
        aggregator="avg",
        help="Points of the fit rules the lead and its contact match. Glossary: Lead scoring.",
    )
    score_engagement = fields.Integer(
        "Engagement Score",
        readonly=True,
        copy=False,
        aggregator="avg",
        help="Points of the lead's touchpoints, decayed with time. Glossary: Lead scoring.",
    )
    score_total = fields.Integer(
        "Score",
        readonly=True,
        copy=False,
        index=True,
        aggregator="avg",
        help="Fit plus engagement score: drives temperature, MQL and assignment. "
        "Glossary: Scoring rules / lead scoring.",
    )
    fit_grade = fields.Selection(
        [("A", "A"), ("B", "B"), ("C", "C"), ("D", "D")],
        readonly=True,
        copy=False,
        index=True,
        help="How well the lead fits the ideal customer, from the fit score and the team's "
        "grade bands. Glossary: Lead scoring.",
    )
    # Core's temperature, now computed from the score. A hand-set value stays until the score
    # (or the team, or its thresholds) changes; the set-based refresh follows the same rule.
    temperature = fields.Selection(compute="_compute_temperature", store=True, readonly=False)
    score_date = fields.Datetime(
        "Score Changed On", readonly=True, copy=False, help="When the score last changed."
    )
    score_line_ids = fields.One2many(
        "crm.lead.score.line", "lead_id", "Score Breakdown", readonly=True
    )

    @api.depends("score_total", "team_id")
    def _compute_temperature(self):
        for lead in self:
            thresholds = lead.team_id._score_thresholds()
            lead.temperature = scoring.temperature(
                lead.score_total, thresholds["warm"], thresholds["hot"]
            )

    # ------------------------------------------------------------------ triggers
    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads._score_recompute()
        return leads

    def write(self, vals):
        res = super().write(vals)
        if not self.env.context.get("crm_lead_scoring_skip") and (
            set(vals) & (self._score_fit_fields() | FIT_TRIGGER_FIELDS)
        ):
            self._score_recompute(force_temperature="team_id" in vals)
        return res

    @api.model
    @tools.ormcache()
    def _score_fit_fields(self):
        """Lead fields named by the active fit rules (first step of each path)."""
        names = set()
        for rule in self.env["crm.scoring.rule"].sudo().search([("rule_type", "=", "fit")]):
            for leaf in rule._fit_domain():
                if isinstance(leaf, list | tuple):
                    names.add(str(leaf[0]).split(".")[0])
        return frozenset(names)

    @api.model
    @tools.ormcache()
    def _score_engagement_rules(self):
        """Active engagement rules as plain dicts (cached; cleared when a rule changes)."""
        rules = self.env["crm.scoring.rule"].sudo().search([("rule_type", "=", "engagement")])
        return tuple(rule._match_values() for rule in rules)

    @api.model
    def _score_rules_changed(self):
        """Rules changed: every open lead is rescored, now when few, else by the cron."""
        self.env.registry.clear_cache()
        limit = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("crm_lead_scoring.sync_recompute_limit", 10000)
        )
        if self.sudo().search_count(self._score_open_domain(), limit=limit + 1) <= limit:
            self._score_recompute(domain=[], force_temperature=True)
        else:
            self.env.ref("crm_lead_scoring.ir_cron_score_full_recompute")._trigger()

    # ------------------------------------------------------------------ scope
    @api.model
    def _score_open_domain(self):
        return [
            "&",
            ("active", "=", True),
            "|",
            ("stage_id", "=", False),
            ("stage_id.is_won", "=", False),
        ]

    def _score_open_ids(self, domain=None):
        """Ids of the open leads of ``self`` (or matching ``domain``), ordered."""
        scope = self._score_open_domain()
        if domain is not None:
            scope = expression.AND([scope, domain])
        else:
            scope = expression.AND([scope, [("id", "in", self.ids)]])
        query = self.sudo().with_context(active_test=False)._search(scope, order="id")
        return [row[0] for row in self.env.execute_query(query.select())]

    # ------------------------------------------------------------------ full recompute
    def _score_recompute(self, domain=None, force_temperature=False, batch_size=BATCH_SIZE):
        """Rebuild the score of the open leads of ``self`` (or of ``domain``), in batches.

        ``force_temperature``: set the temperature from the score even where the score did not
        change (thresholds changed), overriding a hand-set temperature.
        """
        if domain is None and not self:
            return
        lead_ids = self._score_open_ids(domain)
        if not lead_ids:
            return
        self._score_flush()
        rules = self.env["crm.scoring.rule"].sudo().search([])
        fit_rules = rules.filtered(lambda rule: rule.rule_type == "fit")
        engagement_rules = rules - fit_rules
        fit_queries = self._score_fit_queries(fit_rules)
        done = 0
        with self._score_without_jit(len(lead_ids)):
            for batch in split_every(batch_size, lead_ids, list):
                self._score_rebuild_lines(batch, fit_queries, engagement_rules)
                self._score_refresh(batch, force_temperature=force_temperature, rebuilt=True)
                done += len(batch)
                self.env["ir.cron"]._notify_progress(done=done, remaining=len(lead_ids) - done)

    @contextlib.contextmanager
    def _score_without_jit(self, size):
        """Batches of set-based scoring SQL run without PostgreSQL's JIT compilation.

        Their plans are estimated far above ``jit_above_cost`` (common table expressions joined
        several times), so PostgreSQL would compile each statement, which costs more than it
        runs. The setting is put back afterwards, for the rest of the transaction.
        """
        if size < 1000:
            yield
            return
        cr = self.env.cr
        cr.execute("SELECT current_setting('jit')")
        previous = cr.fetchone()[0]
        cr.execute("SELECT set_config('jit', 'off', true)")
        yield
        # (after an error the transaction is rolled back, and the setting with it)
        cr.execute("SELECT set_config('jit', %s, true)", [previous])

    def _score_flush(self):
        self.env["crm.lead"].flush_model()
        self.env["crm.touchpoint"].flush_model()
        self.env["crm.scoring.rule"].flush_model()
        self.env["crm.team"].flush_model()
        self.env["crm.lead.score.line"].flush_model()

    @api.model
    def _score_fit_queries(self, fit_rules):
        """Each fit rule's domain compiled once (``_search``), as ``(rule, query)``; rules that
        can match nothing are left out."""
        Lead = self.sudo().with_context(active_test=False)
        queries = []
        for rule in fit_rules:
            domain = rule._fit_domain()
            if rule.company_id:
                domain = expression.AND(
                    [domain, [("company_id", "in", [rule.company_id.id, False])]]
                )
            query = Lead._search(domain)
            if not query.is_empty():
                queries.append((rule, query))
        return queries

    @api.model
    def _score_fit_select(self, rule, low, high):
        """SELECT (lead id, rule id, points) of the leads with ids in [low, high] the rule
        matches: the rule's domain is compiled with the range, once for the whole batch."""
        domain = expression.AND(
            [rule._fit_domain(), [("id", ">=", low), ("id", "<=", high)]]
            + ([[("company_id", "in", [rule.company_id.id, False])]] if rule.company_id else [])
        )
        query = self.sudo().with_context(active_test=False)._search(domain)
        return query.select(
            SQL.identifier(query.table, "id"), SQL("%s", rule.id), SQL("%s::float8", rule.points)
        )

    @api.model
    def _score_fit_insert(self, fit_queries, lead_ids):
        """Fit lines of ``lead_ids`` (sorted) into the temporary table.

        The conditions that need no join (the usual case: ``_search`` turns paths into
        subqueries) are evaluated together in one pass over the batch's leads; the others
        (a domain whose compilation joins another table) are selected one by one.
        """
        single, joined = [], []
        for rule, query in fit_queries:
            # pylint: disable=protected-access
            if query._joins:
                joined.append((rule, query))
            else:
                condition = query.where_clause or SQL("TRUE")
                single.append(SQL("(%s, %s::float8, %s)", rule.id, rule.points, condition))
        low, high = lead_ids[0], lead_ids[-1]
        selects = []
        if single:
            selects.append(
                SQL(
                    """
                    SELECT %(table)s.id, v.rule_id, v.points
                      FROM %(table)s, LATERAL (VALUES %(conditions)s) AS v(rule_id, points, ok)
                     WHERE %(table)s.id BETWEEN %(low)s AND %(high)s AND v.ok
                    """,
                    table=SQL.identifier(self._table),
                    conditions=SQL(", ").join(single),
                    low=low,
                    high=high,
                )
            )
        for rule, _query in joined:
            selects.append(self._score_fit_select(rule, low, high))
        if not selects:
            return
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO crm_lead_score_new
                SELECT s.lead_id, s.rule_id, 'fit', s.points, s.points, NULL, 1
                  FROM (%(union)s) AS s(lead_id, rule_id, points)
                 WHERE s.lead_id = ANY(%(ids)s) AND s.lead_id BETWEEN %(low)s AND %(high)s
                """,
                ids=lead_ids,
                low=low,
                high=high,
                union=SQL(" UNION ALL ").join(SQL("(%s)", select) for select in selects),
            )
        )

    @api.model
    def _score_rebuild_lines(self, lead_ids, fit_queries, engagement_rules):
        """Bring the breakdown lines of ``lead_ids`` (sorted) in line with the rules.

        What the rules give now is computed into a temporary table, then only the differences
        are written: lines that no longer apply are deleted, new or changed ones upserted.
        """
        cr = self.env.cr
        cr.execute(
            """
            CREATE TEMPORARY TABLE IF NOT EXISTS crm_lead_score_new (
                lead_id int, rule_id int, rule_type varchar, points float8,
                current_points float8, points_date timestamp, occurrences int
            ) ON COMMIT DROP
            """
        )
        cr.execute("TRUNCATE crm_lead_score_new")
        now = fields.Datetime.now()
        self._score_fit_insert(fit_queries, lead_ids)
        if engagement_rules:
            self._score_rebuild_engagement(lead_ids, engagement_rules.ids, now)
        # A temporary table has no statistics until analyzed: without them the joins below
        # are planned for a handful of rows instead of a batch of lines.
        cr.execute("ANALYZE crm_lead_score_new")
        # The stored lines of the batch, read once by index range; only the lines that are
        # new or differ go through the upsert, the others are left untouched. Rebuilt lines
        # are the engine's, with no author: that spares two foreign-key checks per line.
        stored = SQL(
            """
            SELECT lead_id, rule_id, points, current_points, points_date, occurrences
              FROM crm_lead_score_line
             WHERE lead_id = ANY(%(ids)s) AND lead_id BETWEEN %(low)s AND %(high)s
            """,
            ids=lead_ids,
            low=lead_ids[0],
            high=lead_ids[-1],
        )
        cr.execute(
            SQL(
                """
                DELETE FROM crm_lead_score_line ln
                 WHERE ln.lead_id = ANY(%(ids)s) AND ln.lead_id BETWEEN %(low)s AND %(high)s
                   AND NOT EXISTS (SELECT 1 FROM crm_lead_score_new n
                                    WHERE n.lead_id = ln.lead_id AND n.rule_id = ln.rule_id)
                """,
                ids=lead_ids,
                low=lead_ids[0],
                high=lead_ids[-1],
            )
        )
        cr.execute(
            SQL(
                """
                INSERT INTO crm_lead_score_line AS ln (lead_id, rule_id, rule_type, points,
                    current_points, points_date, occurrences, create_date, write_date)
                SELECT n.lead_id, n.rule_id, n.rule_type, n.points, n.current_points,
                       n.points_date, n.occurrences, %(now)s, %(now)s
                  FROM crm_lead_score_new n
                  LEFT JOIN (%(stored)s) o ON o.lead_id = n.lead_id AND o.rule_id = n.rule_id
                 WHERE o.lead_id IS NULL
                    OR (o.points, o.current_points, o.points_date, o.occurrences)
                       IS DISTINCT FROM (n.points, n.current_points, n.points_date, n.occurrences)
                ON CONFLICT (lead_id, rule_id) DO UPDATE
                   SET points = EXCLUDED.points, current_points = EXCLUDED.current_points,
                       points_date = EXCLUDED.points_date, occurrences = EXCLUDED.occurrences,
                       write_uid = NULL, write_date = EXCLUDED.write_date
                """,
                stored=stored,
                now=now,
            )
        )

    @api.model
    def _score_rebuild_engagement(self, lead_ids, rule_ids, now):
        """Engagement lines of ``lead_ids`` from their touchpoints (and their customer's
        touchpoints not tied to a lead), every rule at once, into the temporary table."""
        value = SQL("SUM(h.points * %s)", _decay_sql("h", SQL("h.last_date"), SQL("h.date")))
        self.env.cr.execute(
            SQL(
                """
                WITH batch AS (
                    SELECT l.id AS lead_id, l.company_id, p.commercial_partner_id
                      FROM crm_lead l LEFT JOIN res_partner p ON p.id = l.partner_id
                     WHERE l.id = ANY(%(ids)s)
                ), tp AS (
                    SELECT b.lead_id, b.company_id, t.channel, t.direction, t.activity_type_id,
                           t.res_model, t.is_reply, t.date
                      FROM batch b JOIN crm_touchpoint t ON t.lead_id = b.lead_id
                    UNION ALL
                    SELECT b.lead_id, b.company_id, t.channel, t.direction, t.activity_type_id,
                           t.res_model, t.is_reply, t.date
                      FROM batch b
                      JOIN crm_touchpoint t ON t.commercial_partner_id = b.commercial_partner_id
                                            AND t.lead_id IS NULL
                ), h AS (
                    SELECT tp.lead_id, r.id AS rule_id, r.points, r.count_mode, r.max_points,
                           r.decay, r.half_life_days, tp.date,
                           MAX(tp.date) OVER (PARTITION BY tp.lead_id, r.id) AS last_date
                      FROM tp
                      JOIN crm_scoring_rule r
                        ON r.id = ANY(%(rule_ids)s)
                       AND (r.company_id IS NULL OR r.company_id = tp.company_id)
                       AND (r.channel IS NULL OR r.channel = tp.channel)
                       AND (r.direction IS NULL OR r.direction = tp.direction)
                       AND (r.activity_type_id IS NULL OR r.activity_type_id = tp.activity_type_id)
                       AND (r.document_model IS NULL OR r.document_model = tp.res_model)
                       AND (r.replies_only IS NOT TRUE OR tp.is_reply)
                ), agg AS (
                    SELECT h.lead_id, h.rule_id, h.last_date, COUNT(*) AS occurrences,
                           h.count_mode, h.points, h.max_points, h.decay, h.half_life_days,
                           %(value)s AS total
                      FROM h
                     GROUP BY h.lead_id, h.rule_id, h.last_date, h.count_mode, h.points,
                              h.max_points, h.decay, h.half_life_days
                ), val AS (
                    SELECT agg.lead_id, agg.rule_id, agg.occurrences, agg.count_mode,
                           agg.max_points, agg.decay, agg.half_life_days,
                           agg.last_date AS points_date,
                           CASE WHEN agg.count_mode = 'once' THEN agg.points::float8
                                ELSE agg.total END AS points
                      FROM agg
                )
                INSERT INTO crm_lead_score_new
                SELECT val.lead_id, val.rule_id, 'engagement', val.points, %(current)s,
                       val.points_date, val.occurrences
                  FROM val
                """,
                ids=lead_ids,
                rule_ids=rule_ids,
                value=value,
                current=_current_points_sql("val", "val", SQL("%s", now)),
            )
        )

    # ------------------------------------------------------------------ totals
    @api.model
    def _score_refresh(self, lead_ids, force_temperature=False, rebuilt=False):
        """Decay the lines of ``lead_ids``, then set their scores, grade and temperature in one
        statement, and act on what changed. Returns the changed rows.

        ``rebuilt``: the lines were just rebuilt (``_score_rebuild_lines``) with today's
        values, which the temporary table still holds: the totals are summed from there
        instead of reading and decaying the lines again.
        """
        now = fields.Datetime.now()
        d = scoring.DEFAULT_THRESHOLDS
        if rebuilt:
            lines = SQL(
                """
                lines AS (
                    SELECT n.lead_id, n.rule_type, n.current_points FROM crm_lead_score_new n
                ), """
            )
        else:
            lines = SQL(
                """
                lines AS (
                    SELECT ln.id, ln.lead_id, ln.rule_type, ln.current_points AS stored,
                           CASE WHEN ln.rule_type = 'engagement' THEN %(current)s
                                ELSE ln.points END AS current_points
                      FROM crm_lead_score_line ln
                      JOIN crm_scoring_rule r ON r.id = ln.rule_id
                     WHERE ln.lead_id = ANY(%(ids)s)
                ), decayed AS (
                    UPDATE crm_lead_score_line ln SET current_points = lines.current_points
                      FROM lines
                     WHERE ln.id = lines.id AND lines.stored IS DISTINCT FROM lines.current_points
                ), """,
                current=_current_points_sql("r", "ln", SQL("%s", now)),
                ids=list(lead_ids),
            )
        self.env.cr.execute(
            SQL(
                """
                WITH %(lines)s sums AS (
                    SELECT lead_id,
                           ROUND(SUM(CASE WHEN rule_type = 'fit' THEN current_points ELSE 0 END))
                               AS fit,
                           ROUND(SUM(CASE WHEN rule_type = 'engagement'
                                          THEN current_points ELSE 0 END)) AS engagement
                      FROM lines GROUP BY lead_id
                ), old AS (
                    SELECT l.id, l.team_id, l.score_fit, l.score_engagement, l.score_total,
                           l.fit_grade, l.temperature, l.qualification_status
                      FROM crm_lead l
                     WHERE l.id = ANY(%(ids)s) AND l.id BETWEEN %(low)s AND %(high)s
                ), new AS (
                    SELECT old.id, COALESCE(s.fit, 0)::int AS fit,
                           COALESCE(s.engagement, 0)::int AS engagement,
                           (COALESCE(s.fit, 0) + COALESCE(s.engagement, 0))::int AS total,
                           COALESCE(tm.score_mql_threshold, %(mql)s) AS mql,
                           COALESCE(tm.score_warm_threshold, %(warm)s) AS warm,
                           COALESCE(tm.score_hot_threshold, %(hot)s) AS hot,
                           COALESCE(tm.score_grade_a, %(ga)s) AS ga,
                           COALESCE(tm.score_grade_b, %(gb)s) AS gb,
                           COALESCE(tm.score_grade_c, %(gc)s) AS gc
                      FROM old
                      LEFT JOIN sums s ON s.lead_id = old.id
                      LEFT JOIN crm_team tm ON tm.id = old.team_id
                ), target AS (
                    SELECT new.*,
                           CASE WHEN new.fit >= new.ga THEN 'A' WHEN new.fit >= new.gb THEN 'B'
                                WHEN new.fit >= new.gc THEN 'C' ELSE 'D' END AS grade,
                           CASE WHEN %(force)s OR old.score_total IS DISTINCT FROM new.total
                                THEN CASE WHEN new.total >= new.hot THEN 'hot'
                                          WHEN new.total >= new.warm THEN 'warm'
                                          ELSE 'cold' END
                                ELSE old.temperature END AS temperature
                      FROM new JOIN old ON old.id = new.id
                )
                UPDATE crm_lead l
                   SET score_fit = t.fit, score_engagement = t.engagement, score_total = t.total,
                       fit_grade = t.grade, temperature = t.temperature,
                       score_date = CASE WHEN old.score_total IS DISTINCT FROM t.total
                                         THEN %(now)s ELSE l.score_date END
                  FROM target t JOIN old ON old.id = t.id
                 WHERE l.id = t.id
                   AND (old.score_fit IS DISTINCT FROM t.fit
                        OR old.score_engagement IS DISTINCT FROM t.engagement
                        OR old.fit_grade IS DISTINCT FROM t.grade
                        OR old.temperature IS DISTINCT FROM t.temperature
                        -- thresholds or rules changed: raw leads already above the MQL score
                        OR (%(force)s AND old.qualification_status = 'raw' AND t.total >= t.mql))
             RETURNING l.id, old.temperature, l.temperature, COALESCE(old.score_total, 0),
                       l.score_total, l.qualification_status, l.team_id, l.user_id, t.mql
                """,
                lines=lines,
                ids=list(lead_ids),
                # the range lets PostgreSQL read the batch by index instead of every lead
                low=min(lead_ids),
                high=max(lead_ids),
                force=bool(force_temperature),
                now=now,
                mql=d["mql"],
                warm=d["warm"],
                hot=d["hot"],
                ga=d["grade_a"],
                gb=d["grade_b"],
                gc=d["grade_c"],
            )
        )
        rows = self.env.cr.fetchall()
        self.env["crm.lead.score.line"].invalidate_model()
        if rows:
            self.env["crm.lead"].invalidate_model(SCORE_FIELDS)
            self._score_lifecycle(rows, force_mql=force_temperature)
        return rows

    @api.model
    def _score_lifecycle(self, rows, force_mql=False):
        """Chatter notes for temperature changes, MQL hand-off (team told) and an activity for
        the owner of each lead that became hot.

        A raw lead becomes MQL when its score reaches the MQL threshold, and, when the rules or
        thresholds changed (``force_mql``), when it is at or above it.
        """
        Lead = self.env["crm.lead"].sudo().with_context(crm_lead_scoring_skip=True)
        labels = dict(self._fields["temperature"]._description_selection(self.env))
        notes, to_mql, hot = {}, defaultdict(list), []
        for lead_id, old_temp, new_temp, old_total, total, status, team_id, user_id, mql in rows:
            # a first score is not a change: no note for leads that had no temperature yet
            if old_temp and new_temp and old_temp != new_temp:
                notes[lead_id] = Markup("<p>%s</p>") % _(
                    "Temperature: %(old)s → %(new)s (score %(old_score)s → %(score)s).",
                    old=labels[old_temp],
                    new=labels[new_temp],
                    old_score=old_total,
                    score=total,
                )
            if new_temp == "hot" and old_temp != "hot" and user_id:
                hot.append((lead_id, user_id, total))
            if status == "raw" and total >= mql and (old_total < mql or force_mql):
                to_mql[team_id].append(lead_id)
        if notes:
            Lead.browse(list(notes))._message_log_batch(bodies=notes)
        for team_id, lead_ids in to_mql.items():
            leads = Lead.browse(lead_ids)
            leads._set_qualification_status("mql")
            if team_id:
                self._score_notify_team(self.env["crm.team"].sudo().browse(team_id), leads)
        if hot:
            self._score_schedule_hot_activities(hot)

    @api.model
    def _score_notify_team(self, team, leads):
        partners = (team.member_ids | team.user_id).partner_id
        # A rescore after a rule change can promote thousands of leads: list the first ones.
        shown = leads[:NOTIFY_LIST_SIZE]
        items = Markup("").join(
            Markup('<li><a href="#" data-oe-model="crm.lead" data-oe-id="%s">%s</a> (%s)</li>')
            % (lead.id, lead.display_name, lead.score_total)
            for lead in shown
        )
        if len(leads) > len(shown):
            items += Markup("<li>%s</li>") % _("and %s more", len(leads) - len(shown))
        team.message_post(
            body=Markup("<p>%s</p><ul>%s</ul>")
            % (_("These leads reached the MQL score and are ready for sales:"), items),
            subject=_("New marketing qualified leads"),
            partner_ids=partners.ids,
            subtype_xmlid="mail.mt_note",
        )

    @api.model
    def _score_schedule_hot_activities(self, hot):
        """A to-do for the salesperson of each lead that turned hot, unless the salesperson
        already has an activity planned on it (a lead going hot, cold and hot again does not
        pile up to-dos)."""
        Activity = self.env["mail.activity"].sudo()
        planned = {
            (activity["res_id"], activity["user_id"][0])
            for activity in Activity.search_read(
                [
                    ("res_model", "=", "crm.lead"),
                    ("res_id", "in", [lead_id for lead_id, _user, _total in hot]),
                    ("user_id", "in", list({user_id for _lead, user_id, _total in hot})),
                ],
                ["res_id", "user_id"],
            )
        }
        hot = [row for row in hot if (row[0], row[1]) not in planned]
        if not hot:
            return
        activity_type = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        model_id = self.env["ir.model"]._get_id("crm.lead")
        today = fields.Date.context_today(self)
        summary = _("Hot lead (score %s): contact it today")
        Activity.with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": lead_id,
                    "activity_type_id": activity_type.id if activity_type else False,
                    "user_id": user_id,
                    "date_deadline": today,
                    "summary": summary % total,
                }
                for lead_id, user_id, total in hot
            ]
        )

    # ------------------------------------------------------------------ events
    @api.model
    def _score_register_touchpoints(self, touchpoints):
        """Count new touchpoints in the engagement score of their leads, incrementally."""
        rules = self._score_engagement_rules()
        if not rules or not touchpoints:
            return
        partner_tps = touchpoints.filtered(lambda tp: not tp.lead_id and tp.commercial_partner_id)
        partner_leads = defaultdict(list)
        if partner_tps:
            domain = expression.AND(
                [
                    self._score_open_domain(),
                    [("partner_id", "child_of", partner_tps.commercial_partner_id.ids)],
                ]
            )
            for lead in self.sudo().search(domain):
                partner_leads[lead.partner_id.commercial_partner_id.id].append(lead)
        events = []
        for tp in touchpoints:
            values = {
                "channel": tp.channel,
                "direction": tp.direction,
                "activity_type_id": tp.activity_type_id.id,
                "res_model": tp.res_model,
                "is_reply": tp.is_reply,
            }
            leads = [tp.lead_id] if tp.lead_id else partner_leads[tp.commercial_partner_id.id]
            for rule in rules:
                if not scoring.touchpoint_matches(rule, values):
                    continue
                for lead in leads:
                    if not rule["company_id"] or rule["company_id"] == lead.company_id.id:
                        events.append((lead.id, rule["id"], tp.date))
        if events:
            self._score_add_events(events)

    @api.model
    def _score_add_events(self, events):
        """Add events ``(lead_id, rule_id, date)``: lock the leads, upsert their lines
        atomically, refresh their totals."""
        self._score_flush()
        cr = self.env.cr
        lead_ids = sorted({lead_id for lead_id, _rule, _date in events})
        # The lock serializes concurrent events on one lead: the second waits, then adds to
        # what the first committed (or retries, under REPEATABLE READ), never over it.
        cr.execute(
            SQL(
                """
                SELECT l.id FROM crm_lead l LEFT JOIN crm_stage s ON s.id = l.stage_id
                 WHERE l.id = ANY(%s) AND l.active AND NOT COALESCE(s.is_won, FALSE)
                 ORDER BY l.id FOR UPDATE OF l
                """,
                lead_ids,
            )
        )
        open_ids = {row[0] for row in cr.fetchall()}
        # One upsert cannot touch a row twice: repeated (lead, rule) go in later rounds.
        rounds, seen = [], defaultdict(int)
        for lead_id, rule_id, date in sorted(events, key=lambda e: e[2]):
            if lead_id not in open_ids:
                continue
            n = seen[lead_id, rule_id]
            seen[lead_id, rule_id] += 1
            if n == len(rounds):
                rounds.append([])
            rounds[n].append((lead_id, rule_id, date))
        now, uid = fields.Datetime.now(), self.env.uid
        # Both sides decayed to the later of the two dates: an event counted late (older than
        # the line's last one) weighs what it weighs in a full rebuild.
        last = SQL("GREATEST(ln.points_date, EXCLUDED.points_date)")
        new_value = SQL(
            "ln.points * %s + EXCLUDED.points * %s",
            _decay_sql("r", last, SQL("ln.points_date")),
            _decay_sql("r", last, SQL("EXCLUDED.points_date")),
        )
        for events_round in rounds:
            values = SQL(", ").join(
                SQL(
                    "(%s, %s, 'engagement', (SELECT points FROM crm_scoring_rule WHERE id = %s),"
                    " 0, %s, 1, %s, %s, %s, %s)",
                    lead_id,
                    rule_id,
                    rule_id,
                    date,
                    uid,
                    uid,
                    now,
                    now,
                )
                for lead_id, rule_id, date in events_round
            )
            cr.execute(
                SQL(
                    """
                    INSERT INTO crm_lead_score_line AS ln (lead_id, rule_id, rule_type, points,
                        current_points, points_date, occurrences,
                        create_uid, write_uid, create_date, write_date)
                    VALUES %(values)s
                    ON CONFLICT (lead_id, rule_id) DO UPDATE SET
                        points = (SELECT CASE WHEN r.count_mode = 'once' THEN EXCLUDED.points
                                              ELSE %(new_value)s END
                                    FROM crm_scoring_rule r WHERE r.id = EXCLUDED.rule_id),
                        points_date = GREATEST(ln.points_date, EXCLUDED.points_date),
                        occurrences = ln.occurrences + 1,
                        write_uid = EXCLUDED.write_uid,
                        write_date = EXCLUDED.write_date
                    """,
                    values=values,
                    new_value=new_value,
                )
            )
        if rounds:
            self._score_refresh(sorted(open_ids))

    # ------------------------------------------------------------------ crons and actions
    @api.model
    def _cron_score_decay(self):
        """Nightly: decay engagement points of open leads, in batches, and act on changes."""
        lead_ids = self._score_open_ids(domain=[("score_line_ids.rule_id.decay", "=", True)])
        self._score_flush()
        done = 0
        with self._score_without_jit(len(lead_ids)):
            for batch in split_every(BATCH_SIZE, lead_ids, list):
                self._score_refresh(batch)
                done += len(batch)
                self.env["ir.cron"]._notify_progress(done=done, remaining=len(lead_ids) - done)

    @api.model
    def _cron_score_full_recompute(self):
        """Rescore every open lead (after rules changed on many leads)."""
        self._score_recompute(domain=[], force_temperature=True)

    def action_score_recompute(self):
        """Rescore the selected leads now."""
        self.check_access("write")
        self.sudo()._score_recompute(force_temperature=True)
        return True

    def action_open_score_breakdown(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Why is this lead %s?", self.score_total),
            "res_model": "crm.lead.score.line",
            "view_mode": "list",
            "domain": [("lead_id", "=", self.id)],
            "context": {"search_default_group_rule_type": 1},
        }
