# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The forecast compares each quota with the opportunities expected or won inside its own
period, even when the period is not a Gregorian month (a Jalali month, 21 March – 20 April)."""

import datetime

from odoo.tests import tagged

from .common_value import CrmValueCommon


@tagged("post_install", "-at_install")
class TestForecastReport(CrmValueCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        year = cls.today.year + 1
        cls.start = datetime.date(year, 3, 21)
        cls.end = datetime.date(year, 4, 20)
        cls.isfahan = cls.env["crm.team"].create({"name": "Isfahan Sales"})
        cls.quota = cls.env["crm.quota"].create(
            {
                "team_id": cls.isfahan.id,
                "period_type": "month",
                "period_date": cls.start,
                "date_from": cls.start,
                "date_to": cls.end,
                "target_amount": 3100.0,
            }
        )
        stage = cls.env["crm.stage"].create({"name": "Qualify", "sequence": 1})
        won_stage = cls.env["crm.stage"].create({"name": "Won", "is_won": True})

        def deal(revenue, probability, month, day):
            return cls.env["crm.lead"].create(
                {
                    "name": f"Deal {revenue}",
                    "type": "opportunity",
                    "partner_id": cls.customer.id,
                    "team_id": cls.isfahan.id,
                    "user_id": False,
                    "stage_id": stage.id,
                    "expected_revenue": revenue,
                    "probability": probability,
                    "date_deadline": datetime.date(year, month, day),
                }
            )

        cls.inside = deal(1000.0, 50.0, 3, 25) | deal(400.0, 25.0, 4, 18)
        # in the same Gregorian months, outside the quota's period
        cls.outside = deal(2000.0, 50.0, 3, 15) | deal(1000.0, 50.0, 4, 25)
        cls.won = deal(800.0, 10.0, 4, 30)
        cls.won.stage_id = won_stage
        cls.won.date_closed = datetime.datetime(year, 4, 10, 12)
        cls.env.flush_all()

    def test_quota_against_its_own_period(self):
        [(quota, target, weighted, won, attainment)] = self.env["crm.forecast.report"]._read_group(
            [("quota_id", "=", self.quota.id)],
            ["quota_id"],
            [
                "quota_amount:sum",
                "quota_weighted_amount:sum",
                "quota_won_amount:sum",
                "forecast_attainment:avg",
            ],
        )
        self.assertEqual(quota, self.quota)
        self.assertAlmostEqual(target, 3100.0)
        # 1000 × 50% on 25 March and 400 × 25% on 18 April; not 15 March nor 25 April
        self.assertAlmostEqual(weighted, 600.0)
        self.assertAlmostEqual(won, 800.0)
        self.assertAlmostEqual(attainment, 100.0 * 1400.0 / 3100.0)

    def test_quota_spread_over_the_days_of_its_period(self):
        months = self.env["crm.forecast.report"]._read_group(
            [("quota_id", "=", self.quota.id)], ["date:month"], ["quota_amount:sum"]
        )
        # 11 days of March and 20 days of April
        self.assertEqual(
            [(month, round(amount, 6)) for month, amount in months],
            [(self.start.replace(day=1), 1100.0), (self.end.replace(day=1), 2000.0)],
        )
        dates = self.env["crm.forecast.report"].search([("quota_id", "=", self.quota.id)])
        self.assertEqual(
            (min(dates.mapped("date")), max(dates.mapped("date"))), (self.start, self.end)
        )

    def test_pipeline_on_its_expected_closing_date(self):
        rows = self.env["crm.forecast.report"].search(
            [("lead_id", "in", (self.inside | self.outside).ids)]
        )
        self.assertEqual(
            sorted(rows.mapped("date")),
            sorted((self.inside | self.outside).mapped("date_deadline")),
        )
        [(weighted,)] = self.env["crm.forecast.report"]._read_group(
            [
                ("kind", "=", "pipeline"),
                ("team_id", "=", self.isfahan.id),
                ("date", ">=", self.start),
                ("date", "<=", self.end),
            ],
            [],
            ["weighted_amount:sum"],
        )
        self.assertAlmostEqual(weighted, 600.0)
