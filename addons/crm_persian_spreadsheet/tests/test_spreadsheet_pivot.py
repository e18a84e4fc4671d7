# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged


def _hoot_error_checker(message):
    return "[HOOT]" not in message or message == "[HOOT] test failed (see above for details)"


@tagged("post_install", "-at_install")
class TestSpreadsheetPivot(HttpCase):
    def test_hoot_spreadsheet_pivots_stay_gregorian(self):
        """Runs the Hoot test of the spreadsheet pivot patch (static/tests/*.test.js)."""
        self.browser_js(
            "/web/tests?headless&loglevel=2&preset=desktop&timeout=15000"
            "&filter=crm_persian_spreadsheet",
            "",
            "",
            login="admin",
            timeout=600,
            success_signal="[HOOT] test suite succeeded",
            error_checker=_hoot_error_checker,
        )

    def test_jalali_reader_gets_gregorian_groups_with_the_spreadsheet_context(self):
        """What the patched pivots send: a Jalali reader asking for Gregorian groups."""
        lead = self.env["crm.lead"].create({"name": "Spreadsheet lead"})
        Lead = self.env["crm.lead"].with_context(tz="UTC")
        domain = [("id", "=", lead.id)]
        jalali = Lead.with_context(date_calendar="jalali").read_group(
            domain, ["__count"], ["create_date:month"]
        )
        spreadsheet = Lead.with_context(date_calendar="gregorian").read_group(
            domain, ["__count"], ["create_date:month"]
        )
        stock = Lead.read_group(domain, ["__count"], ["create_date:month"])
        self.assertEqual(spreadsheet, stock)
        self.assertNotEqual(jalali[0]["__range"], stock[0]["__range"])
