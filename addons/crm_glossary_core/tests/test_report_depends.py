# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The SQL-view reports read the changes still pending in the ORM: their ``_depends`` make
the ORM flush the tables they query first."""

from odoo.tests import tagged

from .common_value import CrmValueCommon


@tagged("post_install", "-at_install")
class TestReportDepends(CrmValueCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.won_stage = cls.env["crm.stage"].create({"name": "Won", "is_won": True})
        cls.stage = cls.env["crm.stage"].create({"name": "Qualify", "sequence": 1})
        cls.open = cls.env["crm.lead"].create(
            {
                "name": "Open deal",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
                "team_id": cls.team.id,
                "stage_id": cls.stage.id,
                "expected_revenue": 1000.0,
                "probability": 10.0,
            }
        )
        cls.won = cls.env["crm.lead"].create(
            {
                "name": "Won deal",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
                "team_id": cls.team.id,
                "stage_id": cls.stage.id,
                "expected_revenue": 2000.0,
            }
        )
        cls.won.stage_id = cls.won_stage
        cls.env.flush_all()

    def test_sales_velocity_reads_pending_writes(self):
        self.open.expected_revenue = 1500.0
        row = self.env["crm.sales.velocity.report"].search([("lead_id", "=", self.open.id)])
        self.assertEqual(row.expected_revenue, 1500.0)

    def test_forecast_reads_pending_writes(self):
        self.open.probability = 50.0
        [(weighted,)] = self.env["crm.forecast.report"]._read_group(
            [("lead_id", "=", self.open.id)], [], ["weighted_amount:sum"]
        )
        self.assertAlmostEqual(weighted, 500.0)

    def test_funnel_velocity_reads_pending_writes(self):
        other_team = self.env["crm.team"].create({"name": "Shiraz Sales"})
        self.env.flush_all()
        history = self.env["crm.lead.stage.history"].search([("lead_id", "=", self.open.id)])
        self.assertTrue(history)
        history.team_id = other_team
        rows = self.env["crm.funnel.velocity.report"].search([("team_id", "=", other_team.id)])
        self.assertEqual(rows.lead_id, self.open)

    def test_customer_kpis_read_pending_writes(self):
        self.won.expected_revenue = 2500.0
        [(deal,)] = self.env["crm.customer.kpi.report"]._read_group(
            [("partner_id", "=", self.customer.id), ("kind", "=", "opportunity")],
            [],
            ["deal_size:avg"],
        )
        self.assertAlmostEqual(deal, 2500.0)

    def test_attribution_reads_pending_writes(self):
        self.won.expected_revenue = 3000.0
        row = self.env["crm.attribution.report"].search([("lead_id", "=", self.won.id)], limit=1)
        self.assertEqual(row.deal_revenue, 3000.0)
