# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, new_test_user


class ScoringCommon(TransactionCase):
    """Users of each sales group, a sales team with its thresholds and a few leads."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.salesman = new_test_user(
            cls.env, "scoring_salesman", groups="sales_team.group_sale_salesman", name="Sara"
        )
        cls.salesman2 = new_test_user(
            cls.env, "scoring_salesman2", groups="sales_team.group_sale_salesman", name="Reza"
        )
        cls.manager = new_test_user(
            cls.env, "scoring_manager", groups="sales_team.group_sale_manager", name="Maryam"
        )
        cls.other_company = cls.env["res.company"].create({"name": "Tabriz Trading"})
        cls.other_company_user = new_test_user(
            cls.env,
            "scoring_other_company",
            groups="sales_team.group_sale_salesman_all_leads",
            company_id=cls.other_company.id,
            company_ids=[cls.other_company.id],
        )
        cls.bant = cls.env.ref("crm_lead_scoring.framework_bant")
        cls.champ = cls.env.ref("crm_lead_scoring.framework_champ")
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Tehran Sales",
                "qualification_framework_id": cls.bant.id,
                "member_ids": [(4, cls.salesman.id), (4, cls.salesman2.id)],
                "score_mql_threshold": 30,
                "score_warm_threshold": 30,
                "score_hot_threshold": 60,
                "score_grade_a": 40,
                "score_grade_b": 20,
                "score_grade_c": 10,
            }
        )
        cls.env["crm.scoring.rule"].search([]).write({"active": False})
        cls.partner = cls.env["res.partner"].create(
            {"name": "Pars Kala", "is_company": True, "phone": "+98 912 345 6789"}
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Pars Kala ERP",
                "type": "lead",
                "team_id": cls.team.id,
                "user_id": cls.salesman.id,
                "partner_id": cls.partner.id,
                "expected_revenue": 1_500_000_000,
            }
        )

    def _answer(self, lead, criterion_xmlid, option="yes"):
        criterion = self.env.ref(f"crm_lead_scoring.{criterion_xmlid}")
        answer = lead.qualification_answer_ids.filtered(lambda a: a.criterion_id == criterion)
        option = criterion.option_ids.filtered(
            lambda o: o.get_external_id()[o.id].endswith(f"_{option}")
        )
        answer.write({"option_id": option.id})
        return answer
