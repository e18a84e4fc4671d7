# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestJalaliPreference(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")

    def test_default_follows_language(self):
        persian = new_test_user(self.env, login="jalali_fa", lang="fa_IR")
        english = new_test_user(self.env, login="jalali_en", lang="en_US")
        self.assertEqual(persian.context_date_calendar, "jalali")
        self.assertEqual(english.context_date_calendar, "gregorian")
        self.assertEqual(persian.context_date_digits, "latin")
        english.lang = "fa_IR"
        self.assertEqual(english.context_date_calendar, "jalali")
        persian.context_date_calendar = "gregorian"
        self.assertEqual(persian.context_date_calendar, "gregorian")

    def test_user_changes_own_preference_and_context(self):
        user = new_test_user(self.env, login="jalali_self", lang="en_US")
        as_user = user.with_user(user)
        as_user.write({"context_date_calendar": "jalali", "context_date_digits": "persian"})
        context = self.env["res.users"].with_user(user).context_get()
        self.assertEqual(context["date_calendar"], "jalali")
        self.assertEqual(context["date_digits"], "persian")
        self.assertIn("context_date_calendar", as_user.SELF_WRITEABLE_FIELDS)

    def test_preferences_form_shows_the_calendar(self):
        user = new_test_user(self.env, login="jalali_form", lang="fa_IR")
        view = self.env.ref("base.view_users_form_simple_modif")
        arch = self.env["res.users"].with_user(user).get_view(view.id, "form")["arch"]
        self.assertIn('name="context_date_calendar"', arch)
        self.assertIn('name="context_date_digits"', arch)
