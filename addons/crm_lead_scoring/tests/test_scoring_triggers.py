# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What rescores a lead besides its own fields: rule conditions checked at save, contacts,
touchpoints edited or deleted, and the score report of closed leads."""

from contextlib import contextmanager
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ScoringCommon


@tagged("post_install", "-at_install")
class TestScoringTriggers(ScoringCommon):
    @contextmanager
    def _refused(self, message):
        """Expect a ValidationError, and roll back what the refused write did."""
        with self.assertRaisesRegex(ValidationError, message), self.env.cr.savepoint():
            yield

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Rule = cls.env["crm.scoring.rule"]
        cls.rule_company = Rule.create(
            {
                "name": "Company customer",
                "rule_type": "fit",
                "domain": "[('partner_id.is_company', '=', True)]",
                "points": 10,
            }
        )
        cls.industry = cls.env["res.partner.industry"].create({"name": "Petrochemicals"})
        cls.rule_industry = Rule.create(
            {
                "name": "Petrochemical customer",
                "rule_type": "fit",
                "domain": f"[('partner_id.industry_id', '=', {cls.industry.id})]",
                "points": 25,
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
            }
        )
        cls.rule_call = Rule.create(
            {
                "name": "Call made",
                "rule_type": "engagement",
                "channel": "phone",
                "direction": "outbound",
                "points": 7,
            }
        )
        cls.Touchpoint = cls.env["crm.touchpoint"]

    # ------------------------------------------------------------------ rule conditions
    def test_condition_postgresql_refuses_is_refused_at_save(self):
        Rule = self.env["crm.scoring.rule"]
        with self._refused("cannot be evaluated on leads"):
            Rule.create({"name": "Due soon", "domain": "[('date_deadline', '<', 'next week')]"})
        with self._refused("cannot be evaluated on leads"):
            self.rule_company.domain = "[('create_date', '>', 'last month')]"
        # the transaction is still usable, and a valid date condition is accepted
        rule = Rule.create(
            {"name": "Due this year", "domain": "[('date_deadline', '<', '2027-01-01')]"}
        )
        self.assertTrue(rule.exists())
        self.assertEqual(self.lead.score_fit, 10)

    # ------------------------------------------------------------------ contacts
    def test_contact_fields_named_by_fit_rules_rescore_its_leads(self):
        contact = self.env["res.partner"].create(
            {"name": "Ali Rezaei", "parent_id": self.partner.id}
        )
        contact_lead = self.env["crm.lead"].create(
            {"name": "Ali's request", "team_id": self.team.id, "partner_id": contact.id}
        )
        self.assertEqual((self.lead.score_fit, contact_lead.score_fit), (10, 0))
        # the industry is the company's: its contacts follow it
        self.partner.industry_id = self.industry
        self.assertEqual(self.lead.score_fit, 35)
        self.assertEqual(contact_lead.score_fit, 25)
        self.partner.is_company = False
        self.assertEqual(self.lead.score_fit, 25)

    def test_contact_fields_no_rule_names_do_not_rescore(self):
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        self.partner.write({"comment": "Met at the Tehran fair"})
        self.env.flush_all()
        plain = self.env.cr.sql_log_count - before
        self.assertLess(plain, 10)
        self.assertEqual(self.lead.score_fit, 10)

    # ------------------------------------------------------------------ touchpoints
    def test_edited_touchpoint_rescores_the_leads_before_and_after(self):
        other = self.env["crm.lead"].create({"name": "Other", "team_id": self.team.id})
        touch = self.Touchpoint._log(self.lead, "email", "inbound")
        self.assertEqual(self.lead.score_engagement, 15)
        touch.direction = "outbound"
        self.assertEqual(self.lead.score_engagement, 0)
        touch.write({"channel": "phone"})
        self.assertEqual(self.lead.score_engagement, 7)
        touch.write({"lead_id": other.id})
        self.assertEqual((self.lead.score_engagement, other.score_engagement), (0, 7))
        touch.write({"date": fields.Datetime.now() - timedelta(days=3)})
        self.assertEqual(other.score_engagement, 7)

    def test_deleted_touchpoint_no_longer_counts(self):
        touches = self.Touchpoint._log(self.lead, "email", "inbound")
        touches |= self.Touchpoint._log(self.lead, "email", "inbound")
        self.assertEqual(self.lead.score_engagement, 30)
        touches[0].unlink()
        self.assertEqual(self.lead.score_engagement, 15)
        # a touchpoint on the customer only counts for its open leads
        customer_touch = self.Touchpoint._log(self.partner, "phone", "outbound")
        self.assertEqual(self.lead.score_engagement, 22)
        customer_touch.unlink()
        self.assertEqual(self.lead.score_engagement, 15)

    # ------------------------------------------------------------------ report
    def test_report_compares_score_and_probability_before_closing(self):
        won_stage = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        won = self.env["crm.lead"].create(
            {"name": "Won deal", "team_id": self.team.id, "partner_id": self.partner.id}
        )
        lost = self.env["crm.lead"].create({"name": "Lost deal", "team_id": self.team.id})
        (won | lost).write({"automated_probability": 37.0, "probability": 37.0})
        lost.automated_probability = 64.0
        self.assertEqual((won.score_total, lost.score_total), (10, 0))
        won.action_set_won()
        lost.action_set_lost()
        self.assertEqual((won.automated_probability, lost.automated_probability), (100, 0))
        self.assertEqual((won.probability_at_close, won.score_at_close), (37.0, 10))
        self.assertEqual((lost.probability_at_close, lost.score_at_close), (64.0, 0))
        self.env.flush_all()
        Report = self.env["crm.lead.score.report"]
        row = Report.search([("lead_id", "=", won.id)])
        self.assertEqual(
            (row.outcome, row.score_band, row.probability_band, row.probability),
            ("won", "10", "30", 37.0),
        )
        row = Report.search([("lead_id", "=", lost.id)])
        self.assertEqual((row.outcome, row.score_band, row.probability_band), ("lost", "00", "60"))
        # a lead moved to a won stage by hand keeps its snapshot too
        staged = self.env["crm.lead"].create({"name": "Staged", "team_id": self.team.id})
        staged.automated_probability = 81.0
        staged.stage_id = won_stage
        self.env.flush_all()
        row = Report.search([("lead_id", "=", staged.id)])
        self.assertEqual((row.outcome, row.probability_band), ("won", "80"))
