# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What uninstalling the module leaves behind. A real uninstall would remove the module
from the database the other tests share: the uninstall hook runs here in a transaction."""

import ast
import json

from odoo.tests import TransactionCase, tagged

from odoo.addons.crm_persian import uninstall_hook


@tagged("post_install", "-at_install")
class TestUninstall(TransactionCase):
    def _filter(self, name, model="crm.lead", domain="[]", context="{}", sort="[]"):
        return self.env["ir.filters"].create(
            {
                "name": name,
                "model_id": model,
                "domain": domain,
                "context": context,
                "sort": sort,
                "user_id": False,
            }
        )

    def test_fields_removed_at_uninstall(self):
        own = self.env["ir.filters"]._crm_persian_module_fields()
        self.assertIn("create_jalali_month", own["crm.lead"])
        self.assertIn("national_code", own["res.partner"])
        # redefined here, but defined by Odoo: not removed
        self.assertNotIn("phone_sanitized", own["res.partner"])

    def test_hook_cleans_saved_filters_and_leaves_data_searchable(self):
        by_month = self._filter(
            "By Jalali month", context="{'group_by': ['create_jalali_month', 'stage_id']}"
        )
        this_year = self._filter(
            "This Jalali year", domain="[('create_jalali_period', '=', 'this_year')]"
        )
        pivot = self._filter(
            "Pivot",
            context="{'pivot_row_groupby': ['create_jalali_quarter'], "
            "'pivot_column_groupby': ['stage_id', 'closed_jalali_year'], "
            "'pivot_measures': ['expected_revenue']}",
        )
        invoices = self._filter(
            "Invoices", model="account.move", context="{'group_by': 'invoice_jalali_year'}"
        )
        national = self._filter(
            "National code", model="res.partner", domain="[('national_code', '!=', False)]"
        )
        sorted_ = self._filter(
            "Stock", context="{'group_by': ['stage_id']}", sort='["create_jalali_month desc", "id"]'
        )
        untouched = self._filter("Won", domain="[('stage_id.is_won', '=', True)]")
        uninstall_hook(self.env)
        self.assertFalse((this_year | national).exists())
        self.assertEqual(ast.literal_eval(by_month.context), {"group_by": ["stage_id"]})
        self.assertEqual(
            ast.literal_eval(pivot.context),
            {
                "pivot_row_groupby": [],
                "pivot_column_groupby": ["stage_id"],
                "pivot_measures": ["expected_revenue"],
            },
        )
        self.assertEqual(ast.literal_eval(invoices.context), {})
        self.assertEqual(json.loads(sorted_.sort), ["id"])
        self.assertEqual(untouched.domain, "[('stage_id.is_won', '=', True)]")
        # the Jalali SQL functions are gone; contacts and leads are searched and grouped
        self.env.cr.execute("SELECT count(*) FROM pg_proc WHERE proname LIKE %s", ["crm_persian_%"])
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        self.assertTrue(self.env["res.partner"].search_count([]))
        leads = self.env["crm.lead"].with_context(date_calendar="gregorian")
        self.assertTrue(leads.read_group([], ["__count"], ["create_date:month"]) is not None)
        for saved in (by_month | pivot | sorted_ | untouched).with_context(lang="en_US"):
            model = self.env[saved.model_id]
            model.search(ast.literal_eval(saved.domain), limit=1)
