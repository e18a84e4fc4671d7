# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The sales analytics views agree on what is open, won and lost."""

from odoo.tests import tagged

from .common_value import CrmValueCommon


@tagged("post_install", "-at_install")
class TestSalesReports(CrmValueCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Lead = cls.env["crm.lead"]
        cls.won_stage = cls.env["crm.stage"].create({"name": "Signed", "is_won": True})
        cls.first_stage = cls.env["crm.stage"].create({"name": "Intake", "sequence": 1})
        cls.next_stage = cls.env["crm.stage"].create({"name": "Proposal", "sequence": 2})

        def opportunity(name, revenue, **vals):
            return Lead.create(
                {
                    "name": name,
                    "type": "opportunity",
                    "partner_id": cls.customer.id,
                    "user_id": cls.salesman.id,
                    "team_id": cls.team.id,
                    "expected_revenue": revenue,
                    "stage_id": cls.first_stage.id,
                    **vals,
                }
            )

        cls.open = opportunity("Open deal", 4000.0, probability=25.0)
        cls.won = opportunity("Won deal", 3000.0)
        cls.won.stage_id = cls.won_stage
        cls.lost = opportunity("Lost deal", 1000.0)
        cls.lost.action_set_lost()
        # archived without being marked lost (its probability kept): counts nowhere
        cls.hidden = opportunity("Duplicate deal", 9000.0, probability=40.0)
        cls.hidden.write({"active": False})
        cls.deals = cls.open | cls.won | cls.lost | cls.hidden
        cls.env["crm.quota"].create(
            {
                "team_id": cls.team.id,
                "period_type": "quarter",
                "period_date": cls.today,
                "target_amount": 9000.0,
            }
        )
        cls._invoice(cls.customer, 1200.0)
        cls.env["crm.customer.value"]._compute_values(company_ids=cls.company.ids)
        cls.env.flush_all()

    def test_velocity_counts_open_won_and_lost_alike(self):
        rows = self.env["crm.sales.velocity.report"].search([("lead_id", "in", self.deals.ids)])
        self.assertEqual(
            {row.lead_id: row.state for row in rows},
            {self.open: "open", self.won: "won", self.lost: "lost"},
        )
        [(open_count, won_count, lost_count, win_rate, deal)] = self.env[
            "crm.sales.velocity.report"
        ]._read_group(
            [("lead_id", "in", self.deals.ids)],
            [],
            ["open_count:sum", "won_count:sum", "lost_count:sum", "won_rate:avg", "won_amount:avg"],
        )
        self.assertEqual((open_count, won_count, lost_count), (1, 1, 1))
        self.assertAlmostEqual(win_rate, 50.0)
        self.assertAlmostEqual(deal, 3000.0)

    def test_forecast_weighs_the_open_pipeline_against_the_quota(self):
        Forecast = self.env["crm.forecast.report"]
        rows = Forecast.search([("lead_id", "in", self.deals.ids)])
        self.assertEqual(
            {(row.lead_id, row.kind) for row in rows},
            {(self.open, "pipeline"), (self.won, "won")},
        )
        pipeline = rows.filtered(lambda r: r.kind == "pipeline")
        self.assertAlmostEqual(pipeline.weighted_amount, 1000.0)
        self.assertAlmostEqual(rows.filtered(lambda r: r.kind == "won").won_amount, 3000.0)
        [(quota,)] = Forecast._read_group(
            [("kind", "=", "quota"), ("team_id", "=", self.team.id)], [], ["quota_amount:sum"]
        )
        self.assertAlmostEqual(quota, 9000.0)
        months = Forecast._read_group(
            [("kind", "=", "quota"), ("team_id", "=", self.team.id)],
            ["date:month"],
            ["quota_amount:sum"],
        )
        self.assertEqual(len(months), 3, "a quarter's quota is spread over its three months")

    def test_customer_kpis(self):
        Kpi = self.env["crm.customer.kpi.report"]
        domain = [("partner_id", "=", self.customer.id)]
        [(win_rate, deal)] = Kpi._read_group(
            [*domain, ("kind", "=", "opportunity")], [], ["win_rate:avg", "deal_size:avg"]
        )
        self.assertAlmostEqual(win_rate, 50.0, msg="one won and one lost, the archived one aside")
        self.assertAlmostEqual(deal, 3000.0)
        [(new, revenue)] = Kpi._read_group(domain, [], ["new_customers:sum", "revenue:sum"])
        self.assertEqual(new, 1)
        self.assertAlmostEqual(revenue, 1200.0)

    def test_funnel_velocity_follows_the_stage_history(self):
        self.open.stage_id = self.next_stage
        self.env.flush_all()
        Funnel = self.env["crm.funnel.velocity.report"]
        stays = Funnel.search([("lead_id", "=", self.open.id)], order="date_in, id")
        self.assertEqual(stays.stage_id, self.first_stage | self.next_stage)
        left = stays.filtered(lambda s: s.stage_id == self.first_stage)
        self.assertEqual((left.advanced_count, left.conversion_rate), (1, 100.0))
        current = stays - left
        self.assertEqual(current.advanced_count, 0)
        self.assertFalse(current.conversion_rate, "a stay in progress is not counted")

    def test_reports_follow_the_documents_and_companies_of_the_user(self):
        deals = [("lead_id", "in", self.deals.ids)]
        opportunities = [("partner_id", "=", self.customer.id), ("kind", "=", "opportunity")]
        for model, count, domain in (
            ("crm.sales.velocity.report", 3, deals),
            ("crm.forecast.report", 2, deals),
            ("crm.customer.kpi.report", 2, opportunities),
        ):
            Report = self.env[model]
            self.assertEqual(len(Report.with_user(self.salesman).search(domain)), count, model)
            self.assertEqual(len(Report.with_user(self.manager).search(domain)), count, model)
            # a salesman who sees his own documents only does not see a colleague's deals
            self.assertFalse(Report.with_user(self.other_salesman).search(domain), model)
            self.assertFalse(Report.with_user(self.other_company_user).search(domain), model)
        Funnel = self.env["crm.funnel.velocity.report"]
        domain = [("lead_id", "=", self.open.id)]
        self.assertTrue(Funnel.with_user(self.salesman).search(domain))
        self.assertFalse(Funnel.with_user(self.other_salesman).search(domain))
