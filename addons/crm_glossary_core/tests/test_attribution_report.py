# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from odoo.tests import tagged

from ..tools import attribution
from .common import CrmGlossaryCommon


@tagged("post_install", "-at_install")
class TestAttributionReport(CrmGlossaryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.won_stage = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        cls.campaigns = cls.env["utm.campaign"].create(
            [{"name": "Search ads"}, {"name": "Exhibition"}, {"name": "Newsletter"}]
        )
        cls.won_at = datetime(2026, 4, 15, 12, 0)
        cls.opp = (
            cls.env["crm.lead"]
            .with_context(crm_touchpoint_skip=True)
            .create(
                {
                    "name": "Won deal",
                    "type": "opportunity",
                    "partner_id": cls.contact.id,
                    "expected_revenue": 1000.0,
                    "user_id": cls.salesman.id,
                }
            )
        )
        cls.ages = [20.0, 10.0, 5.0, 0.0]
        for age, campaign in zip(cls.ages, cls.campaigns + cls.campaigns[:1], strict=True):
            cls.env["crm.touchpoint"].create(
                {
                    "lead_id": cls.opp.id,
                    "channel": "email",
                    "summary": "touch",
                    "campaign_id": campaign.id,
                    "date": cls.won_at - timedelta(days=age),
                }
            )
        cls.opp.write({"stage_id": cls.won_stage.id})
        cls.opp.date_closed = cls.won_at
        cls.env.flush_all()

    def _rows(self):
        return self.env["crm.attribution.report"].search(
            [("lead_id", "=", self.opp.id)], order="position"
        )

    def test_sql_weights_match_the_reference_models(self):
        rows = self._rows()
        self.assertEqual(rows.mapped("position"), [1, 2, 3, 4])
        expected = {
            "first_touch_revenue": attribution.first_touch(4),
            "last_touch_revenue": attribution.last_touch(4),
            "linear_revenue": attribution.linear(4),
            "u_shaped_revenue": attribution.u_shaped(4),
            "time_decay_revenue": attribution.time_decay(self.ages, 7.0),
        }
        for fname, weights in expected.items():
            for row, weight in zip(rows, weights, strict=True):
                self.assertAlmostEqual(row[fname], 1000.0 * weight, places=4, msg=fname)

    def test_half_life_is_configurable(self):
        self.env["ir.config_parameter"].set_param(
            "crm_glossary_core.attribution_half_life_days", "20"
        )
        self.env.flush_all()
        rows = self._rows()
        for row, weight in zip(rows, attribution.time_decay(self.ages, 20.0), strict=True):
            self.assertAlmostEqual(row.time_decay_revenue, 1000.0 * weight, places=4)

    def test_campaign_results(self):
        search_ads = self.campaigns[0]
        search_ads.crm_cost = 200.0
        # search ads earned touches 1 and 4 of 4: half of the deal linearly
        self.assertAlmostEqual(search_ads.crm_attributed_revenue, 500.0)
        self.assertAlmostEqual(search_ads.crm_roi, 150.0)
        self.opp.campaign_id = search_ads
        search_ads.invalidate_recordset()
        self.assertEqual(search_ads.crm_result_lead_count, 1)
        self.assertEqual(search_ads.crm_result_won_count, 1)
        self.assertAlmostEqual(search_ads.crm_conversion_rate, 100.0)

    def test_salesman_sees_only_his_deals(self):
        other_opp = self.opp.copy({"user_id": self.salesman_2.id})
        other_opp.write({"stage_id": self.won_stage.id})
        self.env.flush_all()
        rows = self.env["crm.attribution.report"].with_user(self.salesman).search([])
        self.assertIn(self.opp, rows.lead_id)
        self.assertNotIn(other_opp, rows.lead_id)
        rows = self.env["crm.attribution.report"].with_user(self.manager).search([])
        self.assertIn(other_opp, rows.lead_id)
