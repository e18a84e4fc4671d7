from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCrmPersianInstall(TransactionCase):
    def test_module_and_dependencies_installed(self):
        """The module and every module its manifest depends on are installed."""
        names = ["crm_persian", *get_manifest("crm_persian")["depends"]]
        modules = self.env["ir.module.module"].search([("name", "in", names)])
        self.assertEqual(sorted(modules.mapped("name")), sorted(names))
        self.assertEqual(set(modules.mapped("state")), {"installed"})
