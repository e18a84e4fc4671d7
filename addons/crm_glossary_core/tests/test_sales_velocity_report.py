# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Sales velocity per team, salesperson and period, each factor beside it."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from ..models.crm_dashboard import sales_velocity
from .common_value import CrmValueCommon


@tagged("post_install", "-at_install")
class TestSalesVelocityReport(CrmValueCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.colleague = new_test_user(
            cls.env, login="crm_velocity_colleague", groups="sales_team.group_sale_salesman"
        )
        cls.team.member_ids |= cls.colleague
        cls.stage = cls.env["crm.stage"].create({"name": "Qualify", "sequence": 1})
        cls.won_stage = cls.env["crm.stage"].create({"name": "Won", "is_won": True})
        cls.now = fields.Datetime.now()
        cls.deals = cls.env["crm.lead"]
        # salesman: 2 open, won 3000 in 10 days, 1 lost; colleague: 1 open, won 1000 in 20 days
        cls._deal(cls.salesman, 100.0)
        cls._deal(cls.salesman, 200.0)
        cls._deal(cls.salesman, 3000.0, won_after=10)
        cls._deal(cls.salesman, 500.0, lost=True)
        cls._deal(cls.colleague, 300.0)
        cls._deal(cls.colleague, 1000.0, won_after=20)
        # an earlier period: a 9000 deal won in 30 days, three months ago
        cls._deal(cls.salesman, 9000.0, won_after=30, closed=cls.now - relativedelta(months=3))
        cls.env.flush_all()

    @classmethod
    def _deal(cls, user, revenue, won_after=None, lost=False, closed=None):
        lead = cls.env["crm.lead"].create(
            {
                "name": f"Deal {revenue}",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": user.id,
                "team_id": cls.team.id,
                "stage_id": cls.stage.id,
                "expected_revenue": revenue,
            }
        )
        if lost:
            lead.action_set_lost()
        if won_after is not None:
            closed = closed or cls.now
            lead.stage_id = cls.won_stage
            lead.date_closed = closed
            cls.env.flush_all()
            cls.env.cr.execute(
                SQL(
                    "UPDATE crm_lead SET create_date = %s WHERE id = %s",
                    closed - timedelta(days=won_after),
                    lead.id,
                )
            )
            lead.invalidate_recordset(["create_date"])
        cls.deals |= lead
        return lead

    def _groups(self, groupby, domain=()):
        return self.env["crm.sales.velocity.report"]._read_group(
            [("lead_id", "in", self.deals.ids), *domain],
            groupby,
            [
                "open_count:sum",
                "won_rate:avg",
                "won_amount:avg",
                "cycle_days:avg",
                "velocity:sum",
            ],
        )

    def _assert_velocity(self, factors, expected):
        open_count, win_rate, deal, cycle, velocity = factors
        self.assertAlmostEqual(velocity, expected, places=4)
        self.assertAlmostEqual(velocity, sales_velocity(open_count, win_rate / 100, deal, cycle))

    def test_velocity_per_salesperson_in_the_current_period(self):
        this_period = [("period_date", ">=", self.now.date().replace(day=1))]
        groups = {user: rest for user, *rest in self._groups(["user_id"], this_period)}
        # 2 open × 50% × 3000 ÷ 10 days
        self.assertEqual(groups[self.salesman][0], 2)
        self.assertAlmostEqual(groups[self.salesman][1], 50.0)
        self.assertAlmostEqual(groups[self.salesman][2], 3000.0)
        self.assertAlmostEqual(groups[self.salesman][3], 10.0, places=4)
        self._assert_velocity(groups[self.salesman], 300.0)
        # 1 open × 100% × 1000 ÷ 20 days
        self._assert_velocity(groups[self.colleague], 50.0)
        # the pivot's read_group gives the same figures
        pivot = self.env["crm.sales.velocity.report"].read_group(
            [("lead_id", "in", self.deals.ids), *this_period], ["velocity"], ["user_id"]
        )
        self.assertEqual(
            {group["user_id"][0]: round(group["velocity"], 4) for group in pivot},
            {self.salesman.id: 300.0, self.colleague.id: 50.0},
        )

    def test_velocity_per_team_is_not_the_sum_of_its_salespeople(self):
        this_period = [("period_date", ">=", self.now.date().replace(day=1))]
        [(team, *factors)] = self._groups(["team_id"], this_period)
        self.assertEqual(team, self.team)
        # 3 open × 2/3 won × 2000 average ÷ 15 days average
        self._assert_velocity(factors, 3 * (2 / 3) * 2000.0 / 15.0)

    def test_velocity_per_period(self):
        groups = self._groups(["period_date:month"])
        self.assertEqual(len(groups), 2)
        [(_earlier, *past), (_current, *current)] = sorted(groups, key=lambda g: g[0])
        # the earlier period has no open pipeline left: its velocity is nothing
        self.assertEqual(past[0], 0)
        self.assertAlmostEqual(past[2], 9000.0)
        self._assert_velocity(past, 0.0)
        self.assertEqual(current[0], 3)
        self._assert_velocity(current, 3 * (2 / 3) * 2000.0 / 15.0)

    def test_velocity_without_won_deal_is_zero(self):
        [(velocity,)] = self.env["crm.sales.velocity.report"]._read_group(
            [("lead_id", "in", self.deals.ids), ("state", "=", "open")], [], ["velocity:sum"]
        )
        self.assertEqual(velocity, 0.0)
