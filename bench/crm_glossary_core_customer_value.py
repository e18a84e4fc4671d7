"""Benchmark: customer values (CLV, RFM, churn risk) of crm_glossary_core.

Builds ``--size`` customers with 20 posted invoice lines each (50,000 customers give 1,000,000
lines), written with SQL copies of one real posted invoice, then measures in the same run:

- the set-based full recompute (``crm.customer.value._compute_values``);
- the baseline: a per-partner ORM loop computing the same figures (search the customer's
  invoices, read their lines, aggregate in Python, score, create the value rows). It is too
  slow for the full size: it runs on ``--baseline-sample`` customers and its time is scaled
  linearly to all of them (printed as such);
- the incremental update after posting one invoice (queries of the recompute of its customer);
- the customer KPI report (new, active and churned customers, revenue, ARPU) by month, read
  over all those invoices, next to Odoo's own Invoice Analysis by month on the same data.

Usage: python3 bench/crm_glossary_core_customer_value.py --size 50000 [--template DB]
       [--baseline-sample 2000]
"""

import os
import sys
import time
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _common

LINES_PER_MOVE = 5
MOVES_PER_CUSTOMER = 4


def build_data(env, size):
    from odoo import Command, fields
    from odoo.tools import SQL

    company = env.company
    product = env["product.product"].create(
        {"name": "Bench Carpet", "list_price": 100.0, "standard_price": 60.0}
    )
    seed = env["res.partner"].create({"name": "Bench seed customer", "is_company": True})
    template = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "partner_id": seed.id,
            "invoice_date": fields.Date.today(),
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "quantity": 1 + i,
                        "price_unit": 100.0,
                        "tax_ids": [Command.clear()],
                    }
                )
                for i in range(LINES_PER_MOVE)
            ],
        }
    )
    template.action_post()
    env.flush_all()
    cr = env.cr
    cr.execute(
        SQL(
            """
            INSERT INTO res_partner
            SELECT r.*
              FROM res_partner p
        CROSS JOIN generate_series(1, %(size)s) g
        CROSS JOIN LATERAL (SELECT nextval('res_partner_id_seq') AS id, g AS k) n
        CROSS JOIN LATERAL jsonb_populate_record(NULL::res_partner, to_jsonb(p)
                   || jsonb_build_object(
                        'id', n.id, 'name', 'Bench customer ' || g,
                        'complete_name', 'Bench customer ' || g,
                        'commercial_partner_id', n.id)) r
             WHERE p.id = %(seed)s
            """,
            size=size,
            seed=seed.id,
        )
    )
    # Moves: MOVES_PER_CUSTOMER per customer, spread over three years, amounts varied by a
    # deterministic factor so that the RFM quintiles spread.
    cr.execute(
        SQL(
            """
            CREATE TEMP TABLE bench_moves AS
            SELECT nextval('account_move_id_seq') AS id, p.id AS partner_id, k,
                   (CURRENT_DATE - mod(p.id * 37 + k * 101, 1100))::date AS invoice_date,
                   1 + mod(p.id * 13 + k * 7, 10) AS factor
              FROM res_partner p
        CROSS JOIN generate_series(1, %(moves)s) k
             WHERE p.name LIKE %(pattern)s
            """,
            moves=MOVES_PER_CUSTOMER,
            pattern="Bench customer %",
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO account_move
            SELECT r.*
              FROM account_move m
        CROSS JOIN bench_moves b
        CROSS JOIN LATERAL jsonb_populate_record(NULL::account_move, to_jsonb(m)
                   || jsonb_build_object(
                        'id', b.id, 'name', 'BENCH/' || b.id, 'partner_id', b.partner_id,
                        'commercial_partner_id', b.partner_id, 'invoice_date', b.invoice_date,
                        'date', b.invoice_date)) r
             WHERE m.id = %(template)s
            """,
            template=template.id,
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO account_move_line
            SELECT r.*
              FROM account_move_line l
        CROSS JOIN bench_moves b
        CROSS JOIN LATERAL jsonb_populate_record(NULL::account_move_line, to_jsonb(l)
                   || jsonb_build_object(
                        'id', nextval('account_move_line_id_seq'), 'move_id', b.id,
                        'partner_id', b.partner_id, 'date', b.invoice_date,
                        'balance', l.balance * b.factor, 'debit', l.debit * b.factor,
                        'credit', l.credit * b.factor)) r
             WHERE l.move_id = %(template)s
            """,
            template=template.id,
        )
    )
    cr.execute("ANALYZE account_move")
    cr.execute("ANALYZE account_move_line")
    env.invalidate_all()
    return company, product


def orm_loop(env, company, partners):
    """The naive way: one partner at a time through the ORM, the same formulas."""
    from odoo import fields

    from odoo.addons.crm_glossary_core.tools import customer_value as cv

    today = fields.Date.context_today(env["res.partner"])
    params = company._crm_value_params()
    window_start = fields.Date.subtract(today, months=company.crm_rfm_window_months)
    middle = fields.Date.subtract(today, days=company.crm_rfm_window_months * 15)
    rows = []
    for partner in partners:
        moves = env["account.move"].search(
            [
                ("commercial_partner_id", "=", partner.id),
                ("company_id", "=", company.id),
                ("state", "=", "posted"),
                ("move_type", "in", ("out_invoice", "out_refund")),
            ]
        )
        if not moves:
            continue
        agg = defaultdict(float)
        invoices = moves.filtered(lambda m: m.move_type == "out_invoice")
        for move in moves:
            revenue = -sum(move.invoice_line_ids.mapped("balance"))
            agg["net"] += revenue
            for line in move.invoice_line_ids:
                cost = line.product_id.standard_price
                if cost > 0:
                    sign = -1 if move.move_type == "out_refund" else 1
                    agg["with_cost"] -= line.balance
                    agg["cost"] += sign * cost * line.quantity
            if move.invoice_date >= window_start:
                agg["window"] += revenue
                agg["window_n"] += move.move_type == "out_invoice"
                agg["recent" if move.invoice_date >= middle else "previous"] += revenue
        dates = invoices.mapped("invoice_date")
        row = {
            "partner_id": partner.id,
            "first_date": min(dates),
            "last_date": max(dates),
            "purchases": len(invoices),
            "net_revenue": agg["net"],
            "revenue_with_cost": agg["with_cost"] or None,
            "cost": agg["cost"] if agg["with_cost"] else None,
            "recent_revenue": agg["recent"],
            "previous_revenue": agg["previous"],
            "window_purchases": int(agg["window_n"]),
            "window_revenue": agg["window"],
            "lifecycle": partner.lifecycle_stage,
            "moves": moves,
        }
        row.update(cv.customer_metrics(row, today, params))
        rows.append(row)
    r = cv.quintile_scores([row["recency_days"] for row in rows], False)
    f = cv.quintile_scores([row["window_purchases"] for row in rows])
    m = cv.quintile_scores([row["window_revenue"] for row in rows])
    Value = env["crm.customer.value"]
    for row, rs, fs, ms in zip(rows, r, f, m, strict=True):
        vals = {
            "first_purchase_date": row["first_date"],
            "last_purchase_date": row["last_date"],
            "purchase_count": row["purchases"],
            "net_revenue": row["net_revenue"],
            "predicted_clv": row["predicted_clv"],
            "recency_score": rs,
            "frequency_score": fs,
            "monetary_score": ms,
            "rfm_segment": cv.rfm_segment(rs, fs, ms),
            "churn_risk": row["churn_risk"] or False,
        }
        existing = Value.search(
            [("partner_id", "=", row["partner_id"]), ("company_id", "=", company.id)]
        )
        if existing:
            existing.write(vals)
        else:
            Value.create(dict(vals, partner_id=row["partner_id"], company_id=company.id))
        # the same outputs as the set-based recompute: the copies on the customer's invoices
        row["moves"].write(
            {
                "customer_rfm_segment": vals["rfm_segment"],
                "customer_churn_risk": vals["churn_risk"],
            }
        )
    return len(rows)


def main():
    parser = _common.parser(__doc__.splitlines()[0], default_size=50000)
    parser.add_argument("--baseline-sample", type=int, default=2000)
    args = parser.parse_args()
    with _common.scratch_env(["crm_glossary_core"], args) as env:
        from odoo import Command, fields

        size = args.size
        start = time.perf_counter()
        company, product = build_data(env, size)
        print(f"# data built in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        lines = size * MOVES_PER_CUSTOMER * LINES_PER_MOVE
        print(f"# {size} customers, {lines} posted invoice lines", file=sys.stderr)
        Value = env["crm.customer.value"]
        _common.header()

        seconds, queries = _common.measure(
            env, lambda: Value._compute_values(company_ids=company.ids)
        )
        count = Value.search_count([])

        customer = env["res.partner"].search([("name", "=like", "Bench customer %")], limit=1)
        move = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": customer.id,
                "invoice_date": fields.Date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "price_unit": 250.0,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        env.flush_all()
        post = _common.measure(env, move.action_post)
        incremental = _common.measure(env, lambda: Value._recompute_for_moves(move))

        # The customer KPI pivot (a view computed when read) by month, next to Odoo's own
        # Invoice Analysis by month on the same invoices.
        env.invalidate_all()
        kpis = _common.measure(
            env,
            lambda: env["crm.customer.kpi.report"].read_group(
                [],
                ["new_customers", "active_customers", "churned_customers", "revenue", "arpu"],
                ["date:month"],
                lazy=False,
            ),
        )
        invoice_analysis = _common.measure(
            env,
            lambda: env["account.invoice.report"].read_group(
                [], ["price_subtotal"], ["invoice_date:month"], lazy=False
            ),
        )

        # The baseline last, in a savepoint, so that its writes do not touch the measurements
        # above; on its sample it must find the revenue the set-based recompute finds (its
        # RFM quintiles are those of the sample, so segments are not compared).
        Value._compute_values(company_ids=company.ids)
        customers = env["res.partner"].search(
            [("name", "=like", "Bench customer %")], order="id", limit=args.baseline_sample
        )
        expected = {
            v.partner_id.id: v.net_revenue
            for v in Value.search([("partner_id", "in", customers[:50].ids)])
        }
        env.cr.execute("SAVEPOINT bench_baseline")
        env.cr.execute("DELETE FROM crm_customer_value")
        env.invalidate_all()
        base_seconds, base_queries = _common.measure(env, lambda: orm_loop(env, company, customers))
        for value in Value.search([("partner_id", "in", list(expected))]):
            net = expected[value.partner_id.id]
            assert abs(value.net_revenue - net) < 0.01, "the baseline computes the same figures"
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_baseline")
        env.invalidate_all()
        scale = count / len(customers)
        _common.report(
            f"per_partner_orm_loop(sample {len(customers)})",
            len(customers),
            base_seconds,
            base_queries,
        )
        base_seconds *= scale

        _common.report("customer_value_full_recompute", count, seconds, queries, base_seconds)
        _common.report("post_one_invoice_total", 1, *post)
        _common.report("customer_value_incremental_update", 1, *incremental)
        _common.report("odoo_invoice_analysis_by_month", lines, *invoice_analysis)
        _common.report(
            "customer_kpi_report_by_month_vs_invoice_analysis", lines, *kpis, invoice_analysis[0]
        )
        env.cr.rollback()


if __name__ == "__main__":
    main()
