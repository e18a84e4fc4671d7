#!/usr/bin/env python3
"""Persian-insensitive partner search (``علي`` finds ``علی``) at 100k partners.

Builds N partners (default 100,000) whose names mix Arabic and Persian letter variants, then

* fills the search-key columns as installing crm_persian does on an existing database (one
  set-based ``ALTER TABLE``), against the ORM recomputing them in Python (measured on a
  sample and scaled to N);
* searches names through the ORM (``name ilike``), which crm_persian rewrites to the
  trigram-indexed key column, against a plain ``name ILIKE`` on the unindexed column (stock
  behaviour, which moreover misses the other spelling). The query plan of the ORM search is
  printed: it must use the trigram index, not a sequential scan.

    python3 bench/crm_persian_search.py --size 100000
"""

import random
import re

from _common import header, measure, parser, report, scratch_env

from odoo.tools import SQL
from odoo.tools.sql import create_index, make_index_name

FIRST = ["علي", "علی", "محمد", "مريم", "مریم", "رضا", "زهرا", "حسين", "حسین", "فاطمه", "كاظم"]
SYLLABLES = [
    "کر", "ري", "می", "زا", "ده", "نو", "پا", "سی", "را", "مه", "كو", "شا",
    "بی", "تو", "لا", "فر", "ها", "دي", "جو", "نا", "گل", "وي", "سا", "ما",
]  # fmt: skip
QUERIES = 20


def surname(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(4)) + rng.choice(["ی", "ي", "ان", "پور"])


def build(env, size, rng):
    names = [f"{rng.choice(FIRST)} {surname(rng)}" for _ in range(size)]
    env.cr.execute(
        SQL(
            """
            INSERT INTO res_partner (name, complete_name, active, type, is_company, lang,
                                     autopost_bills, create_date, write_date, create_uid,
                                     write_uid)
            SELECT n, n, TRUE, 'contact', FALSE, 'en_US', 'ask', NOW(), NOW(), 1, 1
              FROM unnest(%s::varchar[]) n
            """,
            names,
        )
    )
    env.cr.execute(
        "SELECT MIN(id) FROM res_partner WHERE create_uid = 1 AND name = ANY(%s)", [names[:1]]
    )
    first_id = env.cr.fetchone()[0]
    env.cr.commit()
    return names, first_id


def main():
    args = parser(__doc__.splitlines()[0], 100000)
    args.add_argument("--baseline-sample", type=int, default=5000)
    args = args.parse_args()
    rng = random.Random(1404)
    with scratch_env(["crm_persian"], args) as env:
        Partner = env["res.partner"].with_context(active_test=False)
        names, first_id = build(env, args.size, rng)
        env.invalidate_all()
        header()

        # --- filling the keys of existing rows (what installing the module does)
        sample = Partner.search([], limit=args.baseline_sample, order="id desc")
        base_s, _base_q = measure(
            env, lambda: sample._compute_persian_search_keys() or sample.flush_recordset()
        )
        scale = args.size / max(len(sample), 1)
        env.cr.execute(
            "ALTER TABLE res_partner DROP COLUMN name_search_key,"
            " DROP COLUMN complete_name_search_key"
        )
        seconds, queries = measure(env, Partner._persian_create_search_key_columns)
        for column in ("name_search_key", "complete_name_search_key"):  # as the ORM names them
            create_index(
                env.cr,
                make_index_name("res_partner", column),
                "res_partner",
                [f'"{column}" gin_trgm_ops'],
                method="gin",
            )
        env.cr.commit()  # an index built in the running transaction may not serve it yet
        env.cr.execute("ANALYZE res_partner")
        report("fill search keys (SQL, whole table)", args.size, seconds, queries, base_s * scale)

        # --- searching
        targets = [rng.choice(names).split(" ", 1)[1] for _ in range(QUERIES)]
        # search the other spelling than the stored one: ي <-> ی
        queries_text = [t.translate(str.maketrans("یي", "يی")) for t in targets]

        def orm_search():
            return [Partner.search([("name", "ilike", q)]).ids for q in queries_text]

        def plain_ilike():
            found = []
            for q in queries_text:
                env.cr.execute("SELECT id FROM res_partner WHERE name ILIKE %s", [f"%{q}%"])
                found.append([row[0] for row in env.cr.fetchall()])
            return found

        orm_search()  # warm the caches once, both ways
        plain_ilike()
        base_s, _ = measure(env, plain_ilike)
        seconds, queries = measure(env, orm_search)
        report(
            f"search name ilike x{QUERIES} (trigram key)",
            args.size,
            seconds,
            queries,
            base_s,
        )
        matched = sum(1 for ids in orm_search() if ids)
        stock = sum(1 for ids in plain_ilike() if ids)
        print(f"# {matched}/{QUERIES} searches found the other spelling; plain ILIKE: {stock}")

        query = Partner._search([("name", "ilike", queries_text[0])])
        env.cr.execute(SQL("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) %s", query.select()))
        plan = "\n".join(row[0] for row in env.cr.fetchall())
        print("# EXPLAIN of the ORM search:")
        print("\n".join(f"#   {line}" for line in plan.splitlines()))
        uses_index = bool(re.search(r"Index Scan on res_partner__name_search_key_index", plan))
        seq_scan = "Seq Scan on res_partner" in plan
        print(
            f"# trigram index used: {'yes' if uses_index else 'NO'}; "
            f"sequential scan: {'YES' if seq_scan else 'no'}"
        )
        if args.db:  # leave the given database as it was
            env.cr.execute("DELETE FROM res_partner WHERE id >= %s", [first_id])
            env.cr.commit()


if __name__ == "__main__":
    main()
