# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, datetime

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestMailDates(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.partner = cls.env["res.partner"].create({"name": "Bahar Rahimi", "lang": "fa_IR"})
        cls.template = (
            "<p><t t-out=\"format_date(ctx.get('day'))\"/>|"
            "<t t-out=\"format_datetime(ctx.get('moment'), tz='Asia/Tehran')\"/></p>"
        )

    def _render(self, lang):
        rendered = (
            self.env["mail.template"]
            .with_context(lang=lang, day=date(2025, 11, 16), moment=datetime(2025, 11, 16, 21, 0))
            ._render_template(self.template, "res.partner", self.partner.ids, engine="qweb")
        )
        return str(rendered[self.partner.id])

    def test_persian_emails_print_jalali_dates(self):
        body = self._render("fa_IR")
        # 16 November 2025 is 25 Aban 1404; 21:00 UTC is 00:30 the next day in Tehran
        self.assertIn("1404/08/25|", body.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")))
        self.assertIn("1404/08/26", body.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")))

    def test_other_emails_keep_gregorian_dates(self):
        body = self._render("en_US")
        self.assertIn("11/16/2025|", body)
        self.assertNotIn("1404", body)
