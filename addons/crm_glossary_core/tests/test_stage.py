# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CrmGlossaryCommon


@tagged("post_install", "-at_install")
class TestStageGatesAndHistory(CrmGlossaryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stages = cls.env["crm.stage"].search([("team_id", "=", cls.team.id)])
        cls.opp = cls.env["crm.lead"].create(
            {
                "name": "Server room",
                "type": "opportunity",
                "team_id": cls.team.id,
                "partner_id": cls.contact.id,
                "user_id": cls.salesman.id,
            }
        )

    def _stage(self, name):
        return self.stages.filtered(lambda s: s.name == name)

    def test_new_team_starts_with_the_default_pipeline(self):
        self.assertTrue(self.team.use_own_pipeline)
        self.assertEqual(
            self.stages.sorted("sequence").mapped("name"),
            ["New", "Initial Evaluation", "Proforma Invoice Sent", "Negotiation", "Won"],
        )
        self.assertEqual(self._stage("Negotiation").default_probability, 75)
        # the team's pipeline shows its own stages only, and new deals start in "New"
        self.assertEqual(self.opp.stage_id, self._stage("New"))
        columns = self.env["crm.lead"].with_context(default_team_id=self.team.id)
        shown = columns._read_group_stage_ids(self.env["crm.stage"], [])
        self.assertEqual(shown, self.stages.sorted(lambda s: (s.sequence, s.name, s.id)))
        # existing teams keep the shared stages
        sales = self.env.ref("sales_team.team_sales_department")
        self.assertFalse(sales.use_own_pipeline)

    def test_gate_refuses_what_is_missing_and_names_it(self):
        stage = self._stage("Proforma Invoice Sent")
        revenue = self.env["ir.model.fields"]._get("crm.lead", "expected_revenue")
        stage.write({"gate_field_ids": [(6, 0, revenue.ids)], "gate_decision_maker": True})
        with self.assertRaises(UserError) as error:
            self.opp.with_user(self.salesman).write({"stage_id": stage.id})
        self.assertIn("Expected Revenue", str(error.exception))
        self.assertIn("decision maker", str(error.exception))
        self.assertEqual(self.opp.stage_id, self._stage("New"))
        # what is written with the stage counts
        self.env["crm.lead.contact.role"].create(
            {"lead_id": self.opp.id, "partner_id": self.contact.id, "role": "decision_maker"}
        )
        self.opp.with_user(self.salesman).write({"stage_id": stage.id, "expected_revenue": 5000000})
        self.assertEqual(self.opp.stage_id, stage)
        self.assertEqual(self.opp.probability, 50)

    def test_quotation_gate(self):
        stage = self._stage("Negotiation")
        stage.gate_quotation = True
        with self.assertRaisesRegex(UserError, "quotation"):
            self.opp.stage_id = stage
        self.env["sale.order"].create(
            {"partner_id": self.contact.id, "opportunity_id": self.opp.id}
        )
        self.opp.stage_id = stage
        self.assertEqual(self.opp.stage_id, stage)

    def test_gate_fields_must_be_lead_fields(self):
        name = self.env["ir.model.fields"]._get("res.partner", "name")
        with self.assertRaises(ValidationError):
            self._stage("Negotiation").gate_field_ids = [(6, 0, name.ids)]
        with self.assertRaises(ValidationError):
            self._stage("Negotiation").default_probability = 120

    def test_gate_on_a_field_that_no_longer_exists_is_a_clear_error(self):
        stage = self._stage("Negotiation")
        field = self.env["ir.model.fields"]._get("crm.lead", "expected_revenue")
        stage.gate_field_ids = field
        # as if the module defining the field had gone while the gate still names it
        self.env.cr.execute("UPDATE ir_model_fields SET name = 'x_gone' WHERE id = %s", [field.id])
        field.invalidate_recordset()
        with self.assertRaisesRegex(ValidationError, "no longer exists"):
            self.opp.stage_id = stage
        self.assertEqual(self.opp.stage_id, self._stage("New"))

    def test_stage_history_is_kept(self):
        history = self.env["crm.lead.stage.history"]
        rows = history.search([("lead_id", "=", self.opp.id)])
        self.assertEqual(rows.stage_id, self._stage("New"))
        self.assertFalse(rows.date_out)
        self.opp.with_user(self.salesman).stage_id = self._stage("Initial Evaluation")
        self.opp.with_user(self.salesman).stage_id = self._stage("Negotiation")
        rows = history.search([("lead_id", "=", self.opp.id)], order="date_in, id")
        self.assertEqual(rows.mapped("stage_id.name"), ["New", "Initial Evaluation", "Negotiation"])
        self.assertEqual(rows.mapped("next_stage_id.name"), ["Initial Evaluation", "Negotiation"])
        self.assertTrue(all(rows[:2].mapped("date_out")))
        self.assertFalse(rows[2].date_out)
        self.assertEqual(rows[1].user_id, self.salesman)
        # the salesman reads the history of his lead, not of the others'
        self.assertEqual(
            history.with_user(self.salesman).search([("lead_id", "=", self.opp.id)]), rows
        )
        self.assertFalse(history.with_user(self.salesman_2).search([("lead_id", "=", self.opp.id)]))

    def test_backfill_rebuilds_history_from_tracking(self):
        lead = self.env["crm.lead"].create(
            {"name": "Tracked", "type": "opportunity", "team_id": self.team.id}
        )
        tracked = lead.with_context(tracking_disable=False)
        tracked.stage_id = self._stage("Initial Evaluation")
        tracked.stage_id = self._stage("Negotiation")
        self.env.flush_all()
        history = self.env["crm.lead.stage.history"]
        history.search([("lead_id", "=", lead.id)]).unlink()
        self.assertGreaterEqual(history._backfill_from_tracking(), 3)
        rows = history.search([("lead_id", "=", lead.id)], order="date_in, id")
        self.assertEqual(rows.mapped("stage_id.name"), ["New", "Initial Evaluation", "Negotiation"])
        self.assertEqual(rows[0].next_stage_id, self._stage("Initial Evaluation"))
        self.assertFalse(rows[-1].date_out)
        # run twice: nothing doubled
        history._backfill_from_tracking()
        self.assertEqual(len(history.search([("lead_id", "=", lead.id)])), 3)
