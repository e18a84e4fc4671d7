# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import ScoringCommon


@tagged("post_install", "-at_install")
class TestQualification(ScoringCommon):
    def test_shipped_frameworks(self):
        codes = {
            "bant": 4,
            "champ": 4,
            "meddic": 6,
            "meddpicc": 8,
            "anum": 4,
            "gpctba": 8,
            "faint": 5,
        }
        for code, count in codes.items():
            framework = self.env.ref(f"crm_lead_scoring.framework_{code}")
            self.assertEqual(len(framework.criterion_ids), count, code)
            self.assertTrue(framework.criterion_ids.filtered("required"), code)
            for criterion in framework.criterion_ids.filtered("required"):
                self.assertTrue(criterion.option_ids, criterion.name)

    def test_lead_gets_team_framework_and_one_line_per_criterion(self):
        self.assertEqual(self.lead.qualification_framework_id, self.bant)
        self.assertEqual(self.lead.qualification_answer_ids.criterion_id, self.bant.criterion_ids)
        self.assertEqual(self.lead.qualification_percentage, 0)
        self.assertFalse(self.lead.is_qualified)

    def test_answers_qualify_the_lead_and_move_it_to_sql(self):
        lead = self.lead.with_user(self.salesman)
        answer = self._answer(lead, "criterion_bant_budget")
        self.assertEqual(answer.answered_by_id, self.salesman)
        self.assertTrue(answer.answered_on)
        self.assertTrue(answer.satisfied)
        self._answer(lead, "criterion_bant_authority")
        self._answer(lead, "criterion_bant_need", "partly")
        # weights: budget 2, authority 2, need 2, timeline 1 -> (200+200+100) / 7
        self.assertAlmostEqual(lead.qualification_percentage, 71.43, places=2)
        self.assertTrue(lead.is_qualified)
        self.assertEqual(lead.qualification_status, "sql")
        self.assertTrue(lead.sql_date)

    def test_a_refused_required_criterion_keeps_the_lead_unqualified(self):
        self._answer(self.lead, "criterion_bant_budget")
        self._answer(self.lead, "criterion_bant_authority")
        self._answer(self.lead, "criterion_bant_need", "no")
        self.assertFalse(self.lead.is_qualified)
        self.assertEqual(self.lead.qualification_status, "raw")

    def test_wizard_walks_through_the_questions(self):
        action = self.lead.with_user(self.salesman).action_open_qualification_wizard()
        wizard = self.env["crm.lead.qualification.wizard"].browse(action["res_id"])
        wizard = wizard.with_user(self.salesman)
        self.assertEqual(wizard.step_count, 4)
        self.assertEqual(
            wizard.criterion_id, self.env.ref("crm_lead_scoring.criterion_bant_budget")
        )
        for _step in range(3):
            wizard.option_id = wizard.criterion_id.option_ids.sorted("points")[-1]
            wizard.evidence = "Approved by the board"
            wizard.action_next()
        self.assertEqual(wizard.criterion_id.name, "Timeline")
        wizard.action_previous()
        self.assertEqual(wizard.criterion_id.name, "Need")
        self.assertEqual(wizard.evidence, "Approved by the board")
        wizard.action_done()
        self.assertTrue(self.lead.is_qualified)
        self.assertEqual(self.lead.qualification_status, "sql")
        self.assertEqual(
            set(self.lead.qualification_answer_ids.filtered("is_answered").mapped("evidence")),
            {"Approved by the board"},
        )

    def test_changing_framework_keeps_answers_in_history(self):
        self._answer(self.lead, "criterion_bant_budget")
        self.lead.qualification_framework_id = self.champ
        self.assertEqual(self.lead.qualification_answer_ids.framework_id, self.champ)
        history = self.lead.qualification_history_ids
        self.assertEqual(history.framework_id, self.bant)
        self.assertEqual(
            history.filtered("is_answered").criterion_id,
            self.env.ref("crm_lead_scoring.criterion_bant_budget"),
        )
        self.assertEqual(self.lead.qualification_percentage, 0)
        self.lead.qualification_framework_id = self.bant
        self.assertGreater(self.lead.qualification_percentage, 0)

    def test_required_criterion_needs_answer_options(self):
        with self.assertRaisesRegex(ValidationError, "answer options"):
            self.env["crm.qualification.criterion"].create(
                {
                    "framework_id": self.bant.id,
                    "name": "Champion",
                    "question": "Who sells for us inside?",
                    "required": True,
                }
            )

    def test_only_managers_edit_frameworks(self):
        with self.assertRaises(AccessError):
            self.bant.with_user(self.salesman).write({"name": "My BANT"})
        with self.assertRaises(AccessError):
            self.env["crm.qualification.framework"].with_user(self.salesman).create(
                {"name": "SPIN"}
            )
        framework = self.env["crm.qualification.framework"].with_user(self.manager)
        spin = framework.create({"name": "SPIN"})
        self.assertEqual(spin.name, "SPIN")
        self.assertTrue(self.bant.with_user(self.salesman).criterion_ids)

    def test_salesperson_answers_only_leads_they_can_edit(self):
        answer = self.lead.qualification_answer_ids[:1]
        option = answer.criterion_id.option_ids[:1]
        with self.assertRaises(AccessError):
            answer.with_user(self.salesman2).write({"option_id": option.id})
        with self.assertRaises(AccessError):
            self.lead.qualification_answer_ids.with_user(self.other_company_user).mapped("points")

    def test_qualification_tab_form(self):
        form = Form(self.lead.with_user(self.salesman))
        with form.qualification_answer_ids.edit(0) as line:
            line.option_id = self.env.ref("crm_lead_scoring.option_bant_budget_yes")
            line.evidence = "Budget of 2 billion IRR approved"
        form.save()
        answer = self.lead.qualification_answer_ids[0]
        self.assertEqual(answer.evidence, "Budget of 2 billion IRR approved")
        self.assertEqual(answer.answered_by_id, self.salesman)
