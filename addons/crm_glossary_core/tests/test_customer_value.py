# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from ..hooks import post_init_hook
from .common_value import CrmValueCommon


@tagged("post_install", "-at_install")
class TestCustomerValue(CrmValueCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A second company with its own chart of accounts and no other customer, so that
        # RFM quintiles are measured on the test's customers only.
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company=cls.other_company, install_demo=False
        )
        cls.other_company.write(
            {"crm_tier_gold_threshold": 5000.0, "crm_tier_silver_threshold": 1000.0}
        )

    def _value(self, partner, company=None):
        return self.env["crm.customer.value"].search(
            [("partner_id", "=", partner.id), ("company_id", "=", (company or self.company).id)]
        )

    def test_values_from_posted_invoices_and_refunds(self):
        """Invoices count as purchases, credit notes reduce the net revenue, contacts roll up
        to their company, drafts do not count."""
        self._invoice(self.customer, 1000.0, days_ago=300)
        self._invoice(self.contact, 3000.0, days_ago=100)
        self._invoice(self.customer, 2000.0, days_ago=10)
        self._invoice(self.customer, 500.0, days_ago=5, move_type="out_refund")
        self._invoice(self.customer, 9999.0, post=False)
        value = self._value(self.customer)
        self.assertEqual(value.purchase_count, 3)
        self.assertAlmostEqual(value.net_revenue, 5500.0)
        self.assertAlmostEqual(value.aov, 5500.0 / 3)
        self.assertEqual(value.first_purchase_date, self.today.replace() - self._days(300))
        self.assertEqual(value.last_purchase_date, self.today - self._days(10))
        self.assertEqual(value.recency_days, 10)
        self.assertAlmostEqual(value.avg_days_between, 145.0)
        # product cost 60 on 100 list price: cost is known for every line
        self.assertAlmostEqual(value.gross_margin, 5500.0 - 60.0 * 2)
        self.assertEqual(value.customer_tier, "gold")
        self.assertFalse(self._value(self.contact), "values live on the commercial partner")
        self.assertEqual(self.customer.customer_tier, "gold")
        self.assertAlmostEqual(self.contact.crm_net_revenue, 5500.0)

    def _days(self, n):
        from dateutil.relativedelta import relativedelta

        return relativedelta(days=n)

    def test_rfm_scores_rank_customers_within_the_company(self):
        partners = self.env["res.partner"].create(
            [{"name": f"Customer {i}", "is_company": True} for i in range(5)]
        )
        for i, partner in enumerate(partners):
            for j in range(i + 1):
                self._invoice(
                    partner, 100.0 * (i + 1), days_ago=400 - 80 * i + j, company=self.other_company
                )
        self.env["crm.customer.value"]._compute_values(company_ids=self.other_company.ids)
        best = self._value(partners[4], self.other_company)
        worst = self._value(partners[0], self.other_company)
        self.assertEqual(best.rfm_score, "555")
        self.assertEqual(best.rfm_segment, "champions")
        self.assertEqual(worst.rfm_score, "111")
        self.assertEqual(worst.rfm_segment, "lost")
        self.assertEqual(worst.churn_risk, "high")
        # filters on contacts, leads and invoices reach the segment
        Partner = self.env["res.partner"].with_company(self.other_company)
        self.assertEqual(Partner.search([("rfm_segment", "=", "champions")]), partners[4])
        groups = Partner._read_group([("id", "in", partners.ids)], ["rfm_segment"], ["__count"])
        self.assertIn(("champions", 1), groups)
        lead = self.env["crm.lead"].create({"name": "Renewal", "partner_id": partners[0].id})
        Lead = self.env["crm.lead"].with_company(self.other_company)
        self.assertIn(lead, Lead.search([("customer_rfm_segment", "=", "lost")]))
        self.assertNotIn(lead, self.env["crm.lead"].search([("customer_rfm_segment", "=", "lost")]))
        invoices = (
            self.env["account.move"]
            .with_company(self.other_company)
            .search([("customer_churn_risk", "=", "high")])
        )
        self.assertTrue(invoices)
        self.assertIn(partners[0], invoices.commercial_partner_id)
        for invoice in invoices:
            partner = invoice.commercial_partner_id.with_company(invoice.company_id)
            self.assertEqual(partner.churn_risk, "high")

    def test_incremental_update_on_post_reset_and_cancel(self):
        move = self._invoice(self.customer, 1000.0)
        self.assertEqual(self._value(self.customer).purchase_count, 1)
        second = self._invoice(self.customer, 500.0)
        self.assertEqual(self._value(self.customer).purchase_count, 2)
        second.button_draft()
        self.assertEqual(self._value(self.customer).purchase_count, 1)
        self.assertAlmostEqual(self._value(self.customer).net_revenue, 1000.0)
        move.button_draft()
        self.assertFalse(self._value(self.customer), "no purchase left, no value row")
        self.assertFalse(self.customer.rfm_segment)
        move.button_cancel()
        self.assertFalse(self._value(self.customer))

    def test_incremental_update_query_count_does_not_grow(self):
        self._invoice(self.customer, 1000.0, days_ago=30)
        small = self._invoice(self.customer, 100.0, post=False)
        Value = self.env["crm.customer.value"]
        self.env.flush_all()
        with self.assertQueryCount(8):
            Value._compute_values(partner_ids=self.customer.ids, company_ids=self.company.ids)
        for days in range(20):
            self._invoice(self.customer, 10.0 + days, days_ago=days + 40)
        small.action_post()
        self.env.flush_all()
        with self.assertQueryCount(8):
            Value._compute_values(partner_ids=self.customer.ids, company_ids=self.company.ids)
        self.assertEqual(self._value(self.customer).purchase_count, 22)

    def test_per_company_values(self):
        self._invoice(self.customer, 1000.0)
        self._invoice(self.customer, 7000.0, company=self.other_company)
        self.assertAlmostEqual(self._value(self.customer).net_revenue, 1000.0)
        other = self._value(self.customer, self.other_company)
        self.assertAlmostEqual(other.net_revenue, 7000.0)
        self.assertEqual(self.customer.customer_tier, "silver")
        self.assertEqual(self.customer.with_company(self.other_company).customer_tier, "gold")
        self.assertEqual(self.customer.with_user(self.other_company_user).crm_net_revenue, 7000.0)
        with self.assertRaises(AccessError):
            other.with_user(self.salesman).read(["net_revenue"])

    def test_cron_is_batched_and_safe_to_run_twice(self):
        self._invoice(self.customer, 1000.0)
        self.env["crm.customer.value"].search([]).unlink()
        self.env["res.company"].search([]).crm_value_computed_date = False
        Value = self.env["crm.customer.value"]
        companies = self.env["res.company"].search_count([])
        remaining = Value._cron_compute_values()
        self.assertEqual(remaining, companies - 1)
        while remaining:
            remaining = Value._cron_compute_values()
        self.assertEqual(self._value(self.customer).purchase_count, 1)
        before = self._value(self.customer).write_date
        self.assertEqual(Value._cron_compute_values(), 0)
        self.assertEqual(self._value(self.customer).write_date, before)

    def test_salesman_sees_values_of_own_customers_only(self):
        self._invoice(self.customer, 1000.0)
        self._invoice(self.other_customer, 1000.0)
        Value = self.env["crm.customer.value"]
        visible = Value.with_user(self.salesman).search([])
        self.assertIn(self._value(self.customer), visible)
        self.assertNotIn(self._value(self.other_customer), visible)
        self.assertEqual(
            len(
                Value.with_user(self.accountant).search(
                    [("partner_id", "in", (self.customer | self.other_customer).ids)]
                )
            ),
            2,
        )
        self.assertEqual(self.customer.with_user(self.salesman).crm_net_revenue, 1000.0)
        self.assertEqual(
            self.other_customer.with_user(self.salesman).crm_net_revenue,
            0.0,
            "the contact form hides the figures of another salesman's customer",
        )

    def test_foreign_currency_invoices_count_in_company_currency(self):
        currency = (
            self.env["res.currency"]
            .with_context(active_test=False)
            .search([("id", "!=", self.company.currency_id.id)], limit=1)
        )
        currency.active = True
        self.env["res.currency.rate"].create(
            {"currency_id": currency.id, "rate": 4.0, "name": self.today}
        )
        move = self._invoice(self.customer, 1000.0, currency_id=currency.id)
        self.assertAlmostEqual(move.amount_untaxed, 1000.0)
        self.assertAlmostEqual(self._value(self.customer).net_revenue, 250.0)
        self.assertAlmostEqual(self._value(self.customer).net_revenue, move.amount_untaxed_signed)

    def test_company_parameters_are_checked(self):
        with self.assertRaises(ValidationError):
            self.company.crm_clv_retention_rate = 120.0
        with self.assertRaises(ValidationError):
            self.company.crm_tier_silver_threshold = 10_000.0
        with self.assertRaises(ValidationError):
            self.company.crm_rfm_window_months = 0

    def test_install_computes_the_values_of_existing_customers(self):
        """A database with posted invoices gets its customer values at install, not at the
        first nightly run."""
        self._invoice(self.customer, 1000.0, days_ago=30)
        self._invoice(self.customer, 2000.0, days_ago=3)
        self.env.flush_all()
        # as before the module was installed: no value row, no segment on the contact
        self.env.cr.execute("DELETE FROM crm_customer_value")
        self.env.cr.execute("UPDATE res_partner SET rfm_segment = NULL, customer_tier = NULL")
        self.env.invalidate_all()
        self.assertFalse(self._value(self.customer))
        post_init_hook(self.env)
        value = self._value(self.customer)
        self.assertEqual(value.purchase_count, 2)
        self.assertAlmostEqual(value.net_revenue, 3000.0)
        self.assertEqual(self.customer.customer_tier, "silver")
        self.assertTrue(self.customer.rfm_segment)

    def test_prospects_are_in_the_awareness_phase(self):
        """A prospect (a lead, no purchase) has a relationship phase from its lifecycle; its
        first purchase moves it on to exploration."""
        prospect = self.env["res.partner"].create({"name": "Yazd Textiles", "is_company": True})
        self.assertFalse(prospect.relationship_phase)
        self.env["crm.lead"].create({"name": "Carpets for the hotel", "partner_id": prospect.id})
        self.assertIn(prospect.lifecycle_stage, ("lead", "mql", "sql", "opportunity"))
        self.assertEqual(prospect.relationship_phase, "awareness")
        self.assertEqual(prospect.with_company(self.other_company).relationship_phase, "awareness")
        Partner = self.env["res.partner"]
        self.assertIn(prospect, Partner.search([("relationship_phase", "=", "awareness")]))
        # the nightly recompute keeps it
        self.env["crm.customer.value"]._compute_values(company_ids=self.company.ids)
        self.assertEqual(prospect.relationship_phase, "awareness")
        self._invoice(prospect, 500.0)
        self.assertEqual(prospect.lifecycle_stage, "customer")
        self.assertEqual(prospect.relationship_phase, "exploration")
        # a contact without lead nor purchase has no phase
        self.assertFalse(self.other_customer.relationship_phase)
