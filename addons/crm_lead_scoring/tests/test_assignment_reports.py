# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from ast import literal_eval

from odoo.tests import new_test_user, tagged

from .common import ScoringCommon


@tagged("post_install", "-at_install")
class TestAssignmentAndReports(ScoringCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["crm.scoring.rule"].create(
            [
                {
                    "name": "Large deal",
                    "domain": "[('expected_revenue', '>=', 1000000000)]",
                    "points": 50,
                },
                {"name": "Has a phone", "domain": "[('phone', '!=', False)]", "points": 25},
            ]
        )
        cls.senior = new_test_user(
            cls.env, "scoring_senior", groups="sales_team.group_sale_salesman", name="Amir"
        )
        cls.junior = new_test_user(
            cls.env, "scoring_junior", groups="sales_team.group_sale_salesman", name="Neda"
        )
        cls.key_accounts = cls.env["crm.team"].create(
            {
                "name": "Key Accounts",
                "assignment_domain": "[('country_id', '!=', False)]",
                "crm_team_member_ids": [
                    (0, 0, {"user_id": cls.senior.id, "assignment_max": 30}),
                    (0, 0, {"user_id": cls.junior.id, "assignment_max": 30}),
                ],
            }
        )

    def _unassigned(self, name, revenue, phone=False):
        return self.env["crm.lead"].create(
            {
                "name": name,
                "type": "lead",
                "team_id": False,
                "user_id": False,
                "expected_revenue": revenue,
                "phone": phone,
                "country_id": self.env.ref("base.ir").id,
            }
        )

    def test_conditions_live_in_odoo_assignment_domain(self):
        self.key_accounts.write({"assignment_min_temperature": "warm", "assignment_min_score": 10})
        domain = literal_eval(self.key_accounts.assignment_domain)
        self.assertIn(("country_id", "!=", False), domain)
        self.assertIn(("temperature", "in", ["warm", "hot"]), domain)
        self.assertIn(("score_total", ">=", 10), domain)
        self.key_accounts.write({"assignment_min_temperature": "hot", "assignment_min_score": 0})
        domain = literal_eval(self.key_accounts.assignment_domain)
        self.assertIn(("temperature", "in", ["hot"]), domain)
        self.assertNotIn(("score_total", ">=", 10), domain)
        self.assertIn(("country_id", "!=", False), domain)

    def test_odoo_assignment_routes_by_temperature_and_grade(self):
        self.key_accounts.write({"assignment_min_temperature": "warm"})
        senior_member = self.key_accounts.crm_team_member_ids.filtered(
            lambda m: m.user_id == self.senior
        )
        senior_member.write({"assignment_min_grade": "A"})
        hot = self._unassigned("Hot lead", 2e9, "+98 912 345 6789")
        warm = self._unassigned("Warm lead", 2e9)
        cold = self._unassigned("Cold lead", 1e6)
        self.assertEqual(
            (hot.temperature, warm.temperature, cold.temperature), ("hot", "warm", "cold")
        )
        self.key_accounts._allocate_leads()
        self.assertEqual(hot.team_id, self.key_accounts)
        self.assertEqual(warm.team_id, self.key_accounts)
        self.assertFalse(cold.team_id)
        self.key_accounts._assign_and_convert_leads()
        # fit 75 is grade A (default bands); fit 50 is B: only the junior takes it
        self.assertEqual(warm.user_id, self.junior)
        self.assertTrue(hot.user_id)

    def test_odoo_assignment_balances_members_within_their_capacity(self):
        """Score conditions only filter: Odoo's round-robin shares the leads among members
        up to each member's daily capacity (monthly maximum ÷ 30)."""
        self.key_accounts.write({"assignment_min_temperature": "warm"})
        members = self.key_accounts.crm_team_member_ids
        members.filtered(lambda m: m.user_id == self.senior).assignment_max = 60
        leads = self.env["crm.lead"]
        for i in range(4):
            leads |= self._unassigned(f"Warm lead {i}", 2e9)
        cold = self._unassigned("Cold lead", 1e6)
        self.key_accounts._allocate_leads()
        self.assertEqual(leads.team_id, self.key_accounts)
        self.assertFalse(cold.team_id)
        self.key_accounts._assign_and_convert_leads(force_quota=True)
        per_user = {
            user: len(leads.filtered(lambda lead, u=user: lead.user_id == u))
            for user in (self.senior, self.junior)
        }
        self.assertEqual(per_user, {self.senior: 2, self.junior: 1})
        self.assertEqual(len(leads.filtered(lambda lead: not lead.user_id)), 1)

    def test_reports_compare_score_and_pls_and_rules_in_won_and_lost(self):
        won_stage = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        won = self._unassigned("Won deal", 2e9, "+98 912 000 0001")
        lost = self._unassigned("Lost deal", 1e6, "+98 912 000 0002")
        won.write({"stage_id": won_stage.id, "team_id": self.team.id})
        lost.action_set_lost()
        self.env.flush_all()
        Report = self.env["crm.lead.score.report"]
        row = Report.search([("lead_id", "=", won.id)])
        self.assertEqual((row.outcome, row.score_band, row.conversion_rate), ("won", "70", 100))
        row = Report.search([("lead_id", "=", lost.id)])
        self.assertEqual((row.outcome, row.score_band, row.conversion_rate), ("lost", "20", 0))
        groups = Report._read_group(
            [("lead_id", "in", (won | lost).ids)], ["score_band"], ["conversion_rate:avg"]
        )
        self.assertEqual(dict(groups), {"20": 0.0, "70": 100.0})
        self.assertTrue(
            Report._read_group(
                [("lead_id", "in", (won | lost).ids)], ["probability_band"], ["__count"]
            )
        )
        Contribution = self.env["crm.scoring.rule.contribution.report"]
        rows = Contribution._read_group(
            [("lead_id", "in", (won | lost).ids)], ["rule_id", "outcome"], ["__count"]
        )
        by_rule = {(rule.name, outcome): count for rule, outcome, count in rows}
        self.assertEqual(by_rule[("Large deal", "won")], 1)
        self.assertEqual(by_rule[("Has a phone", "lost")], 1)
        self.assertNotIn(("Large deal", "lost"), by_rule)
        # a salesperson sees the rows of their own leads only
        self.lead.flush_recordset()
        rows = Report.with_user(self.salesman2).search([("lead_id", "=", self.lead.id)])
        self.assertFalse(rows)
        self.assertTrue(Report.with_user(self.salesman).search([("lead_id", "=", self.lead.id)]))
