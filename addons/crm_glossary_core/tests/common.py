# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, new_test_user


class CrmGlossaryCommon(TransactionCase):
    """Users of each sales group, a team, a customer and leads to work with."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "Other Company"})
        cls.salesman = new_test_user(
            cls.env, "glossary_salesman", groups="sales_team.group_sale_salesman"
        )
        cls.salesman_2 = new_test_user(
            cls.env, "glossary_salesman_2", groups="sales_team.group_sale_salesman"
        )
        cls.manager = new_test_user(
            cls.env, "glossary_manager", groups="sales_team.group_sale_manager"
        )
        cls.other_company_user = new_test_user(
            cls.env,
            "glossary_other_company",
            groups="sales_team.group_sale_salesman_all_leads",
            company_id=cls.other_company.id,
            company_ids=[(6, 0, cls.other_company.ids)],
        )
        cls.team = cls.env["crm.team"].create(
            {"name": "Glossary Team", "use_leads": True, "use_opportunities": True}
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "شرکت آرمان", "is_company": True, "email": "info@arman.example"}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "مریم احمدی", "parent_id": cls.customer.id, "email": "maryam@arman.example"}
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Inquiry about accounting software",
                "type": "lead",
                "partner_id": cls.contact.id,
                "user_id": cls.salesman.id,
                "team_id": cls.team.id,
            }
        )
