# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import ScoringCommon


@tagged("post_install", "-at_install")
class TestScoring(ScoringCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Rule = cls.env["crm.scoring.rule"]
        cls.rule_revenue = Rule.create(
            {
                "name": "Deal over 1 billion IRR",
                "rule_type": "fit",
                "domain": "[('expected_revenue', '>=', 1000000000)]",
                "points": 20,
            }
        )
        cls.rule_company = Rule.create(
            {
                "name": "Company customer",
                "rule_type": "fit",
                "domain": "[('partner_id.is_company', '=', True)]",
                "points": 10,
            }
        )
        cls.rule_email = Rule.create(
            {
                "name": "Email received",
                "rule_type": "engagement",
                "channel": "email",
                "direction": "inbound",
                "count_mode": "each",
                "points": 15,
                "max_points": 30,
                "decay": True,
                "half_life_days": 7,
            }
        )
        cls.rule_quote = Rule.create(
            {
                "name": "Quotation sent",
                "rule_type": "engagement",
                "document_model": "sale.order",
                "points": 25,
            }
        )
        cls.Touchpoint = cls.env["crm.touchpoint"]

    def _email_in(self, lead=None, date=None):
        return self.Touchpoint._log(lead or self.lead, "email", "inbound", date=date)

    def test_fit_rules_give_points_grade_and_breakdown(self):
        lead = self.lead
        self.assertEqual(lead.score_fit, 30)
        self.assertEqual(lead.fit_grade, "B")
        self.assertEqual(lead.score_line_ids.rule_id, self.rule_revenue | self.rule_company)
        self.assertEqual(sum(lead.score_line_ids.mapped("current_points")), 30)
        lead.expected_revenue = 10_000_000
        self.assertEqual(lead.score_fit, 10)
        self.assertEqual(lead.fit_grade, "C")
        self.assertEqual(lead.score_line_ids.rule_id, self.rule_company)

    def test_engagement_counts_each_occurrence_up_to_the_cap(self):
        self._email_in()
        line = self.lead.score_line_ids.filtered(lambda line: line.rule_id == self.rule_email)
        self.assertEqual(line.current_points, 15)
        self.assertEqual(self.lead.score_engagement, 15)
        self.assertEqual(self.lead.score_total, 45)
        self._email_in()
        self._email_in()
        self.assertEqual(line.occurrences, 3)
        self.assertEqual(self.lead.score_engagement, 30)
        # outbound email does not match the rule
        self.Touchpoint._log(self.lead, "email", "outbound")
        self.assertEqual(self.lead.score_engagement, 30)

    def test_quotation_sent_counts_once(self):
        for _i in range(2):
            self.Touchpoint._log(self.lead, "email", "outbound", res_model="sale.order", res_id=1)
        line = self.lead.score_line_ids.filtered(lambda line: line.rule_id == self.rule_quote)
        self.assertEqual((line.occurrences, line.current_points), (2, 25))

    def test_incremental_and_full_recompute_agree(self):
        self._email_in(date=fields.Datetime.now() - timedelta(days=7))
        self._email_in()
        incremental = self.lead.score_engagement
        self.lead._score_recompute()
        self.assertEqual(self.lead.score_engagement, incremental)
        self.assertEqual(incremental, round(15 * 0.5 + 15))

    def test_incremental_and_full_recompute_agree_over_the_cap_and_out_of_order(self):
        now = fields.Datetime.now()
        # four emails two weeks ago reach the cap (30) at once, then decay to 60 / 4 = 15;
        # one more today gives 15 + 15 = 30: capping at each step would give 22.5
        for _i in range(4):
            self._email_in(date=now - timedelta(days=14))
        self._email_in(date=now)
        # an email counted late, dated a week ago, weighs 15 / 2
        self._email_in(date=now - timedelta(days=7))
        line = self.lead.score_line_ids.filtered(lambda line: line.rule_id == self.rule_email)
        incremental = (line.points, line.current_points, self.lead.score_engagement)
        self.assertAlmostEqual(incremental[0], 60 / 4 + 15 + 15 / 2, places=4)
        self.assertEqual(incremental[1:], (30, 30))
        self.lead._score_recompute()
        self.assertAlmostEqual(line.points, incremental[0], places=4)
        self.assertEqual((line.current_points, self.lead.score_engagement), incremental[1:])

    def test_lowering_the_mql_threshold_hands_off_raw_leads_above_it(self):
        self.team.write({"score_mql_threshold": 70, "score_hot_threshold": 80})
        lead = self.env["crm.lead"].create(
            {
                "name": "Above the new MQL score",
                "team_id": self.team.id,
                "user_id": self.salesman.id,
                "expected_revenue": 2_000_000_000,
            }
        )
        self.assertEqual((lead.score_total, lead.qualification_status), (20, "raw"))
        self.team.write({"score_mql_threshold": 20})
        self.assertEqual(lead.qualification_status, "mql")

    def test_decay_cron_halves_points_after_a_half_life(self):
        self._email_in()
        self.assertEqual(self.lead.score_engagement, 15)
        self.env.cr.execute(
            "UPDATE crm_lead_score_line SET points_date = points_date - interval '14 days' "
            "WHERE lead_id = %s AND rule_id = %s",
            (self.lead.id, self.rule_email.id),
        )
        self.env["crm.lead"]._cron_score_decay()
        self.assertEqual(self.lead.score_engagement, 4)  # 15 / 4 = 3.75
        self.assertTrue(self.lead.score_date)

    def test_temperature_lifecycle_mql_team_note_and_hot_activity(self):
        lead = self.lead
        self.assertEqual((lead.score_total, lead.temperature), (30, "warm"))
        # crossing the MQL threshold (30) at creation made the raw lead MQL
        self.assertEqual(lead.qualification_status, "mql")
        team_message = self.env["mail.message"].search(
            [("model", "=", "crm.team"), ("res_id", "=", self.team.id)], limit=1
        )
        self.assertIn(lead.name, team_message.body)
        self._email_in()
        self._email_in()
        self.assertEqual((lead.score_total, lead.temperature), (60, "hot"))
        notes = lead.message_ids.filtered(lambda m: "Temperature" in (m.body or ""))
        self.assertTrue(notes)
        activity = lead.activity_ids.filtered(lambda a: "Hot lead" in (a.summary or ""))
        self.assertEqual(activity.user_id, self.salesman)

    def test_a_lead_hot_again_does_not_pile_up_activities(self):
        lead = self.lead
        self._email_in()
        self._email_in()
        self.assertEqual(lead.temperature, "hot")
        self.team.write({"score_hot_threshold": 90})
        self.assertEqual(lead.temperature, "warm")
        self.team.write({"score_hot_threshold": 60})
        self.assertEqual(lead.temperature, "hot")
        activities = lead.activity_ids.filtered(lambda a: "Hot lead" in (a.summary or ""))
        self.assertEqual(len(activities), 1)
        activities.action_feedback(feedback="Called")
        self.team.write({"score_hot_threshold": 90})
        self.team.write({"score_hot_threshold": 60})
        activities = lead.activity_ids.filtered(lambda a: "Hot lead" in (a.summary or ""))
        self.assertEqual(len(activities), 1, "once done, the next hot turn plans one")

    def test_manual_temperature_holds_until_the_score_changes(self):
        self.lead.temperature = "hot"
        self.lead._cron_score_decay()
        self.assertEqual(self.lead.temperature, "hot")
        self._email_in()
        self.assertEqual(self.lead.temperature, "warm")

    def test_thresholds_change_rescores_the_team(self):
        self.team.write({"score_warm_threshold": 50, "score_hot_threshold": 80})
        self.assertEqual(self.lead.temperature, "cold")
        with self.assertRaisesRegex(ValidationError, "must be above"):
            self.team.write({"score_warm_threshold": 90})
        with self.assertRaisesRegex(ValidationError, "must be above"):
            self.team.write({"score_grade_b": 45})

    def test_new_rule_rescores_open_leads(self):
        self.env["crm.scoring.rule"].create(
            {"name": "Tehran team", "domain": f"[('team_id', '=', {self.team.id})]", "points": 5}
        )
        self.assertEqual(self.lead.score_fit, 35)

    def test_bad_rules_are_refused_at_save(self):
        Rule = self.env["crm.scoring.rule"]
        with self.assertRaisesRegex(ValidationError, "cannot be evaluated"):
            Rule.create({"name": "Broken", "domain": "[('no_such_field', '=', 1)]"})
        with self.assertRaisesRegex(ValidationError, "cannot be evaluated"):
            Rule.create({"name": "Broken", "domain": "[('name', '=',"})
        with self.assertRaisesRegex(ValidationError, "-100 to 100"):
            Rule.create({"name": "Too much", "domain": "[]", "points": 500})
        with self.assertRaisesRegex(ValidationError, "half-life"):
            self.rule_email.half_life_days = 0
        with self.assertRaisesRegex(ValidationError, "cap"):
            self.rule_email.max_points = 5
        with self.assertRaisesRegex(ValidationError, "channel"):
            Rule.create({"name": "Anything", "rule_type": "engagement"})

    def test_incremental_event_has_a_bounded_query_count(self):
        # An event that changes the score but not the temperature: the touchpoint itself (3
        # queries in core), then lock, upsert and refresh: nothing per rule or per line.
        self.team.score_hot_threshold = 90
        self._email_in()  # warm the caches (rules, registry)
        lead = self.lead
        with self.assertQueryCount(__system__=7):
            self.Touchpoint._log(lead, "email", "inbound")
            self.env.flush_all()
        self.assertEqual(lead.score_engagement, 30)

    def test_full_recompute_queries_do_not_grow_with_leads(self):
        leads = self.env["crm.lead"].create(
            [
                {"name": f"Lead {i}", "team_id": self.team.id, "expected_revenue": i * 1e9}
                for i in range(20)
            ]
        )
        self.env.flush_all()
        counts = []
        for batch in (leads[:2], leads):
            before = self.env.cr.sql_log_count
            batch._score_recompute(force_temperature=True)
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])
        self.assertEqual(
            leads.filtered(lambda lead: lead.expected_revenue >= 1e9).mapped("score_fit"), [20] * 19
        )

    def test_salesperson_reads_breakdown_of_leads_they_can_read(self):
        lines = self.lead.score_line_ids
        self.assertTrue(lines.with_user(self.salesman).mapped("current_points"))
        with self.assertRaises(AccessError):
            lines.with_user(self.salesman2).mapped("current_points")
        with self.assertRaises(AccessError):
            self.env["crm.scoring.rule"].with_user(self.salesman).create(
                {"name": "Mine", "domain": "[]"}
            )
        with self.assertRaises(AccessError):
            self.team.with_user(self.salesman).write({"score_hot_threshold": 90})
        self.assertTrue(self.rule_email.with_user(self.salesman).name)
