# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common_value import CrmValueCommon


@tagged("post_install", "-at_install")
class TestQuota(CrmValueCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Quota = cls.env["crm.quota"]
        cls.won_stage = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)

    def _quota(self, **vals):
        return self.Quota.create(
            {
                "user_id": self.salesman.id,
                "period_type": "month",
                "period_date": self.today,
                "target_type": "won_revenue",
                "target_amount": 1000.0,
                **vals,
            }
        )

    def test_period_bounds(self):
        day = datetime.date(2025, 5, 17)
        self.assertEqual(
            self.Quota._get_period_bounds("month", day),
            (datetime.date(2025, 5, 1), datetime.date(2025, 5, 31)),
        )
        self.assertEqual(
            self.Quota._get_period_bounds("quarter", day),
            (datetime.date(2025, 4, 1), datetime.date(2025, 6, 30)),
        )
        self.assertEqual(
            self.Quota._get_period_bounds("year", day),
            (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)),
        )
        quota = self._quota(period_type="quarter", period_date=day)
        self.assertEqual(quota.date_from, datetime.date(2025, 4, 1))
        self.assertEqual(quota.date_to, datetime.date(2025, 6, 30))

    def test_bad_input_is_refused(self):
        self._quota()
        with self.assertRaisesRegex(ValidationError, "overlaps"):
            self._quota(period_type="quarter")
        # the same salesperson with and without a team is still the same salesperson
        with self.assertRaisesRegex(ValidationError, "overlaps"), self.env.cr.savepoint():
            self._quota(team_id=self.team.id)
        team_quota = self._quota(user_id=False, team_id=self.team.id)
        with self.assertRaisesRegex(ValidationError, "overlaps"), self.env.cr.savepoint():
            self._quota(user_id=False, team_id=self.team.id, period_type="year")
        team_quota.active = False
        self._quota(user_id=False, team_id=self.team.id, period_type="year")
        # another target or another person may overlap
        self._quota(target_type="won_deals", target_amount=5)
        self._quota(user_id=self.other_salesman.id)
        with self.assertRaisesRegex(ValidationError, "before it starts"):
            self._quota(
                user_id=self.manager.id,
                date_from=datetime.date(2025, 5, 1),
                date_to=datetime.date(2025, 4, 1),
            )
        other_currency = (
            self.env["res.currency"]
            .with_context(active_test=False)
            .search([("id", "!=", self.company.currency_id.id)], limit=1)
        )
        other_currency.active = True
        with self.assertRaisesRegex(ValidationError, "company currency"):
            self._quota(user_id=self.manager.id, currency_id=other_currency.id)
        with self.assertRaises(ValidationError):
            self.Quota.create(
                {"period_type": "month", "target_type": "won_deals", "target_amount": 3}
            )

    def test_attainment_from_won_opportunities_and_invoices(self):
        leads = self.env["crm.lead"].create(
            [
                {
                    "name": f"Deal {i}",
                    "type": "opportunity",
                    "user_id": self.salesman.id,
                    "team_id": self.team.id,
                    "expected_revenue": amount,
                }
                for i, amount in enumerate((300.0, 450.0, 999.0))
            ]
        )
        leads[:2].write({"stage_id": self.won_stage.id})
        won_revenue = self._quota()
        won_deals = self._quota(target_type="won_deals", target_amount=4)
        team_quota = self._quota(
            user_id=False, team_id=self.team.id, target_type="won_deals", target_amount=2
        )
        customer = self.env["res.partner"].create({"name": "New Buyer"})
        self._invoice(customer, 700.0, invoice_user_id=self.salesman.id)
        self._invoice(customer, 300.0, invoice_user_id=self.salesman.id)
        self._invoice(self.customer, 100.0, days_ago=400, invoice_user_id=self.salesman.id)
        self._invoice(self.customer, 50.0, invoice_user_id=self.salesman.id)
        invoiced = self._quota(target_type="invoiced_revenue", target_amount=2000.0)
        new_customers = self._quota(target_type="new_customers", target_amount=4)
        quotas = won_revenue | won_deals | team_quota | invoiced | new_customers
        quotas.invalidate_recordset()
        self.assertAlmostEqual(won_revenue.achieved_amount, 750.0)
        self.assertAlmostEqual(won_revenue.attainment, 75.0)
        self.assertEqual(won_deals.achieved_amount, 2)
        self.assertEqual(team_quota.attainment, 100.0)
        self.assertAlmostEqual(invoiced.achieved_amount, 1050.0)
        self.assertEqual(new_customers.achieved_amount, 1, "Pars Trading bought last year")
        last_month = self._quota(
            period_date=fields.Date.subtract(self.today.replace(day=1), days=1)
        )
        self.assertEqual(last_month.achieved_amount, 0.0)

    def test_attainment_query_count_is_grouped(self):
        quotas = self._quota() | self._quota(user_id=self.other_salesman.id)
        quotas |= self._quota(target_type="invoiced_revenue")
        quotas.invalidate_recordset()
        with self.assertQueryCount(3):
            quotas.mapped("attainment")

    def test_salesman_sees_own_and_team_quotas_manager_all(self):
        own = self._quota()
        team_quota = self._quota(user_id=False, team_id=self.team.id)
        other = self._quota(user_id=self.other_salesman.id)
        visible = self.Quota.with_user(self.salesman).search([])
        self.assertIn(own, visible)
        self.assertIn(team_quota, visible)
        self.assertNotIn(other, visible)
        with self.assertRaises(AccessError):
            own.with_user(self.salesman).write({"target_amount": 1.0})
        self.assertLessEqual(
            own | team_quota | other, self.Quota.with_user(self.manager).search([])
        )
        self.assertNotIn(own, self.Quota.with_user(self.other_company_user).search([]))

    def test_teammates_do_not_see_each_others_personal_quotas(self):
        """Two salesmen of one team: each sees his own personal quotas and the team's quota,
        not his teammate's, even when the teammate's quota names the team; the forecast's
        quota rows follow the same rule. Managers see every quota."""
        self.team.member_ids |= self.other_salesman
        other_team = self.env["crm.team"].create({"name": "Shiraz Sales"})
        mine = self._quota(team_id=self.team.id)
        teammate = self._quota(user_id=self.other_salesman.id, team_id=self.team.id)
        team_quota = self._quota(user_id=False, team_id=self.team.id)
        other_team_quota = self._quota(user_id=False, team_id=other_team.id)
        quotas = mine | teammate | team_quota | other_team_quota
        all_leads = new_test_user(
            self.env,
            login="crm_quota_all_leads",
            groups="sales_team.group_sale_salesman_all_leads",
        )
        self.team.member_ids |= all_leads
        Forecast = self.env["crm.forecast.report"]
        for user, expected in (
            (self.salesman, mine | team_quota),
            (self.other_salesman, teammate | team_quota),
            (all_leads, team_quota),
            (self.manager, quotas),
        ):
            visible = self.Quota.with_user(user).search([("id", "in", quotas.ids)])
            self.assertEqual(visible, expected, user.login)
            rows = Forecast.with_user(user).search(
                [("kind", "=", "quota"), ("quota_id", "in", quotas.ids)]
            )
            self.assertEqual(rows.quota_id, expected, user.login)
        # forecast rows of opportunities are unchanged: all-leads users see every one
        lead = self.env["crm.lead"].create(
            {
                "name": "Teammate deal",
                "type": "opportunity",
                "user_id": self.other_salesman.id,
                "expected_revenue": 100.0,
                "probability": 50,
            }
        )
        self.assertTrue(Forecast.with_user(all_leads).search([("lead_id", "=", lead.id)]))
        self.assertFalse(Forecast.with_user(self.salesman).search([("lead_id", "=", lead.id)]))
