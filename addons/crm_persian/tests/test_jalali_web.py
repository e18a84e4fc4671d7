# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo.tests import HttpCase, new_test_user, tagged


def _hoot_error_checker(message):
    return "[HOOT]" not in message or message == "[HOOT] test failed (see above for details)"


@tagged("post_install", "-at_install")
class TestJalaliWebClient(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.user = new_test_user(
            cls.env,
            login="jalali_tour_user",
            groups="base.group_user,sales_team.group_sale_salesman",
            lang="fa_IR",
            tz="Asia/Tehran",
            context_date_digits="persian",
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Jalali tour opportunity",
                "type": "opportunity",
                "user_id": cls.user.id,
                "date_deadline": datetime.date(2025, 11, 16),
            }
        )

    def test_session_info_carries_the_preferences(self):
        """The web client learns the calendar and digits from the session's user context."""
        self.authenticate(self.user.login, self.user.login)
        info = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertEqual(info["user_context"]["date_calendar"], "jalali")
        self.assertEqual(info["user_context"]["date_digits"], "persian")

    def test_hoot_jalali_unit_tests(self):
        """Runs the Hoot unit tests of the Jalali calendar (static/tests/*.test.js)."""
        self.browser_js(
            "/web/tests?headless&loglevel=2&preset=desktop&timeout=15000"
            "&filter=crm_persian%20Jalali",
            "",
            "",
            login="admin",
            timeout=600,
            success_signal="[HOOT] test suite succeeded",
            error_checker=_hoot_error_checker,
        )

    def test_jalali_tour_lead_date(self):
        """A fa_IR user picks a Jalali date on a lead; the Gregorian value is stored."""
        self.assertEqual(self.user.context_date_calendar, "jalali")
        self.start_tour(
            f"/odoo/action-crm.crm_lead_action_pipeline/{self.lead.id}",
            "crm_persian_jalali_tour",
            login=self.user.login,
        )
        self.lead.invalidate_recordset()
        # 10 Azar 1404
        self.assertEqual(self.lead.date_deadline, datetime.date(2025, 12, 1))
