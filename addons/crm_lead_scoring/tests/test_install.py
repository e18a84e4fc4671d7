from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCrmLeadScoringInstall(TransactionCase):
    def test_module_and_dependencies_installed(self):
        """The module and every module its manifest depends on are installed."""
        names = ["crm_lead_scoring", *get_manifest("crm_lead_scoring")["depends"]]
        modules = self.env["ir.module.module"].search([("name", "in", names)])
        self.assertEqual(sorted(modules.mapped("name")), sorted(names))
        self.assertEqual(set(modules.mapped("state")), {"installed"})

    def test_frameworks_and_crons_are_shipped(self):
        frameworks = self.env["crm.qualification.framework"].search([])
        for xmlid in ("bant", "champ", "meddic", "meddpicc", "anum", "gpctba", "faint"):
            self.assertIn(self.env.ref(f"crm_lead_scoring.framework_{xmlid}"), frameworks)
        for xmlid in ("ir_cron_score_decay", "ir_cron_score_full_recompute"):
            cron = self.env.ref(f"crm_lead_scoring.{xmlid}")
            self.assertEqual(cron.model_id.model, "crm.lead")

    def test_views_load_for_a_salesperson(self):
        user = new_test_user(self.env, "scoring_views", groups="sales_team.group_sale_salesman")
        views = self.env["crm.lead"].with_user(user).get_views([(False, "form"), (False, "list")])
        form = views["views"]["form"]["arch"]
        for name in ("qualification_answer_ids", "score_line_ids", "score_total", "fit_grade"):
            self.assertIn(name, form)
        self.env["crm.team"].get_views([(False, "form")])
        self.env["crm.scoring.rule"].get_views([(False, "form"), (False, "list")])
        self.env["crm.lead.score.report"].get_views([(False, "pivot"), (False, "graph")])

    def test_demo_shows_every_temperature_and_grade(self):
        if not self.env.ref("crm_lead_scoring.rule_email_in", raise_if_not_found=False):
            self.skipTest("installed without demo data")
        demo_rules = self.env["ir.model.data"].search_count(
            [("module", "=", "crm_lead_scoring"), ("model", "=", "crm.scoring.rule")]
        )
        self.assertEqual(demo_rules, 25)
        leads = self.env["crm.lead"].search([("score_date", "!=", False)])
        self.assertEqual(set(leads.mapped("temperature")), {"cold", "warm", "hot"})
        self.assertEqual(set(leads.mapped("fit_grade")), {"A", "B", "C", "D"})
        qualified = self.env.ref("crm.crm_case_1")
        self.assertTrue(qualified.is_qualified)
        self.assertEqual(qualified.qualification_status, "sql")
        self.assertTrue(qualified.score_line_ids)
