#!/usr/bin/env python3
"""Back-filling stage history and touchpoints when crm_glossary_core is installed.

Builds N leads (default 200,000) with 10 tracked stage changes each (2M tracking values) and
one incoming email each, then measures the set-based back-fills against the per-record ORM
loop they replace. The ORM loop is too slow for the full size: it runs on a sample of
--baseline-sample leads and its time is scaled linearly to N (printed as such).

    python3 bench/crm_glossary_core_backfill.py --size 200000
"""

import time

from _common import header, measure, parser, report, scratch_env

CHANGES_PER_LEAD = 10


def build(env, size):
    cr = env.cr
    stages = env["crm.stage"].search([], order="sequence, id").ids
    field_id = env["ir.model.fields"]._get("crm.lead", "stage_id").id
    team = env["crm.team"].search([], limit=1).id
    company = env.company.id
    cr.execute(
        """
        INSERT INTO crm_lead (name, type, active, stage_id, team_id, company_id, user_id,
                              probability, create_date, write_date, create_uid, write_uid,
                              date_last_stage_update, qualification_status)
        SELECT 'Bench lead ' || g, 'opportunity', TRUE, %(last)s, %(team)s, %(company)s, 2,
               10, NOW() - INTERVAL '400 days', NOW(), 2, 2, NOW(), 'opportunity'
          FROM generate_series(1, %(size)s) g
        RETURNING id
        """,
        {"last": stages[-1], "team": team, "company": company, "size": size},
    )
    cr.execute("SELECT MIN(id), MAX(id) FROM crm_lead WHERE name LIKE 'Bench lead %%'")
    low, high = cr.fetchone()
    # 10 tracked stage changes per lead, walking the stages, one day apart
    cr.execute(
        """
        WITH msg AS (
            INSERT INTO mail_message (model, res_id, message_type, date, author_id,
                                      create_date, write_date, create_uid, write_uid)
            SELECT 'crm.lead', l, 'notification',
                   NOW() - INTERVAL '400 days' + c * INTERVAL '1 day', 3, NOW(), NOW(), 2, 2
              FROM generate_series(%(low)s, %(high)s) l, generate_series(1, %(n)s) c
            RETURNING id, res_id, date
        )
        INSERT INTO mail_tracking_value (field_id, old_value_integer, new_value_integer,
                                         mail_message_id, create_date, write_date,
                                         create_uid, write_uid)
        SELECT %(field)s, (%(stages)s::int[])[1 + (day - 1) %% %(k)s],
               (%(stages)s::int[])[1 + day %% %(k)s], id, NOW(), NOW(), 2, 2
          FROM (SELECT id, EXTRACT(DAY FROM date - (NOW() - INTERVAL '400 days'))::int AS day
                  FROM msg) m
        """,
        {
            "low": low,
            "high": high,
            "n": CHANGES_PER_LEAD,
            "field": field_id,
            "stages": stages,
            "k": len(stages),
        },
    )
    cr.execute(
        """
        INSERT INTO mail_message (model, res_id, message_type, date, author_id, subject,
                                  create_date, write_date, create_uid, write_uid)
        SELECT 'crm.lead', l, 'email', NOW() - INTERVAL '390 days', 3, 'Request', NOW(), NOW(),
               2, 2
          FROM generate_series(%(low)s, %(high)s) l
        """,
        {"low": low, "high": high},
    )
    cr.execute("ANALYZE crm_lead; ANALYZE mail_message; ANALYZE mail_tracking_value")
    env.invalidate_all()
    return env["crm.lead"].browse(range(low, high + 1))


def orm_loop_history(env, leads):
    """What a module without set-based SQL does: read each lead's tracking, create rows."""
    History = env["crm.lead.stage.history"]
    field = env["ir.model.fields"]._get("crm.lead", "stage_id")
    for lead in leads:
        values = lead.message_ids.tracking_value_ids.filtered(
            lambda v, f=field: v.field_id == f
        ).sorted(lambda v: (v.mail_message_id.date, v.mail_message_id.id))
        dates = [lead.create_date] + [v.mail_message_id.date for v in values]
        stages = [values[:1].old_value_integer or lead.stage_id.id]
        stages += [v.new_value_integer for v in values]
        for index, stage in enumerate(stages):
            History.create(
                {
                    "lead_id": lead.id,
                    "stage_id": stage,
                    "next_stage_id": stages[index + 1] if index + 1 < len(stages) else False,
                    "date_in": dates[index],
                    "date_out": dates[index + 1] if index + 1 < len(dates) else False,
                    "team_id": lead.team_id.id,
                    "company_id": lead.company_id.id,
                }
            )


def orm_loop_touchpoints(env, leads):
    Touchpoint = env["crm.touchpoint"]
    for lead in leads:
        Touchpoint._log(lead, lead._touchpoint_channel_from_utm(), date=lead.create_date)
        for message in lead.message_ids.filtered(lambda m: m.message_type == "email"):
            Touchpoint._log(
                lead, "email", date=message.date, res_model="mail.message", res_id=message.id
            )


def main():
    args = parser(__doc__.splitlines()[0], 200000)
    args.add_argument("--baseline-sample", type=int, default=2000)
    args = args.parse_args()
    with scratch_env(["crm_glossary_core"], args) as env:
        start = time.perf_counter()
        leads = build(env, args.size)
        print(
            f"# built {len(leads)} leads and {len(leads) * CHANGES_PER_LEAD} tracking values "
            f"in {time.perf_counter() - start:.1f}s"
        )
        sample = leads[: args.baseline_sample]
        scale = len(leads) / len(sample)

        header()
        base_s, base_q = measure(env, lambda: orm_loop_history(env, sample))
        env.cr.execute(
            "DELETE FROM crm_lead_stage_history WHERE lead_id IN %s", [tuple(sample.ids)]
        )
        env.invalidate_all()
        report(
            f"stage history ORM loop ({len(sample)}, scaled)",
            len(leads),
            base_s * scale,
            int(base_q * scale),
        )
        seconds, queries = measure(env, env["crm.lead.stage.history"]._backfill_from_tracking)
        report("stage history set-based back-fill", len(leads), seconds, queries, base_s * scale)

        base_s, base_q = measure(env, lambda: orm_loop_touchpoints(env, sample))
        env.cr.execute("DELETE FROM crm_touchpoint WHERE lead_id IN %s", [tuple(sample.ids)])
        env.cr.execute(
            "UPDATE crm_lead SET first_touch_id = NULL, last_touch_id = NULL WHERE id IN %s",
            [tuple(sample.ids)],
        )
        env.invalidate_all()
        report(
            f"touchpoints ORM loop ({len(sample)}, scaled)",
            len(leads),
            base_s * scale,
            int(base_q * scale),
        )
        seconds, queries = measure(env, env["crm.touchpoint"]._backfill_from_leads)
        report("touchpoints set-based back-fill", len(leads), seconds, queries, base_s * scale)
        env.cr.rollback()


if __name__ == "__main__":
    main()
