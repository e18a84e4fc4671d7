#!/usr/bin/env python3
"""Grouping leads by Jalali month and quarter (pivot, graph, list group-by) at 200k leads.

Builds N leads (default 200,000) created over eleven years, then groups them with
``read_group`` as the web client does for a Jalali reader (``create_date:month``, a
datetime bucketed in the reader's time zone, and ``date_deadline:quarter``, a date), against
the same grouping for a Gregorian reader (stock Odoo: ``date_trunc``). Both are one SQL
query; the Jalali buckets come from the ``crm_persian_jalali_*_start`` SQL functions.

    python3 bench/crm_persian_jalali_groups.py --size 200000
"""

from _common import header, measure, parser, report, scratch_env

from odoo.tools import SQL

RUNS = 5


def build(env, size):
    env.cr.execute(
        SQL(
            """
            INSERT INTO crm_lead (name, type, qualification_status, active, create_date,
                                  date_deadline, create_uid, write_uid, write_date)
            SELECT 'Jalali bench ' || n, 'opportunity', 'raw', TRUE,
                   TIMESTAMP '2015-01-01' + mod(n, 4000) * INTERVAL '1 day'
                                          + mod(n, 1440) * INTERVAL '1 minute',
                   DATE '2015-01-01' + mod(n * 7, 4000), 1, 1, NOW()
              FROM generate_series(1, %s) n
            """,
            size,
        )
    )
    env.cr.execute("SELECT MIN(id) FROM crm_lead WHERE name = 'Jalali bench 1'")
    first_id = env.cr.fetchone()[0]
    env.cr.execute("ANALYZE crm_lead")
    env.cr.commit()
    return first_id


def main():
    args = parser(__doc__.splitlines()[0], 200000).parse_args()
    with scratch_env(["crm_persian"], args) as env:
        first_id = build(env, args.size)
        env.invalidate_all()
        context = {"tz": "Asia/Tehran", "lang": "en_US"}
        Lead = env["crm.lead"].with_context(context)
        jalali = Lead.with_context(date_calendar="jalali")
        gregorian = Lead.with_context(date_calendar="gregorian")
        domain = [("id", ">=", first_id)]
        header()
        for groupby in ("create_date:month", "date_deadline:quarter"):

            def runs(Model, groupby=groupby):
                return lambda: [
                    Model.read_group(domain, ["__count"], [groupby]) for _ in range(RUNS)
                ]

            runs(jalali)()  # warm the caches once, both ways
            runs(gregorian)()
            base_s, _ = measure(env, runs(gregorian))
            seconds, queries = measure(env, runs(jalali))
            report(f"{groupby} Jalali x{RUNS}", args.size, seconds, queries, base_s)
            groups = jalali.read_group(domain, ["__count"], [groupby])
            print(f"# {len(groups)} Jalali groups, first {groups[0][groupby]!r}")
        if args.db:  # leave the given database as it was
            env.cr.execute("DELETE FROM crm_lead WHERE id >= %s", [first_id])
            env.cr.commit()


if __name__ == "__main__":
    main()
