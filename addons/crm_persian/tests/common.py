# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Users and Iranian records shared by the identity, phone, search and SMS tests."""

from odoo.tests import TransactionCase, new_test_user


class CrmPersianCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.iran = cls.env.ref("base.ir")
        cls.company = cls.env.company
        cls.salesman = new_test_user(
            cls.env,
            login="fa_salesman",
            name="Salesman",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        cls.sales_manager = new_test_user(
            cls.env,
            login="fa_sales_manager",
            name="Sales Manager",
            groups="base.group_user,sales_team.group_sale_manager",
        )
        cls.env["ir.config_parameter"].sudo().set_param("crm_persian.normalize_names", "True")

    def set_normalize_names(self, enabled):
        self.env["ir.config_parameter"].sudo().set_param(
            "crm_persian.normalize_names", "True" if enabled else "False"
        )
