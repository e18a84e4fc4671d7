#!/usr/bin/env python3
"""SLA engine of crm_ticketing at scale.

Builds N tickets (default 200,000; a fifth of them open, each open one with a first-response
and a resolution clock), 20 SLA policies with three escalation levels each, 3 working
calendars and 5 teams, then measures:

- ``escalation_cron``: the SLA/escalation scheduled action until it has nothing left to do.
  200 running clocks are past a threshold whatever N; the cron reads those only, through the
  index on ``next_escalation_at``, and escalates them (chatter messages, reassignment,
  priority). Baseline: the naive cron that loops over every open ticket and asks the
  calendar how much working time each clock has used (without even escalating).
- ``escalation_cron_idle``: the same cron when nothing is due (a single indexed query).
- ``deadline_recompute``: a change of working hours of the calendar of a team with
  min(10,000, N/20) open tickets moves the deadlines of their clocks. Baseline: one
  ``resource.calendar.plan_hours`` call per clock.

The baselines are too slow for the full size: they run on a sample of --baseline-sample clocks
and their time is scaled linearly to the clocks concerned (printed as such).

    python3 bench/crm_ticketing_sla.py --size 200000
"""

import time
from datetime import datetime

from _common import header, measure, parser, report, scratch_env

POLICIES = 20
# priorities of the policies, by index modulo 4 (empty: all priorities)
PRIORITY_SETS = [(), ("1", "2"), ("2", "3"), ("3", "0")]
CALENDARS = 3
OPEN_SHARE = 5  # one ticket in five is open
DUE = 200  # running clocks past a threshold when the cron runs, whatever the size


def build(env, size):
    cr = env.cr
    calendars = env["resource.calendar"]
    for index in range(CALENDARS):
        calendars |= env["resource.calendar"].create(
            {
                "name": f"Bench calendar {index}",
                "tz": ["Asia/Tehran", "UTC", "Europe/Berlin"][index],
                "attendance_ids": [(5, 0, 0)]
                + [
                    (
                        0,
                        0,
                        {
                            "name": f"Day {day}",
                            "dayofweek": str(day),
                            "hour_from": 8,
                            "hour_to": 16 - index,
                            "day_period": "morning",
                        },
                    )
                    for day in (range(5) if index else (5, 6, 0, 1, 2))
                ],
            }
        )
    # the recompute team has its own calendar and min(10k, N/20) open tickets
    recompute_calendar = calendars[0].copy({"name": "Bench calendar (changed)"})
    teams = env["crm.ticket.team"].create(
        [
            {"name": f"Bench team {index}", "resource_calendar_id": calendars[index % 3].id}
            for index in range(4)
        ]
        + [{"name": "Bench team (recompute)", "resource_calendar_id": recompute_calendar.id}]
    )
    priorities = {p.code: p.id for p in env["crm.ticket.priority"].search([])}
    env["crm.ticket.sla"].create(
        [
            {
                "name": f"Bench policy {index}",
                "team_id": teams[index % 5].id,
                "priority_ids": [(6, 0, [priorities[c] for c in PRIORITY_SETS[index % 4]])],
                "first_response_hours": 2 + index % 6,
                "resolution_hours": 16 + 4 * (index % 5),
                "escalation_rule_ids": [
                    (0, 0, {"percent": 75}),
                    (0, 0, {"percent": 100, "raise_priority": True}),
                    (0, 0, {"percent": 200, "notify_managers": True}),
                ],
            }
            for index in range(POLICIES)
        ]
    )
    open_stage = env.ref("crm_ticketing.stage_in_progress").id
    closed_stage = env.ref("crm_ticketing.stage_closed").id
    recompute_open = min(10000, size // 20)
    params = {
        "size": size,
        "company": env.company.id,
        "teams": teams[:4].ids,
        "recompute_team": teams[4].id,
        "recompute_open": recompute_open,
        "open_stage": open_stage,
        "closed_stage": closed_stage,
        "open_share": OPEN_SHARE,
    }
    # tickets: the first recompute_open are the recompute team's, open; then every fifth open
    cr.execute(
        """
        INSERT INTO crm_ticket (number, name, company_id, team_id, priority, channel,
                                kanban_state, stage_id, is_closed, active, date_received,
                                date_last_stage_update, sla_state, sla_failed, sla_reached,
                                create_date, write_date, create_uid, write_uid)
        SELECT 'TCK/BENCH/' || g, 'Bench ticket ' || g, %(company)s,
               CASE WHEN g <= %(recompute_open)s THEN %(recompute_team)s
                    ELSE (%(teams)s::int[])[1 + g %% 4] END,
               (g %% 4)::text, 'email', 'normal',
               CASE WHEN g <= %(recompute_open)s OR g %% %(open_share)s = 0
                    THEN %(open_stage)s ELSE %(closed_stage)s END,
               NOT (g <= %(recompute_open)s OR g %% %(open_share)s = 0), TRUE,
               NOW() AT TIME ZONE 'UTC' - (g %% 240) * INTERVAL '1 hour',
               NOW() AT TIME ZONE 'UTC', 'none', FALSE, FALSE,
               NOW(), NOW(), 1, 1
          FROM generate_series(1, %(size)s) g
        """,
        params,
    )
    # clocks of the open tickets: a policy of their team for their priority (one naming
    # priorities before one for all), two clocks each; the engine computes their deadlines
    # below, batch by batch, as in production
    cr.execute(
        """
        INSERT INTO crm_ticket_sla_status (ticket_id, sla_id, clock, start, status,
                                           escalation_level, paused_hours, company_id,
                                           create_date, write_date, create_uid, write_uid)
        SELECT t.id, p.id, c.clock, t.date_received, 'ongoing', 0, 0, t.company_id,
               NOW(), NOW(), 1, 1
          FROM crm_ticket t
          JOIN LATERAL (SELECT sla.id FROM crm_ticket_sla sla
                          LEFT JOIN crm_ticket_priority_crm_ticket_sla_rel rel
                                 ON rel.crm_ticket_sla_id = sla.id
                          LEFT JOIN crm_ticket_priority pr ON pr.id = rel.crm_ticket_priority_id
                         WHERE sla.team_id = t.team_id
                           AND (pr.code = t.priority OR rel.crm_ticket_sla_id IS NULL)
                         ORDER BY rel.crm_ticket_sla_id IS NULL, sla.id LIMIT 1) p ON TRUE
         CROSS JOIN (VALUES ('first_response'), ('resolution')) c(clock)
         WHERE NOT t.is_closed AND t.name LIKE 'Bench ticket %'
        """
    )
    env.invalidate_all()
    Status = env["crm.ticket.sla.status"]
    ids = Status.search([]).ids
    for start in range(0, len(ids), 20000):
        Status.browse(ids[start : start + 20000])._compute_deadlines()
        env.flush_all()
        env.invalidate_all()
    # a realistic queue: clocks past their reminder, DUE of them at a threshold now
    cr.execute(
        """
        UPDATE crm_ticket_sla_status
           SET escalation_level = 75,
               next_escalation_at = NOW() AT TIME ZONE 'UTC' + INTERVAL '3 hours'
        """
    )
    cr.execute(
        """
        UPDATE crm_ticket_sla_status
           SET next_escalation_at = NOW() AT TIME ZONE 'UTC' - INTERVAL '1 minute'
         WHERE id IN (SELECT id FROM crm_ticket_sla_status ORDER BY id DESC LIMIT %(due)s)
        """,
        {"due": DUE},
    )
    env.invalidate_all()
    return recompute_calendar, len(ids)


def naive_escalation(env, statuses):
    """What a naive cron does: every running clock, the calendar asked each time."""
    now = datetime.utcnow()
    for status in statuses:
        calendar = status.ticket_id.team_id.resource_calendar_id
        used = calendar.get_work_hours_count(status.start, now, compute_leaves=True)
        allowed = status.sla_id._clock_hours(status.clock) or 1
        _percent = used / allowed * 100


def naive_recompute(env, statuses):
    for status in statuses:
        calendar = status.ticket_id.team_id.resource_calendar_id
        status.deadline = calendar.plan_hours(
            status.sla_id._clock_hours(status.clock), status.start, compute_leaves=True
        )


def main():
    args = parser(__doc__, 200000).parse_args()
    args_sample = 2000
    with scratch_env(["crm_ticketing"], args) as env:
        started = time.perf_counter()
        calendar, clocks = build(env, args.size)
        env.cr.commit()
        print(
            f"# built {args.size} tickets, {clocks} clocks in {time.perf_counter() - started:.0f}s"
        )
        header()
        Status = env["crm.ticket.sla.status"]
        running = Status.search_count([("reached_datetime", "=", False)])

        # naive escalation baseline on a sample, scaled to every running clock
        sample = Status.search([("reached_datetime", "=", False)], limit=args_sample)
        env.invalidate_all()
        base_seconds, _q = measure(env, lambda: naive_escalation(env, sample))
        base_seconds *= running / max(len(sample), 1)
        env.cr.rollback()
        env.invalidate_all()

        def run_cron():
            while Status._cron_escalate():
                pass

        seconds, queries = measure(env, run_cron)
        report("escalation_cron", args.size, seconds, queries, base_seconds)
        seconds, queries = measure(env, run_cron)
        report("escalation_cron_idle", args.size, seconds, queries, base_seconds)
        env.cr.rollback()
        env.invalidate_all()

        concerned = Status.search(Status._running_domain_for_calendars(calendar))
        sample = concerned[:500]
        base_seconds, _q = measure(env, lambda: naive_recompute(env, sample))
        base_seconds *= len(concerned) / max(len(sample), 1)
        env.cr.rollback()
        env.invalidate_all()
        attendance = calendar.attendance_ids[:1]
        seconds, queries = measure(
            env, lambda: attendance.write({"hour_to": attendance.hour_to - 1})
        )
        report(
            f"deadline_recompute_{len(concerned) // 2}_tickets",
            args.size,
            seconds,
            queries,
            base_seconds,
        )
        print(
            f"# baselines scaled from samples ({args_sample} and 500 clocks); "
            f"{running} running clocks, {len(concerned)} on the changed calendar",
            flush=True,
        )
        env.cr.rollback()


if __name__ == "__main__":
    main()
