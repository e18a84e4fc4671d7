# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Shared set-up of the customer value, 360°, quota, invoice and dashboard tests."""

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user
from odoo.tools import SQL


class CrmValueCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.write(
            {
                "crm_tier_gold_threshold": 5000.0,
                "crm_tier_silver_threshold": 1000.0,
                "crm_tier_basis": "net_revenue",
                "crm_clv_default_margin": 30.0,
            }
        )
        cls.today = fields.Date.context_today(cls.env["res.partner"])
        cls.other_company = cls.env["res.company"].create(
            {"name": "Other Co", "currency_id": cls.company.currency_id.id}
        )
        cls.team = cls.env["crm.team"].create({"name": "Tehran Sales"})
        cls.salesman = new_test_user(
            cls.env,
            login="crm_value_salesman",
            groups="sales_team.group_sale_salesman",
            email="salesman@example.com",
        )
        cls.other_salesman = new_test_user(
            cls.env, login="crm_value_salesman2", groups="sales_team.group_sale_salesman"
        )
        cls.manager = new_test_user(
            cls.env,
            login="crm_value_manager",
            groups="sales_team.group_sale_manager",
            email="manager@example.com",
        )
        cls.accountant = new_test_user(
            cls.env, login="crm_value_accountant", groups="account.group_account_invoice"
        )
        cls.other_company_user = new_test_user(
            cls.env,
            login="crm_value_other_company",
            groups="sales_team.group_sale_manager",
            company_id=cls.other_company.id,
            company_ids=[cls.other_company.id],
        )
        cls.team.member_ids = cls.salesman
        cls.customer = cls.env["res.partner"].create(
            {"name": "Pars Trading", "is_company": True, "user_id": cls.salesman.id}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Sara Ahmadi", "parent_id": cls.customer.id}
        )
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Kish Import", "is_company": True, "user_id": cls.other_salesman.id}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Carpet", "list_price": 100.0, "standard_price": 60.0}
        )

    @classmethod
    def _invoice(
        cls, partner, amount, days_ago=0, move_type="out_invoice", company=None, post=True, **kw
    ):
        """A customer invoice (or credit note) of ``amount`` untaxed, ``days_ago`` days ago."""
        company = company or cls.company
        move = (
            cls.env["account.move"]
            .with_company(company)
            .create(
                {
                    "move_type": move_type,
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "invoice_date": cls.today - relativedelta(days=days_ago),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "quantity": 1,
                                "price_unit": amount,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                    **kw,
                }
            )
        )
        if post:
            move.action_post()
        return move

    @classmethod
    def _clone_invoices(cls, move, count):
        """``count`` posted copies of ``move`` written with two SQL statements: enough to test
        that a page's query count does not depend on the number of invoices."""
        cls.env.flush_all()
        cls.env.cr.execute(
            SQL(
                """
                WITH new_moves AS (
                    INSERT INTO account_move
                    SELECT (jsonb_populate_record(NULL::account_move, to_jsonb(m)
                            || jsonb_build_object('id', n.id, 'name', m.name || '/' || n.id))).*
                      FROM account_move m
                CROSS JOIN generate_series(1, %(count)s) g
                CROSS JOIN LATERAL (SELECT nextval('account_move_id_seq') AS id, g) n
                     WHERE m.id = %(move)s
                 RETURNING id
                )
                INSERT INTO account_move_line
                SELECT (jsonb_populate_record(NULL::account_move_line, to_jsonb(l)
                        || jsonb_build_object('id', nextval('account_move_line_id_seq'),
                                              'move_id', nm.id))).*
                  FROM account_move_line l, new_moves nm
                 WHERE l.move_id = %(move)s
                """,
                count=count,
                move=move.id,
            )
        )
        cls.env.invalidate_all()
