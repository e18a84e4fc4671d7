from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCrmLeadScoringInstall(TransactionCase):
    def test_module_and_dependencies_installed(self):
        """The module and every module its manifest depends on are installed."""
        names = ["crm_lead_scoring", *get_manifest("crm_lead_scoring")["depends"]]
        modules = self.env["ir.module.module"].search([("name", "in", names)])
        self.assertEqual(sorted(modules.mapped("name")), sorted(names))
        self.assertEqual(set(modules.mapped("state")), {"installed"})
