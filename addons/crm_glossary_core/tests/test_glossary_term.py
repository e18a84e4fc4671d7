# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestGlossaryTerm(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Term = cls.env["crm.glossary.term"]
        cls.salesman = new_test_user(
            cls.env,
            login="glossary_salesman",
            groups="sales_team.group_sale_salesman",
        )
        cls.manager = new_test_user(
            cls.env,
            login="glossary_manager",
            groups="sales_team.group_sale_manager",
        )
        cls.mql = cls.env.ref("crm_glossary_core.term_mql")
        cls.lead = cls.env.ref("crm_glossary_core.term_lead")
        cls.concept = cls.Term.create(
            {
                "name_en": "Test concept without a screen",
                "name_fa": "مفهوم آزمایشی بدون صفحه",
                "definition_en": "A concept. It has no screen.",
                "definition_fa": "یک مفهوم. صفحه‌ای ندارد.",
            }
        )

    # ------------------------------------------------------------------ data
    def test_every_term_has_both_names_and_definitions(self):
        terms = self.Term.with_context(active_test=False).search([])
        self.assertGreaterEqual(len(terms), 100)
        for term in terms - self.concept:
            self.assertTrue(term.name_fa and term.name_en, term.name_en)
            self.assertTrue(term.definition_fa and term.definition_en, term.name_en)

    def test_links_of_the_data_resolve(self):
        linked = self.Term.search([("action_id", "!=", False)])
        self.assertTrue(linked)
        for term in linked:
            self.assertTrue(term.action_id.exists(), term.name_en)
            self.assertTrue(term.has_link, term.name_en)
        self.assertEqual(
            self.env.ref("crm_glossary_core.term_lead_temperature").model_id.model, "crm.lead"
        )

    # ------------------------------------------------------------------ names and search
    def test_display_name_shows_both_names(self):
        name = self.mql.with_context(lang="en_US").display_name
        self.assertIn(self.mql.name_en, name)
        self.assertIn(self.mql.name_fa, name)
        self.assertIn("(MQL)", name)
        self.assertTrue(name.startswith(self.mql.name_en))

    def test_bilingual_search(self):
        Term = self.Term.with_user(self.salesman)
        for query in ("سرنخ بازاریابی واجد", "marketing qualified", "MQL"):
            found = Term.name_search(query)
            self.assertIn(self.mql.id, [term_id for term_id, _name in found], query)
        self.assertIn(self.lead, Term.search([("display_name", "ilike", "سرنخ")]))

    # ------------------------------------------------------------------ open in Odoo
    def test_open_in_odoo_returns_the_linked_action(self):
        action = self.lead.with_user(self.salesman).action_open_in_odoo()
        expected = self.env.ref("crm.crm_lead_all_leads")
        self.assertEqual(action["id"], expected.id)
        self.assertEqual(action["res_model"], "crm.lead")

    def test_open_in_odoo_from_a_field_lists_its_model_grouped_by_it(self):
        term = self.env.ref("crm_glossary_core.term_lead_temperature")
        action = term.with_user(self.salesman).action_open_in_odoo()
        self.assertEqual(action["res_model"], "crm.lead")
        self.assertEqual(action["context"]["group_by"], ["temperature"])

    def test_open_in_odoo_from_a_model_lists_its_records(self):
        term = self.env.ref("crm_glossary_core.term_contact_role")
        action = term.with_user(self.salesman).action_open_in_odoo()
        self.assertEqual(action["res_model"], "crm.lead.contact.role")
        self.assertNotIn("group_by", action["context"])

    def test_open_in_odoo_from_a_menu(self):
        menu = self.env.ref("crm.crm_menu_leads")
        self.concept.menu_id = menu
        action = self.concept.with_user(self.salesman).action_open_in_odoo()
        self.assertEqual(action["id"], menu.action.id)

    def test_open_in_odoo_without_link_raises(self):
        self.assertFalse(self.concept.has_link)
        with self.assertRaises(UserError):
            self.concept.with_user(self.salesman).action_open_in_odoo()

    def test_open_in_odoo_refuses_a_screen_the_user_cannot_open(self):
        # An action restricted to other groups, then one on a model the user cannot read.
        for xmlid in ("base.action_apikeys_admin", "base.action_rule"):
            self.concept.action_id = self.env.ref(xmlid).id
            with self.assertRaises(UserError):
                self.concept.with_user(self.salesman).action_open_in_odoo()

    def test_glossary_menu_and_views_for_salesmen(self):
        menus = self.env["ir.ui.menu"].with_user(self.salesman)._visible_menu_ids()
        self.assertIn(self.env.ref("crm_glossary_core.menu_crm_glossary").id, menus)
        views = self.Term.with_user(self.salesman).get_views(
            [(False, "list"), (False, "form"), (False, "kanban"), (False, "search")]
        )
        self.assertEqual(set(views["views"]), {"list", "form", "kanban", "search"})
        data = self.mql.with_user(self.salesman).web_read(
            {"display_name": {}, "field_id": {"fields": {"display_name": {}}}, "link_label": {}}
        )
        self.assertEqual(data[0]["field_id"]["display_name"], self.mql.sudo().field_id.display_name)

    # ------------------------------------------------------------------ related terms
    def test_related_terms_are_symmetric(self):
        sql = self.env.ref("crm_glossary_core.term_sql")
        self.assertIn(self.mql, sql.related_term_ids)
        self.assertIn(sql, self.mql.related_term_ids)
        self.concept.related_term_ids = [Command.link(self.mql.id)]
        self.assertIn(self.concept, self.mql.related_term_ids)
        self.concept.related_term_ids = [Command.unlink(self.mql.id)]
        self.assertNotIn(self.concept, self.mql.related_term_ids)

    def test_no_self_relation(self):
        with self.assertRaises(ValidationError):
            self.concept.related_term_ids = [Command.link(self.concept.id)]

    @mute_logger("odoo.sql_db")
    def test_english_name_is_unique(self):
        with self.assertRaises(IntegrityError):
            self.Term.create(
                {"name_en": self.mql.name_en, "name_fa": "نام فارسی دیگر"}
            ).flush_recordset()

    @mute_logger("odoo.sql_db")
    def test_abbreviation_is_unique(self):
        with self.assertRaises(IntegrityError):
            self.Term.create(
                {"name_en": "Another term", "name_fa": "اصطلاح دیگر", "abbreviation": "MQL"}
            ).flush_recordset()

    # ------------------------------------------------------------------ access
    def test_salesman_reads_but_cannot_change_terms(self):
        term = self.mql.with_user(self.salesman)
        self.assertTrue(term.definition_fa)
        self.assertTrue(term.link_label)
        with self.assertRaises(AccessError):
            term.write({"definition_en": "Changed."})
        with self.assertRaises(AccessError):
            self.Term.with_user(self.salesman).create({"name_en": "New", "name_fa": "تازه"})
        with self.assertRaises(AccessError):
            term.unlink()

    def test_manager_edits_terms(self):
        Term = self.Term.with_user(self.manager)
        term = Term.create(
            {
                "name_en": "Manager's term",
                "name_fa": "اصطلاح مدیر",
                "category": "sales",
                "related_term_ids": [Command.link(self.mql.id)],
            }
        )
        term.write({"definition_en": "Written by a manager. It is a test."})
        self.assertIn(term, self.mql.related_term_ids)
        term.unlink()
        self.assertFalse(term.exists())
