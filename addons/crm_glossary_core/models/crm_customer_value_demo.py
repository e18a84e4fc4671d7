# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Demo history of Odoo's demo customers: orders, deliveries, returns, invoices, payments and
quotas, dated relative to today so that every block of the 360° page and of the dashboard
shows real numbers (and the RFM segments spread from champions to lost)."""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

# (customer xmlid, [(months ago, [(product xmlid, quantity, unit price)])], paid)
DEMO_INVOICES = [
    (
        "base.res_partner_2",
        [
            (0, [("product.product_product_9", 40, 4_700_000.0)]),
            (1, [("product.product_product_7", 120, 1_580_000.0)]),
            (2, [("product.product_product_9", 30, 4_700_000.0)]),
            (4, [("product.product_product_12", 10, 12_050_000.0)]),
            (6, [("product.product_product_7", 80, 1_580_000.0)]),
            (8, [("product.product_product_9", 25, 4_700_000.0)]),
        ],
        True,
    ),
    (
        "base.res_partner_12",
        [
            (1, [("product.product_product_12", 8, 12_050_000.0)]),
            (3, [("product.product_product_9", 20, 4_700_000.0)]),
            (5, [("product.product_product_7", 60, 1_580_000.0)]),
            (9, [("product.product_product_12", 6, 12_050_000.0)]),
        ],
        True,
    ),
    (
        "base.res_partner_3",
        [
            (7, [("product.product_product_12", 15, 12_050_000.0)]),
            (9, [("product.product_product_9", 40, 4_700_000.0)]),
            (11, [("product.product_product_12", 12, 12_050_000.0)]),
            (13, [("product.product_product_7", 90, 1_580_000.0)]),
        ],
        True,
    ),
    (
        "base.res_partner_4",
        [(0, [("product.product_product_7", 15, 1_580_000.0)])],
        False,
    ),
    (
        "base.res_partner_10",
        [
            (2, [("product.product_product_9", 6, 4_700_000.0)]),
            (10, [("product.product_product_9", 4, 4_700_000.0)]),
        ],
        True,
    ),
    (
        "base.res_partner_1",
        [(20, [("product.product_product_7", 10, 1_580_000.0)])],
        True,
    ),
    (
        "base.res_partner_18",
        [
            (15, [("product.product_product_12", 3, 12_050_000.0)]),
            (18, [("product.product_product_9", 5, 4_700_000.0)]),
        ],
        False,
    ),
]

# Opportunities carried through quotation, order, delivery and invoice.
DEMO_OPPORTUNITIES = [
    ("base.res_partner_2", "تجهیز دفتر مرکزی", "product.product_product_12", 12, 12_050_000.0),
    (
        "base.res_partner_12",
        "قرارداد سالانه لوازم اداری",
        "product.product_product_7",
        200,
        1_580_000.0,
    ),
]


class CrmCustomerValue(models.Model):
    _inherit = "crm.customer.value"

    @api.model
    def _demo_load_customer_history(self):
        """Create the demo history, then compute the customer values."""
        env = self.env
        today = fields.Date.context_today(self)
        company = env.company
        team = env.ref("sales_team.team_sales_department", raise_if_not_found=False)
        users = [env.ref("base.user_admin"), env.ref("base.user_demo")]
        journal = env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
        )
        bank = env["account.journal"].search(
            [("type", "in", ("bank", "cash")), ("company_id", "=", company.id)], limit=1
        )
        if not journal or not bank:
            return False
        moves = env["account.move"]
        for index, (partner_ref, invoices, _paid) in enumerate(DEMO_INVOICES):
            partner = env.ref(partner_ref)
            for months_ago, lines in invoices:
                moves |= env["account.move"].create(
                    {
                        "move_type": "out_invoice",
                        "partner_id": partner.id,
                        "journal_id": journal.id,
                        "invoice_date": today - relativedelta(months=months_ago, days=index),
                        "invoice_user_id": users[index % 2].id,
                        "team_id": team.id if team else False,
                        "invoice_line_ids": [
                            fields.Command.create(
                                {
                                    "product_id": env.ref(product).id,
                                    "quantity": qty,
                                    "price_unit": price,
                                    "discount": 5.0 if qty >= 40 else 0.0,
                                    "tax_ids": [fields.Command.clear()],
                                }
                            )
                            for product, qty, price in lines
                        ],
                    }
                )
        moves.action_post()
        # Paid customers pay their older invoices (late for one of them); the latest stays due.
        for partner_ref, _invoices, paid in DEMO_INVOICES:
            partner_moves = moves.filtered(lambda m, p=partner_ref: m.partner_id == env.ref(p))
            to_pay = partner_moves.sorted("invoice_date")[:-1] if paid else env["account.move"]
            for move in to_pay:
                env["account.payment.register"].with_context(
                    active_model="account.move", active_ids=move.ids
                ).create(
                    {
                        "payment_date": move.invoice_date + relativedelta(days=20),
                        "journal_id": bank.id,
                    }
                )._create_payments()
        self._demo_opportunities(users, team)
        self._demo_quotas(users, team, today)
        self._compute_values()
        return True

    @api.model
    def _demo_opportunities(self, users, team):
        env = self.env
        won_stage = env["crm.stage"].search([("is_won", "=", True)], limit=1)
        stock = env.ref("stock.stock_location_stock", raise_if_not_found=False)
        for index, (partner_ref, name, product_ref, qty, price) in enumerate(DEMO_OPPORTUNITIES):
            partner = env.ref(partner_ref)
            product = env.ref(product_ref)
            lead = env["crm.lead"].create(
                {
                    "name": name,
                    "type": "opportunity",
                    "partner_id": partner.id,
                    "user_id": users[index % 2].id,
                    "team_id": team.id if team else False,
                    "expected_revenue": qty * price,
                    "campaign_id": env.ref("utm.utm_campaign_email_campaign_products").id
                    if env.ref("utm.utm_campaign_email_campaign_products", False)
                    else False,
                }
            )
            order = env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "opportunity_id": lead.id,
                    "user_id": lead.user_id.id,
                    "team_id": lead.team_id.id,
                    "order_line": [
                        fields.Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": qty,
                                "price_unit": price,
                                "tax_id": [fields.Command.clear()],
                            }
                        )
                    ],
                }
            )
            if stock and product.is_storable:
                env["stock.quant"]._update_available_quantity(product, stock, qty * 2)
            order.action_confirm()
            picking = order.picking_ids[:1]
            if index == 0 and picking:
                picking.move_ids.quantity = qty
                picking.move_ids.picked = True
                # No SMS confirmation pop-up when the demo validates deliveries.
                picking.with_context(skip_sms=True).button_validate()
                # The customer sends part of the delivery back.
                wizard = (
                    env["stock.return.picking"]
                    .with_context(active_id=picking.id, active_model="stock.picking")
                    .create({})
                )
                wizard.product_return_moves.quantity = 1
                returned = wizard._create_return()
                returned.move_ids.quantity = 1
                returned.move_ids.picked = True
                returned.with_context(skip_sms=True).button_validate()
                order._create_invoices().action_post()
            elif picking:
                # A delivery the customer is still waiting for, already late (invoiced on
                # delivery, so not invoiced yet).
                picking.scheduled_date = fields.Datetime.now() - relativedelta(days=3)
            if won_stage:
                lead.stage_id = won_stage
        # A quotation still waiting for the customer.
        env["sale.order"].create(
            {
                "partner_id": env.ref("base.res_partner_3").id,
                "user_id": users[0].id,
                "order_line": [
                    fields.Command.create(
                        {
                            "product_id": env.ref("product.product_product_9").id,
                            "product_uom_qty": 10,
                            "price_unit": 4_700_000.0,
                        }
                    )
                ],
            }
        )

    @api.model
    def _demo_quotas(self, users, team, today):
        Quota = self.env["crm.quota"]
        vals = [
            {
                "user_id": users[0].id,
                "period_type": "month",
                "period_date": today,
                "target_type": "won_revenue",
                "target_amount": 200_000_000.0,
            },
            {
                "user_id": users[1].id,
                "period_type": "month",
                "period_date": today,
                "target_type": "won_revenue",
                "target_amount": 150_000_000.0,
            },
            {
                "user_id": users[0].id,
                "period_type": "quarter",
                "period_date": today,
                "target_type": "invoiced_revenue",
                "target_amount": 1_000_000_000.0,
            },
            {
                "user_id": users[1].id,
                "period_type": "quarter",
                "period_date": today,
                "target_type": "new_customers",
                "target_amount": 3,
            },
        ]
        if team:
            vals.append(
                {
                    "team_id": team.id,
                    "period_type": "quarter",
                    "period_date": today,
                    "target_type": "won_deals",
                    "target_amount": 10,
                }
            )
        Quota.create(vals)
