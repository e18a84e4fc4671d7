# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from .common_value import CrmValueCommon


@tagged("post_install", "-at_install")
class TestInvoiceCrm(CrmValueCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.env["utm.campaign"].create({"name": "Nowruz Sale"})
        cls.service = cls.env["product.product"].create(
            {"name": "Installation", "type": "service", "invoice_policy": "order"}
        )
        cls.opportunity = cls.env["crm.lead"].create(
            {
                "name": "Hotel carpets",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
                "team_id": cls.team.id,
                "campaign_id": cls.campaign.id,
            }
        )
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "opportunity_id": cls.opportunity.id,
                "campaign_id": cls.campaign.id,
                "user_id": cls.salesman.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.service.id,
                            "product_uom_qty": 2,
                            "price_unit": 1500.0,
                            "tax_id": [Command.clear()],
                        }
                    )
                ],
            }
        )
        cls.order.action_confirm()
        cls.invoice = cls.order._create_invoices()
        cls.invoice.action_post()

    def test_invoice_knows_its_opportunity_and_customer_segment(self):
        self.assertEqual(self.invoice.crm_opportunity_id, self.opportunity)
        self.assertEqual(self.invoice.campaign_id, self.campaign)
        self.assertEqual(self.invoice.crm_salesperson_id, self.salesman)
        self.assertEqual(self.invoice.crm_team_id, self.team)
        self.assertTrue(self.invoice.customer_rfm_segment)
        self.assertAlmostEqual(self.invoice.customer_net_revenue, 3000.0)
        self.assertEqual(self.invoice.customer_open_ticket_count, 0)
        moves = self.env["account.move"].search([("crm_opportunity_id", "=", self.opportunity.id)])
        self.assertEqual(moves, self.invoice)
        groups = self.env["account.move"]._read_group(
            [("id", "=", self.invoice.id)],
            ["crm_opportunity_id", "customer_rfm_segment", "customer_churn_risk"],
            ["__count"],
        )
        self.assertEqual(
            groups, [(self.opportunity, self.customer.rfm_segment, self.customer.churn_risk, 1)]
        )
        self.assertTrue(self.invoice.customer_churn_risk)

    def test_invoices_group_by_opportunity_salesperson_and_team(self):
        Move = self.env["account.move"]
        domain = [("id", "=", self.invoice.id)]
        groups = Move._read_group(domain, ["crm_salesperson_id", "crm_team_id"], ["__count"])
        self.assertEqual(groups, [(self.salesman, self.team, 1)])
        # the opportunity changes hands: its invoices follow, in the list and in the analysis
        other_team = self.env["crm.team"].create({"name": "Export desk"})
        self.opportunity.write({"user_id": self.env.user.id, "team_id": other_team.id})
        groups = Move._read_group(domain, ["crm_salesperson_id", "crm_team_id"], ["__count"])
        self.assertEqual(groups, [(self.env.user, other_team, 1)])
        report = self.env["account.invoice.report"]._read_group(
            [("move_id", "=", self.invoice.id)], ["crm_team_id"], ["price_subtotal:sum"]
        )
        self.assertEqual(report[0][0], other_team)

    def test_invoice_analysis_groups_by_crm_fields(self):
        Report = self.env["account.invoice.report"]
        groups = Report._read_group(
            [("move_id", "=", self.invoice.id)],
            ["crm_opportunity_id", "campaign_id", "customer_rfm_segment", "crm_salesperson_id"],
            ["price_subtotal:sum"],
        )
        self.assertEqual(len(groups), 1)
        opportunity, campaign, segment, salesperson, amount = groups[0]
        self.assertEqual(opportunity, self.opportunity)
        self.assertEqual(campaign, self.campaign)
        self.assertEqual(segment, self.customer.rfm_segment)
        self.assertEqual(salesperson, self.salesman)
        self.assertAlmostEqual(amount, 3000.0)

    def test_accountant_reads_crm_fields_read_only(self):
        invoice = self.invoice.with_user(self.accountant)
        data = invoice.read(
            ["crm_opportunity_id", "customer_rfm_segment", "customer_predicted_clv"]
        )[0]
        self.assertEqual(data["crm_opportunity_id"][1], "Hotel carpets")
        fields_info = self.env["account.move"].fields_get(["crm_opportunity_id"])
        self.assertTrue(fields_info["crm_opportunity_id"]["readonly"])
        self.assertTrue(
            self.env["ir.model.access"].with_user(self.accountant).check("crm.lead", "read")
        )
        self.assertFalse(
            self.env["ir.model.access"]
            .with_user(self.accountant)
            .check("crm.lead", "write", raise_exception=False)
        )

    def test_opportunity_shows_invoiced_and_paid(self):
        self.assertEqual(self.opportunity.crm_invoice_count, 1)
        self.assertAlmostEqual(self.opportunity.crm_invoiced_amount, 3000.0)
        self.assertAlmostEqual(self.opportunity.crm_paid_amount, 0.0)
        self.assertAlmostEqual(self.opportunity.crm_due_amount, 3000.0)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=self.invoice.ids
        ).create({"amount": 1000.0})._create_payments()
        self.opportunity.invalidate_recordset()
        self.assertAlmostEqual(self.opportunity.crm_paid_amount, 1000.0)
        self.assertAlmostEqual(self.opportunity.crm_due_amount, 2000.0)
        action = self.opportunity.action_view_crm_invoices()
        self.assertEqual(self.env["account.move"].search(action["domain"]), self.invoice)
