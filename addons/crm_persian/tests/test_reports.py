# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
import io
import shutil
import subprocess
import unittest

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestJalaliReports(HttpCase):
    """Reports print dates through the QWeb converters: Jalali for Jalali readers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        groups = "base.group_user,account.group_account_invoice,sales_team.group_sale_salesman"
        cls.jalali_user = new_test_user(
            cls.env, login="jalali_reader", groups=groups, context_date_calendar="jalali"
        )
        cls.persian_user = new_test_user(
            cls.env,
            login="jalali_reader_fa",
            groups=groups,
            lang="fa_IR",
            context_date_digits="persian",
        )
        cls.gregorian_user = new_test_user(cls.env, login="gregorian_reader", groups=groups)
        partner = cls.env["res.partner"].create({"name": "Jalali Report Customer"})
        cls.invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": datetime.date(2025, 11, 16),
                "invoice_line_ids": [
                    (0, 0, {"name": "Consulting", "quantity": 1, "price_unit": 1000.0})
                ],
            }
        )
        cls.invoice.action_post()

    def _invoice_html(self, user):
        report = self.env["ir.actions.report"].with_user(user)
        html, _type = report._render_qweb_html("account.report_invoice", self.invoice.ids)
        return html.decode()

    def test_invoice_html_jalali_latin_digits(self):
        html = self._invoice_html(self.jalali_user)
        self.assertIn("1404/08/25", html)
        self.assertNotIn("11/16/2025", html)

    def test_invoice_html_jalali_persian_digits(self):
        html = self._invoice_html(self.persian_user)
        self.assertIn("۱۴۰۴/۰۸/۲۵", html)

    def test_invoice_html_gregorian_user(self):
        html = self._invoice_html(self.gregorian_user)
        self.assertIn("11/16/2025", html)
        self.assertNotIn("1404/08/25", html)

    def test_quotation_html_jalali(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.invoice.partner_id.id,
                "date_order": datetime.datetime(2025, 11, 16, 10, 0),
            }
        )
        report = self.env["ir.actions.report"].with_user(self.jalali_user)
        html, _type = report._render_qweb_html("sale.report_saleorder", order.ids)
        self.assertIn("1404/08/25", html.decode())

    def test_delivery_slip_html_jalali(self):
        picking_type = self.env.ref("stock.picking_type_out")
        picking = self.env["stock.picking"].create(
            {
                "partner_id": self.invoice.partner_id.id,
                "picking_type_id": picking_type.id,
                "location_id": picking_type.default_location_src_id.id,
                "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                "scheduled_date": datetime.datetime(2025, 11, 16, 10, 0),
            }
        )
        report = self.env["ir.actions.report"].with_user(self.jalali_user).sudo()
        html, _type = report._render_qweb_html("stock.report_deliveryslip", picking.ids)
        # Scheduled on 25 Aban 1404.
        self.assertIn("1404/08/25", html.decode())

    def test_converters(self):
        Date = self.env["ir.qweb.field.date"].with_user(self.jalali_user)
        Datetime = self.env["ir.qweb.field.datetime"].with_user(self.jalali_user)
        self.assertEqual(Date.value_to_html(datetime.date(2025, 3, 20), {}), "1403/12/30")
        self.assertEqual(Date.value_to_html("2025-11-16", {"format": "MMMM y"}), "Aban 1404")
        self.assertEqual(Date.value_to_html(False, {}), "")
        moment = datetime.datetime(2025, 11, 15, 21, 0)  # UTC: 00:30 next day in Tehran
        tehran = {"tz_name": "Asia/Tehran"}
        self.assertEqual(Datetime.value_to_html(moment, tehran), "1404/08/25 00:30:00")
        self.assertEqual(
            Datetime.value_to_html(moment, {**tehran, "date_only": True}), "1404/08/25"
        )
        self.assertEqual(
            Datetime.value_to_html(moment, {**tehran, "hide_seconds": True}), "1404/08/25 00:30"
        )
        self.assertEqual(
            Datetime.value_to_html(moment, {"tz_name": "UTC", "date_only": True}), "1404/08/24"
        )
        # The calendar in the context (sent by the web client) wins over the user's.
        gregorian = Date.with_context(date_calendar="gregorian")
        self.assertNotIn("1404", gregorian.value_to_html(datetime.date(2025, 11, 16), {}))

    def test_date_widget_prints_the_local_day_of_a_datetime(self):
        """A datetime printed as a date is the day where the reader is, not the UTC day."""
        moment = datetime.datetime(2025, 11, 15, 21, 0)  # UTC: 00:30 on 16 Nov in Tehran
        Date = self.env["ir.qweb.field.date"].with_user(self.jalali_user)
        tehran = Date.with_context(tz="Asia/Tehran")
        self.assertEqual(tehran.value_to_html(moment, {}), "1404/08/25")
        self.assertEqual(tehran.value_to_html("2025-11-15 21:00:00", {}), "1404/08/25")
        self.assertEqual(tehran.value_to_html(moment, {"format": "MMMM y"}), "Aban 1404")
        self.assertEqual(Date.with_context(tz="UTC").value_to_html(moment, {}), "1404/08/24")
        # A quotation confirmed at 00:30 in Tehran carries that day.
        self.jalali_user.tz = "Asia/Tehran"
        order = self.env["sale.order"].create(
            {"partner_id": self.invoice.partner_id.id, "date_order": moment}
        )
        report = self.env["ir.actions.report"].with_user(self.jalali_user)
        html = report._render_qweb_html("sale.report_saleorder", order.ids)[0].decode()
        self.assertIn("1404/08/25", html)
        self.assertNotIn("1404/08/24", html)

    def test_datetime_custom_format_keeps_the_time(self):
        moment = datetime.datetime(2025, 11, 15, 21, 5)  # UTC: 00:35 on 16 Nov in Tehran
        tehran = {"tz_name": "Asia/Tehran"}
        Datetime = self.env["ir.qweb.field.datetime"].with_user(self.jalali_user)
        self.assertEqual(Datetime.value_to_html(moment, {**tehran, "format": "HH:mm"}), "00:35")
        self.assertEqual(
            Datetime.value_to_html(moment, {**tehran, "format": "dd/MM/yyyy HH:mm:ss"}),
            "1404/08/25 00:35:00",
        )
        self.assertEqual(
            Datetime.value_to_html(
                moment, {**tehran, "format": "dd/MM/yyyy HH:mm:ss", "hide_seconds": True}
            ),
            "1404/08/25 00:35",
        )
        self.assertEqual(
            Datetime.value_to_html(moment, {**tehran, "format": "d MMMM y, h:mm a"}),
            "25 Aban 1404 12:35 AM",
        )
        self.assertEqual(
            Datetime.value_to_html(moment, {**tehran, "format": "short"}), "1404/08/25 12:35 AM"
        )
        month = Datetime.value_to_html(moment, {**tehran, "format": "MMMM y"})
        self.assertEqual(month, "Aban 1404")
        persian = self.env["ir.qweb.field.datetime"].with_user(self.persian_user)
        self.assertEqual(persian.value_to_html(moment, {**tehran, "format": "HH:mm"}), "۰۰:۳۵")

    def test_invoice_tour_form_report_and_pivot(self):
        """A Persian reader sees the Jalali date on the posted invoice, in its report (HTML
        preview) and as its Jalali month in the Invoices Analysis pivot (crm_persian's tour
        crm_persian_jalali_invoice_tour)."""
        # Salespeople analyse their own invoices only.
        self.invoice.invoice_user_id = self.persian_user
        self.start_tour(
            f"/odoo/action-account.action_move_out_invoice_type/{self.invoice.id}",
            "crm_persian_jalali_invoice_tour",
            login=self.persian_user.login,
        )

    def test_invoice_pdf_has_jalali_date(self):
        if not shutil.which("wkhtmltopdf"):
            raise unittest.SkipTest("wkhtmltopdf is not installed")
        # Without the server's web fonts wkhtmltopdf prints with the system fonts, which
        # keep a text layer in the PDF (web fonts come out as outlines with no text).
        self.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")
        report = (
            self.env["ir.actions.report"]
            .with_user(self.jalali_user)
            .with_context(force_report_rendering=True)
        )
        pdf, report_type = report._render_qweb_pdf("account.account_invoices", self.invoice.ids)
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertIn("1404/08/25", self._pdf_text(pdf))

    @staticmethod
    def _pdf_text(pdf):
        if shutil.which("pdftotext"):
            result = subprocess.run(
                ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
            )
            return result.stdout.decode()
        from PyPDF2 import PdfReader  # pylint: disable=import-outside-toplevel

        return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
