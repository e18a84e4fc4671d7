# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Refusals of bad framework and threshold settings, criteria added to a framework in use and
who answered a qualification question."""

from contextlib import contextmanager

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ScoringCommon


@tagged("post_install", "-at_install")
class TestQualificationRules(ScoringCommon):
    @contextmanager
    def _refused(self, message):
        """Expect a ValidationError, and roll back what the refused write did."""
        with self.assertRaisesRegex(ValidationError, message), self.env.cr.savepoint():
            yield

    def test_out_of_range_settings_are_refused_with_a_message(self):
        budget = self.env.ref("crm_lead_scoring.criterion_bant_budget")
        Option = self.env["crm.qualification.answer.option"]
        for points in (-1, 101):
            with self._refused("go from 0 to 100"):
                Option.create({"criterion_id": budget.id, "name": "Maybe", "points": points})
        with self._refused("go from 0 to 100"):
            self.env.ref("crm_lead_scoring.option_bant_budget_yes").points = 150
        with self._refused("weight of the criterion “Budget”"):
            budget.weight = -1
        for points in (-5, 120):
            with self._refused("points to satisfy the criterion"):
                budget.min_points = points
        budget.write({"weight": 0, "min_points": 100})
        self.assertEqual((budget.weight, budget.min_points), (0, 100))

    def test_thresholds_in_the_wrong_order_are_refused(self):
        # hot is 60: an MQL threshold above it, or at zero, is refused
        with self._refused("“Hot From” must be above “MQL Threshold”"):
            self.team.score_mql_threshold = 70
        with self._refused("“MQL Threshold” must be above “0”"):
            self.team.score_mql_threshold = 0
        with self._refused("must be above"):
            self.team.write({"score_grade_a": 20, "score_grade_b": 20})
        self.team.score_mql_threshold = 60
        self.assertEqual(self.team.score_mql_threshold, 60)

    def test_criterion_added_later_gets_answer_lines_on_leads_using_the_framework(self):
        champ_lead = self.env["crm.lead"].create(
            {"name": "CHAMP lead", "qualification_framework_id": self.champ.id}
        )
        second = self.env["crm.lead"].create({"name": "Second", "team_id": self.team.id})
        criterion = self.env["crm.qualification.criterion"].create(
            {
                "framework_id": self.bant.id,
                "name": "Competition",
                "question": "Who else is the customer talking to?",
                "answer_type": "scale",
            }
        )
        for lead in self.lead | second:
            self.assertIn(criterion, lead.qualification_answer_ids.criterion_id, lead.name)
            self.assertEqual(len(lead.qualification_answer_ids), 5)
        self.assertNotIn(criterion, champ_lead.qualification_answer_ids.criterion_id)
        line = self.lead.qualification_answer_ids.filtered(lambda a: a.criterion_id == criterion)
        self.assertFalse(line.is_answered)

    def test_who_answered_is_stamped_by_the_server(self):
        answer = self.lead.qualification_answer_ids.filtered(
            lambda a: a.criterion_id == self.env.ref("crm_lead_scoring.criterion_bant_budget")
        )
        as_salesman = answer.with_user(self.salesman)
        # the stamp cannot be written by the client
        as_salesman.write({"answered_by_id": self.salesman2.id, "answered_on": "2020-01-01"})
        self.assertFalse(answer.answered_by_id or answer.answered_on)
        # evidence on an unanswered question is not an answer
        as_salesman.evidence = "Asked, no reply yet"
        self.assertFalse(answer.answered_by_id or answer.is_answered)
        option = self.env.ref("crm_lead_scoring.option_bant_budget_yes")
        as_salesman.write({"option_id": option.id, "answered_by_id": self.salesman2.id})
        self.assertEqual(answer.answered_by_id, self.salesman)
        self.assertTrue(answer.answered_on)
        # new evidence for the answer: stamped with who gave it
        answer.with_user(self.manager).evidence = "Budget letter received"
        self.assertEqual(answer.answered_by_id, self.manager)
        # clearing the answer clears the stamp
        as_salesman.option_id = False
        self.assertFalse(answer.answered_by_id or answer.answered_on or answer.is_answered)

    def test_scale_answer_stamp(self):
        criterion = self.env["crm.qualification.criterion"].create(
            {
                "framework_id": self.bant.id,
                "name": "Urgency",
                "question": "How urgent is it, from 0 to 5?",
                "answer_type": "scale",
            }
        )
        answer = self.lead.qualification_answer_ids.filtered(
            lambda a: a.criterion_id == criterion
        ).with_user(self.salesman)
        answer.evidence = "Not asked yet"
        self.assertFalse(answer.is_answered)
        answer.scale_value = 0
        self.assertTrue(answer.is_answered)
        self.assertEqual(answer.answered_by_id, self.salesman)
