# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import convert_file

from ..models.crm_dashboard import sales_velocity
from .common_value import CrmValueCommon


@tagged("post_install", "-at_install")
class TestDashboard(CrmValueCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        won_stage = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        cls.leads = cls.env["crm.lead"].create(
            [
                {
                    "name": f"Dashboard deal {i}",
                    "type": "opportunity",
                    "user_id": cls.salesman.id,
                    "team_id": cls.team.id,
                    "expected_revenue": 1000.0 * (i + 1),
                    "probability": 50,
                }
                for i in range(3)
            ]
        )
        cls.leads[0].stage_id = won_stage
        cls._invoice(cls.customer, 2500.0, invoice_user_id=cls.salesman.id, team_id=cls.team.id)
        cls._invoice(cls.other_customer, 900.0, days_ago=900)

    def test_dashboard_blocks(self):
        data = (
            self.env["crm.dashboard"]
            .with_user(self.manager)
            .get_dashboard_data(team_ids=self.team.ids)
        )
        for block in ("kpis", "funnel", "velocity", "quotas", "forecast", "lifecycle", "rfm"):
            self.assertIn(block, data)
        self.assertEqual(data["kpis"]["won_count"], 1)
        self.assertAlmostEqual(data["kpis"]["win_rate"], 100.0)
        self.assertAlmostEqual(data["kpis"]["invoiced"], 2500.0)
        velocity = data["velocity"]
        self.assertEqual(velocity["open_count"], 2)
        self.assertAlmostEqual(velocity["avg_deal"], 1000.0)
        self.assertAlmostEqual(
            velocity["velocity"],
            sales_velocity(
                velocity["open_count"],
                velocity["win_rate"] / 100,
                velocity["avg_deal"],
                velocity["cycle_days"],
            ),
        )
        stages = {row["stage_id"]: row for row in data["funnel"]}
        self.assertEqual(sum(row["count"] for row in stages.values()), 3)
        forecast_weighted = sum(row["weighted"] for row in data["forecast"])
        self.assertAlmostEqual(forecast_weighted, (2000.0 + 3000.0) * 0.5)
        self.assertGreaterEqual(data["churn"]["count"], 1)
        at_risk = [c["partner_id"] for c in data["churn"]["customers"]]
        self.assertIn(self.other_customer.id, at_risk)
        self.assertNotIn(self.customer.id, at_risk)
        # the support block is what the installed modules report (crm_ticketing fills it)
        dashboard = self.env["crm.dashboard"]
        support = dashboard._dashboard_support_kpis(
            fields.Date.to_date(data["period"]["date_from"]),
            fields.Date.to_date(data["period"]["date_to"]),
        )
        self.assertEqual(data["support"], support)
        if support:
            self.assertTrue(support["label"])
            self.assertTrue(all({"label", "value", "suffix"} <= set(i) for i in support["items"]))
        with self.assertRaises(UserError):
            self.env["crm.dashboard"].with_user(self.accountant).get_dashboard_data()
        with self.assertRaises(UserError):
            self.env["crm.dashboard"].get_dashboard_data("2025-05-01", "2025-04-01")

    def test_digest_period_setting_moves_the_cron(self):
        cron = self.env.ref("crm_glossary_core.ir_cron_crm_kpi_digest")
        self.env["res.config.settings"].create({"crm_kpi_digest_period": "monthly"}).execute()
        self.assertEqual(cron.interval_type, "months")
        date_from, date_to, prev_from, _prev_to = self.env["crm.dashboard"]._digest_period(
            self.today
        )
        self.assertEqual(date_to, self.today - relativedelta(days=1))
        self.assertEqual(date_from, self.today - relativedelta(months=1))
        self.assertEqual(prev_from, self.today - relativedelta(months=2))
        self.env["res.config.settings"].create({"crm_kpi_digest_period": "weekly"}).execute()
        self.assertEqual(cron.interval_type, "weeks")

    def test_update_keeps_the_crons_and_template_users_edit(self):
        xmlids = [
            "crm_glossary_core.ir_cron_crm_customer_value",
            "crm_glossary_core.ir_cron_crm_kpi_digest",
            "crm_glossary_core.mail_template_crm_kpi_digest",
        ]
        digest_cron = self.env.ref(xmlids[1])
        digest_cron.write({"interval_type": "months", "active": False})
        value_cron = self.env.ref(xmlids[0])
        value_cron.interval_number = 2
        template = self.env.ref(xmlids[2])
        template.subject = "Our weekly figures"
        convert_file(
            self.env,
            "crm_glossary_core",
            "data/crm_customer_value_data.xml",
            {},
            mode="update",
        )
        self.env.invalidate_all()
        self.assertEqual(digest_cron.interval_type, "months")
        self.assertFalse(digest_cron.active)
        self.assertEqual(value_cron.interval_number, 2)
        self.assertEqual(template.subject, "Our weekly figures")

    def test_kpi_digest_mail(self):
        Dashboard = self.env["crm.dashboard"]
        before = Dashboard._digest_values()["lines"][0]
        self.assertEqual(before["label"], "Invoiced revenue")
        self._invoice(self.customer, 1234.0, days_ago=1)
        digest = Dashboard._digest_values()
        self.assertAlmostEqual(digest["lines"][0]["value"] - before["value"], 1234.0)
        Mail = self.env["mail.mail"]
        before = Mail.search([])
        self.env["crm.dashboard"]._cron_send_kpi_digest()
        mails = Mail.search([("id", "not in", before.ids)])
        manager_mail = mails.filtered(lambda m: "manager@example.com" in (m.email_to or ""))
        self.assertEqual(len(manager_mail), 1)
        self.assertFalse(mails.filtered(lambda m: "salesman@example.com" in (m.email_to or "")))
        self.assertIn("Invoiced revenue", manager_mail.body_html)
        amount = digest["lines"][0]["value"]
        self.assertIn(f"{amount:,.2f}", manager_mail.body_html)
        self.assertIn(str(digest["churn_count"]), manager_mail.body_html)

    def test_a_manager_of_two_companies_gets_the_digest_of_each(self):
        euro = self.env.ref("base.EUR")
        euro.active = True
        self.other_company.currency_id = euro
        manager = self.manager
        manager.company_ids = [(4, self.other_company.id)]
        Mail = self.env["mail.mail"]
        before = Mail.search([])
        self.env["crm.dashboard"]._cron_send_kpi_digest()
        mails = Mail.search([("id", "not in", before.ids)]).filtered(
            lambda m: manager.email in (m.email_to or "")
        )
        self.assertEqual(len(mails), 2)
        bodies = sorted(mails.mapped("body_html"), key=lambda body: self.other_company.name in body)
        self.assertIn(self.company.name, bodies[0])
        self.assertIn(self.other_company.name, bodies[1])
        self.assertIn("€", bodies[1])

    def test_digest_of_each_company_counts_its_own_documents(self):
        """The digest runs as superuser, one company at a time: the opportunities and won
        deals of another company are not in it."""
        Dashboard = self.env["crm.dashboard"].sudo()

        def digest(company):
            return (
                Dashboard.with_company(company)
                .with_context(allowed_company_ids=company.ids)
                ._digest_values()
            )

        def won_deals(values):
            return next(line["value"] for line in values["lines"] if line["label"] == "Won deals")

        before = digest(self.company)
        won_stage = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        other_leads = self.env["crm.lead"].create(
            [
                {
                    "name": f"Other company deal {i}",
                    "type": "opportunity",
                    "company_id": self.other_company.id,
                    "expected_revenue": 500.0,
                }
                for i in range(3)
            ]
        )
        other_leads[0].stage_id = won_stage
        other_leads[0].date_closed = fields.Datetime.now() - relativedelta(days=1)
        after = digest(self.company)
        self.assertEqual(after["open_opportunities"], before["open_opportunities"])
        self.assertEqual(won_deals(after), won_deals(before))
        self.assertEqual(after["lines"], before["lines"])
        other = digest(self.other_company)
        self.assertEqual(other["open_opportunities"], 2)
        self.assertEqual(won_deals(other), 1)
        # the dashboard's velocity block follows the company too
        velocity = (
            Dashboard.with_company(self.other_company)
            .with_context(allowed_company_ids=self.other_company.ids)
            ._dashboard_velocity(self.today - relativedelta(days=7), self.today, [])
        )
        self.assertEqual(velocity["open_count"], 2)


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase):
    def test_dashboard_tour(self):
        self.start_tour(
            "/odoo/action-crm_glossary_core.action_crm_dashboard",
            "crm_dashboard_tour",
            login="admin",
        )

    def test_customer_360_tour(self):
        partner = self.env.ref("base.res_partner_2")
        self.start_tour(
            f"/odoo/action-base.action_partner_form/{partner.id}",
            "crm_customer_360_tour",
            login="admin",
        )
