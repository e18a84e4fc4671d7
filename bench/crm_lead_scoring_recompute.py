#!/usr/bin/env python3
"""Full lead-score recompute: N open leads × 30 rules (18 fit, 12 engagement).

Measures, on the same data in the same run:

* ``score_first_run``: the set-based recompute scoring every open lead for the first time
  (with its lifecycle effects: chatter notes, MQL hand-off, activities for hot leads);
* ``score_rules_changed``: the set-based recompute after a rule changed (steady state);
* ``score_decay_cron``: the nightly decay refresh;
* ``score_incremental_event``: one touchpoint on one lead;

against two baselines: a per-lead ORM loop (each rule's domain evaluated lead by lead with
``filtered_domain``, touchpoints read per lead; timed on a sample and scaled to N, since a
full loop over 200k leads takes hours) and Odoo's own predictive lead scoring cron
(``crm.lead._cron_update_automated_probabilities``) on all the leads.

The bench team's MQL threshold is set high (95): moving a raw lead to MQL goes through
``crm_glossary_core``'s ``_set_qualification_status``, one ORM write per lead (with tracking and
the partner's lifecycle), so thousands of hand-offs in one rescore measure that module rather
than the scoring.

    python3 bench/crm_lead_scoring_recompute.py --size 200000 --template tmpl_odoo
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _common import header, measure, parser, report, scratch_env

CHANNELS = ["email", "website_form", "phone", "meeting", "sms", "campaign_click", "ticket", "chat"]

FIT_RULES = [
    ("Large deal", "[('expected_revenue', '>=', 500000000)]", 25),
    (
        "Mid-size deal",
        "[('expected_revenue', '>=', 100000000), ('expected_revenue', '<', 500000000)]",
        15,
    ),
    ("Company customer", "[('partner_id.is_company', '=', True)]", 15),
    (
        "Decision maker",
        "['|', ('function', 'ilike', 'manager'), ('function', 'ilike', 'director')]",
        15,
    ),
    ("Phone given", "[('phone', '!=', False)]", 5),
    ("Email given", "[('email_from', '!=', False)]", 5),
    ("Iran", "[('country_id.code', '=', 'IR')]", 10),
    ("High priority", "[('priority', 'in', ['2', '3'])]", 10),
    ("Referred", "[('referred', '!=', False)]", 10),
    (
        "Free email",
        "['|', ('email_from', 'ilike', '@gmail.com'), ('email_from', 'ilike', '@yahoo.com')]",
        -5,
    ),
    ("Student", "[('function', 'ilike', 'student')]", -20),
    ("Tehran team", "[('team_id.name', '=', 'Bench Tehran')]", 5),
    ("Has salesperson", "[('user_id', '!=', False)]", 5),
    ("Opportunity", "[('type', '=', 'opportunity')]", 10),
    ("Recent", "[('create_date', '>=', '2020-01-01')]", 2),
    ("No contact name", "[('contact_name', '=', False)]", -5),
    ("Website source", "[('source_id.name', '=', 'Website')]", 5),
    ("Zero revenue", "[('expected_revenue', '=', 0)]", -10),
]
ENGAGEMENT_RULES = [
    ("Email received", "email", "inbound", "each", 10, 30, 14),
    ("Email sent", "email", "outbound", "each", 2, 6, 14),
    ("Website form", "website_form", "inbound", "once", 15, 0, 30),
    ("Call made", "phone", "outbound", "each", 8, 24, 14),
    ("Called in", "phone", "inbound", "each", 10, 20, 14),
    ("Meeting", "meeting", False, "each", 20, 40, 30),
    ("SMS reply", "sms", "inbound", "each", 10, 20, 14),
    ("SMS sent", "sms", "outbound", "each", 1, 3, 7),
    ("Campaign click", "campaign_click", False, "each", 5, 15, 7),
    ("Ticket opened", "ticket", "inbound", "each", -5, 15, 30),
    ("Chat", "chat", "inbound", "each", 5, 10, 7),
    ("Any inbound", False, "inbound", "once", 3, 0, 0),
]


def build(env, size):
    """Leads, partners and touchpoints by SQL (the ORM would take longer than what we measure)."""
    cr = env.cr
    company = env.company.id
    team = env["crm.team"].create(
        {"name": "Bench Tehran", "score_mql_threshold": 95, "score_hot_threshold": 95}
    )
    stage = env["crm.stage"].search([("is_won", "=", False)], limit=1).id
    won_stage = env["crm.stage"].search([("is_won", "=", True)], limit=1).id
    iran = env.ref("base.ir").id
    cr.execute(
        """
        INSERT INTO res_partner (name, is_company, active, company_id, type, create_date,
                                 write_date, autopost_bills)
        SELECT 'Bench partner ' || g, g %% 3 = 0, TRUE, %s, 'contact', now(), now(), 'ask'
          FROM generate_series(1, %s) g
        """,
        (company, max(size // 5, 1)),
    )
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id WHERE commercial_partner_id IS NULL"
    )
    cr.execute("SELECT min(id) FROM res_partner WHERE name LIKE 'Bench partner %%'")
    first_partner = cr.fetchone()[0]
    # 10 %% of the leads are closed (won or lost) so that Odoo's PLS has frequencies to learn.
    cr.execute(
        """
        INSERT INTO crm_lead (name, type, active, company_id, team_id, user_id, stage_id,
            expected_revenue, priority, phone, email_from, country_id, function, referred,
            partner_id, probability, qualification_status, create_date, write_date, date_open)
        SELECT 'Bench lead ' || g,
               CASE WHEN g %% 4 = 0 THEN 'opportunity' ELSE 'lead' END,
               g %% 20 <> 1,
               %(company)s, %(team)s, CASE WHEN g %% 3 = 0 THEN 2 END,
               CASE WHEN g %% 20 = 0 THEN %(won)s ELSE %(stage)s END,
               (g %% 50) * 20000000, ((g %% 4))::text,
               CASE WHEN g %% 2 = 0 THEN '+98 912 ' || lpad((g %% 10000000)::text, 7, '0') END,
               CASE WHEN g %% 5 = 0 THEN 'lead' || g || '@gmail.com'
                    WHEN g %% 7 <> 0 THEN 'lead' || g || '@example.ir' END,
               CASE WHEN g %% 3 <> 0 THEN %(iran)s END,
               (ARRAY['Sales Manager', 'Director', 'Student', 'Engineer', NULL])[1 + g %% 5],
               CASE WHEN g %% 11 = 0 THEN 'A customer' END,
               %(first_partner)s + (g %% %(partners)s),
               CASE WHEN g %% 20 = 0 THEN 100 WHEN g %% 20 = 1 THEN 0 ELSE 10 + g %% 60 END,
               (ARRAY['raw', 'mql', 'sal', 'sql'])[1 + g %% 4],
               now() - (g %% 300) * interval '1 day', now(), now()
          FROM generate_series(1, %(size)s) g
        """,
        {
            "company": company,
            "team": team.id,
            "won": won_stage,
            "stage": stage,
            "iran": iran,
            "first_partner": first_partner,
            "partners": max(size // 5, 1),
            "size": size,
        },
    )
    cr.execute("SELECT min(id) FROM crm_lead WHERE name LIKE 'Bench lead %%'")
    first_lead = cr.fetchone()[0]
    cr.execute(
        """
        INSERT INTO crm_touchpoint (lead_id, partner_id, commercial_partner_id, channel,
            direction, summary, date, company_id, res_model, res_id, create_date, write_date)
        SELECT l.id, l.partner_id, l.partner_id,
               (%(channels)s::varchar[])[1 + (l.id * 7 + n) %% %(nchannels)s],
               CASE WHEN (l.id + n) %% 3 = 0 THEN 'outbound' ELSE 'inbound' END,
               'Bench touchpoint', now() - ((l.id + n * 13) %% 90) * interval '1 day',
               l.company_id, 'crm.lead', l.id, now(), now()
          FROM crm_lead l, generate_series(1, 1 + (l.id %% 4)) n
         WHERE l.id >= %(first)s
        """,
        {"channels": CHANNELS, "nchannels": len(CHANNELS), "first": first_lead},
    )
    # statistics as autovacuum keeps them on a live database
    for table in ("res_partner", "crm_lead", "crm_touchpoint"):
        cr.execute(f"ANALYZE {table}")
    env.invalidate_all()
    env["ir.config_parameter"].set_param("crm_lead_scoring.sync_recompute_limit", "0")
    env["ir.config_parameter"].set_param("crm.pls_start_date", "2000-01-01")
    rules = env["crm.scoring.rule"]
    rules.search([]).write({"active": False})
    for name, domain, points in FIT_RULES:
        rules.create({"name": name, "rule_type": "fit", "domain": domain, "points": points})
    for name, channel, direction, mode, points, cap, half_life in ENGAGEMENT_RULES:
        rules.create(
            {
                "name": name,
                "rule_type": "engagement",
                "channel": channel,
                "direction": direction,
                "count_mode": mode,
                "points": points,
                "max_points": cap,
                "decay": bool(half_life),
                "half_life_days": half_life or 30,
            }
        )
    env.flush_all()
    return first_lead


def per_lead_loop(env, lead_ids):
    """The naive way: every rule evaluated lead by lead through the ORM."""
    from odoo.addons.crm_lead_scoring.tools import scoring

    rules = env["crm.scoring.rule"].search([])
    fit = [(rule, rule._fit_domain()) for rule in rules if rule.rule_type == "fit"]
    engagement = [rule for rule in rules if rule.rule_type == "engagement"]
    Lead = env["crm.lead"].with_context(crm_lead_scoring_skip=True)
    now = time.time() / 86400.0
    for lead in Lead.browse(lead_ids):
        fit_score = sum(rule.points for rule, domain in fit if lead.filtered_domain(domain))
        touchpoints = env["crm.touchpoint"].search([("lead_id", "=", lead.id)], order="date")
        engagement_score = 0.0
        for rule in engagement:
            days = [
                tp.date.timestamp() / 86400.0
                for tp in touchpoints
                if scoring.touchpoint_matches(
                    rule._match_values(),
                    {"channel": tp.channel, "direction": tp.direction, "res_model": tp.res_model},
                )
            ]
            engagement_score += scoring.replay(
                days,
                rule.points,
                rule.count_mode,
                rule.max_points,
                rule.half_life_days if rule.decay else None,
                now=now,
            )
        lead.write(
            {
                "score_fit": fit_score,
                "score_engagement": round(engagement_score),
                "score_total": fit_score + round(engagement_score),
            }
        )


def main():
    args = parser(__doc__.splitlines()[0], 200000).parse_args()
    sample = min(args.size, int(os.environ.get("BENCH_BASELINE_SAMPLE", "3000")))
    with scratch_env(["crm_lead_scoring"], args) as env:
        build(env, args.size)
        Lead = env["crm.lead"]
        open_count = len(Lead._score_open_ids(domain=[]))
        header()
        # baselines first, so that the set-based runs start from the same empty scores
        sample_ids = Lead._score_open_ids(domain=[])[:sample]
        loop_seconds, loop_queries = measure(env, lambda: per_lead_loop(env, sample_ids))
        loop_full = loop_seconds * open_count / len(sample_ids)
        report(
            f"per_lead_orm_loop(sample {len(sample_ids)})",
            len(sample_ids),
            loop_seconds,
            loop_queries,
        )
        env.cr.commit()
        pls_seconds, pls_queries = measure(env, Lead._cron_update_automated_probabilities)
        report("odoo_pls_cron", args.size, pls_seconds, pls_queries)
        env.cr.commit()

        seconds, queries = measure(
            env, lambda: Lead._score_recompute(domain=[], force_temperature=True)
        )
        report("score_first_run_vs_per_lead_loop", open_count, seconds, queries, loop_full)
        report("score_first_run_vs_pls_cron", open_count, seconds, queries, pls_seconds)
        env.cr.commit()

        rule = env["crm.scoring.rule"].search([("name", "=", "Company customer")])

        def rules_changed():
            rule.with_context(crm_lead_scoring_skip=True).points = 20
            Lead._score_recompute(domain=[], force_temperature=True)

        seconds, queries = measure(env, rules_changed)
        report("score_rules_changed_vs_per_lead_loop", open_count, seconds, queries, loop_full)
        report("score_rules_changed_vs_pls_cron", open_count, seconds, queries, pls_seconds)
        env.cr.commit()

        seconds, queries = measure(env, Lead._cron_score_decay)
        report("score_decay_cron", open_count, seconds, queries, pls_seconds)
        env.cr.commit()

        lead = Lead.browse(sample_ids[-1])
        seconds, queries = measure(
            env, lambda: env["crm.touchpoint"]._log(lead, "email", "inbound", summary="Bench")
        )
        report("score_incremental_event", 1, seconds, queries)
        env.cr.commit()


if __name__ == "__main__":
    main()
