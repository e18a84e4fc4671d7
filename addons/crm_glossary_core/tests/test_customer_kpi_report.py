# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Customer KPIs by period on a small hand-made book: two months, a customer who comes back
and one who churns."""

from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.tests import tagged

from .common_value import CrmValueCommon


@tagged("post_install", "-at_install")
class TestCustomerKpiReport(CrmValueCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # one-time buyers churn 3 × 10 days after their purchase
        cls.company.crm_expected_purchase_interval = 10
        cls.first_month = (cls.today - relativedelta(months=2)).replace(day=1)
        cls.second_month = cls.first_month + relativedelta(months=1)
        tehran, fars = cls.env["res.country.state"].search([], limit=2)
        cls.retained = cls.env["res.partner"].create(
            {"name": "Tabriz Rugs", "is_company": True, "state_id": tehran.id}
        )
        cls.churned = cls.env["res.partner"].create(
            {"name": "Shiraz Tiles", "is_company": True, "state_id": fars.id}
        )
        cls.lamp = cls.env["product.product"].create({"name": "Lamp", "list_price": 50.0})
        day = timedelta(days=4)
        # first month: both buy carpets (the retained customer on two lines), both are new
        cls._sale(cls.retained, cls.first_month + day, cls.salesman, [600.0, 400.0])
        cls._sale(cls.churned, cls.first_month + day, cls.other_salesman, [400.0])
        # second month: the retained customer buys a lamp within its window (3 × a month);
        # the churned one's window (30 days) ends without a purchase
        cls._sale(cls.retained, cls.second_month + day, cls.salesman, [600.0], product=cls.lamp)
        Lead = cls.env["crm.lead"]
        stage = cls.env["crm.stage"].create({"name": "Qualify", "sequence": 1})
        won_stage = cls.env["crm.stage"].create({"name": "Won", "is_won": True})
        cls.won = Lead.create(
            {
                "name": "Rugs for the hotel",
                "type": "opportunity",
                "partner_id": cls.retained.id,
                "user_id": cls.salesman.id,
                "stage_id": stage.id,
                "expected_revenue": 3000.0,
            }
        )
        cls.won.stage_id = won_stage
        cls.won.date_closed = datetime.combine(cls.second_month + timedelta(days=9), time(12))
        cls.lost = Lead.create(
            {
                "name": "Tiles for the mall",
                "type": "opportunity",
                "partner_id": cls.churned.id,
                "user_id": cls.other_salesman.id,
                "stage_id": stage.id,
                "expected_revenue": 5000.0,
            }
        )
        cls.lost.action_set_lost()
        cls.lost.date_closed = datetime.combine(cls.first_month + timedelta(days=9), time(12))
        cls.env["crm.customer.value"]._compute_values(company_ids=cls.company.ids)
        cls.env.flush_all()

    @classmethod
    def _sale(cls, partner, date, salesperson, amounts, product=None):
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": date,
                "invoice_user_id": salesperson.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": (product or cls.product).id,
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                    for amount in amounts
                ],
            }
        )
        move.action_post()
        return move

    MEASURES = [
        "new_customers:sum",
        "active_customers:sum",
        "churned_customers:sum",
        "retained_customers:sum",
        "churn_rate:avg",
        "retention_rate:avg",
        "arpu:avg",
        "revenue:sum",
        "won_deals:sum",
        "win_rate:avg",
        "deal_size:avg",
    ]

    def _kpis(self, groupby, domain=()):
        customers = (self.retained | self.churned).ids
        groups = self.env["crm.customer.kpi.report"]._read_group(
            [("partner_id", "in", customers), *domain], groupby, self.MEASURES
        )
        names = [m.split(":")[0] for m in self.MEASURES]
        return {
            tuple(group[: len(groupby)]): dict(zip(names, group[len(groupby) :], strict=True))
            for group in groups
        }

    def _assert_kpis(self, kpis, expected):
        for name, value in expected.items():
            if value is None:
                self.assertFalse(kpis[name], name)
            else:
                self.assertAlmostEqual(kpis[name], value, msg=name)

    def test_kpis_per_period(self):
        periods = self._kpis(["date:month"])
        self.assertEqual(
            sorted(periods), [(self.first_month,), (self.second_month,)], "two periods"
        )
        self._assert_kpis(
            periods[(self.first_month,)],
            {
                "new_customers": 2,
                "active_customers": 2,
                "churned_customers": 0,
                "retained_customers": 0,
                "churn_rate": None,
                "revenue": 1400.0,
                "arpu": 700.0,
                "won_deals": 0,
                "win_rate": 0.0,
            },
        )
        self._assert_kpis(
            periods[(self.second_month,)],
            {
                "new_customers": 0,
                "active_customers": 1,
                "churned_customers": 1,
                "retained_customers": 1,
                "churn_rate": 50.0,
                "retention_rate": 50.0,
                "revenue": 600.0,
                "arpu": 600.0,
                "won_deals": 1,
                "win_rate": 100.0,
                "deal_size": 3000.0,
            },
        )

    def test_pivot_reads_the_same_figures(self):
        [group] = self.env["crm.customer.kpi.report"].read_group(
            [("partner_id", "in", (self.retained | self.churned).ids)],
            ["active_customers", "churn_rate", "arpu"],
            [],
        )
        # both customers bought: 2000 over two customers; one churned, one came back
        self.assertEqual(group["active_customers"], 2)
        self.assertAlmostEqual(group["churn_rate"], 50.0)
        self.assertAlmostEqual(group["arpu"], 1000.0)

    def test_kpis_per_product(self):
        products = self._kpis(["date:month", "product_id"])
        carpet_first = products[(self.first_month, self.product)]
        # two lines of the retained customer: still one active, one new customer
        self._assert_kpis(
            carpet_first,
            {"new_customers": 2, "active_customers": 2, "revenue": 1400.0, "arpu": 700.0},
        )
        # of the carpet buyers, one came back (with a lamp) and one churned
        self._assert_kpis(
            products[(self.second_month, self.product)],
            {"churned_customers": 1, "retained_customers": 1, "churn_rate": 50.0},
        )
        self._assert_kpis(
            products[(self.second_month, self.lamp)],
            {"new_customers": 0, "active_customers": 1, "revenue": 600.0, "arpu": 600.0},
        )

    def test_kpis_per_salesperson_and_province(self):
        users = self._kpis(["date:month", "user_id"])
        self._assert_kpis(
            users[(self.second_month, self.other_salesman)],
            {"churned_customers": 1, "retained_customers": 0, "churn_rate": 100.0},
        )
        self._assert_kpis(
            users[(self.second_month, self.salesman)],
            {"retained_customers": 1, "retention_rate": 100.0, "won_deals": 1},
        )
        provinces = self._kpis(["state_id"])
        self._assert_kpis(
            provinces[(self.churned.state_id,)],
            {"new_customers": 1, "churned_customers": 1, "revenue": 400.0, "win_rate": 0.0},
        )

    def test_clv_of_the_customers_acquired(self):
        values = self.env["crm.customer.value"].search(
            [("partner_id", "in", (self.retained | self.churned).ids)]
        )
        self.assertEqual(len(values), 2)
        [(clv,)] = self.env["crm.customer.kpi.report"]._read_group(
            [("partner_id", "in", values.partner_id.ids), ("date", "<", self.second_month)],
            [],
            ["clv:avg"],
        )
        self.assertAlmostEqual(clv, sum(values.mapped("predicted_clv")) / 2)

    def test_open_window_counts_nowhere(self):
        # the retained customer's last window is still running: no churn for it yet
        churns = self.env["crm.customer.kpi.report"].search(
            [("partner_id", "=", self.retained.id), ("churned_customers", "=", 1)]
        )
        self.assertFalse(churns)
