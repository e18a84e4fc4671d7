# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged
from odoo.tools import SQL

from ..tools import text
from .common import CrmPersianCase

ARABIC_ALI = "علي"
PERSIAN_ALI = "علی"


@tagged("post_install", "-at_install")
class TestPersianSearch(CrmPersianCase):
    def test_arabic_and_persian_spellings_find_each_other_on_partners(self):
        self.set_normalize_names(False)
        arabic = self.env["res.partner"].create({"name": f"{ARABIC_ALI} كريمي"})
        persian = self.env["res.partner"].create({"name": f"{PERSIAN_ALI} کریمی"})
        self.assertEqual(arabic.name, f"{ARABIC_ALI} كريمي")  # setting off: kept as typed
        Partner = self.env["res.partner"].with_user(self.salesman)
        for query in (ARABIC_ALI, PERSIAN_ALI, "كريمی", "علی  کریمی"):
            found = Partner.search([("name", "ilike", query)])
            self.assertIn(arabic, found, query)
            self.assertIn(persian, found, query)
        names = dict(Partner.name_search(f"{PERSIAN_ALI} کریمی"))
        self.assertIn(arabic.id, names)
        self.assertIn(persian.id, names)
        self.assertNotIn(arabic, Partner.search([("name", "not ilike", PERSIAN_ALI)]))

    def test_search_uses_the_key_column(self):
        query = self.env["res.partner"]._search([("name", "ilike", ARABIC_ALI)])
        sql = query.select()
        self.assertIn("name_search_key", sql.code)
        self.assertIn(f"%{PERSIAN_ALI}%", sql.params)

    def test_leads_and_their_contact_and_company_names(self):
        self.set_normalize_names(False)
        Lead = self.env["crm.lead"].with_user(self.salesman)
        lead = Lead.create(
            {"name": "خريد كالا", "contact_name": "مريم", "partner_name": "شركت آفتاب"}
        )
        self.assertIn(lead, Lead.search([("name", "ilike", "خرید کالا")]))
        self.assertIn(lead, Lead.search([("contact_name", "ilike", "مریم")]))
        self.assertIn(lead, Lead.search([("partner_name", "ilike", "شرکت افتاب")]))

    def test_tickets(self):
        self.set_normalize_names(False)
        ticket = self.env["crm.ticket"].create({"name": "خرابي دستگاه كارتخوان"})
        found = self.env["crm.ticket"].search([("name", "ilike", "خرابی دستگاه کارتخوان")])
        self.assertIn(ticket, found)

    def test_names_normalized_on_save_when_enabled(self):
        self.set_normalize_names(True)
        partner = self.env["res.partner"].create({"name": "  علي   كريمي "})
        self.assertEqual(partner.name, "علی کریمی")
        partner.name = "رضا احمدي"
        self.assertEqual(partner.name, "رضا احمدی")
        lead = self.env["crm.lead"].create({"name": "خريد", "contact_name": "مريم"})
        self.assertEqual((lead.name, lead.contact_name), ("خرید", "مریم"))

    def test_sql_key_matches_python_key(self):
        samples = [
            "عليرضا  كريمي",
            "فاطمة\u200cزهرا آقايي ـ ۱۲ ٣",
            "مُحَمَّد إبراهيم",
            "\u00a0خانۀ   مؤسسه ",
            "Plain Latin",
        ]
        Partner = self.env["res.partner"]
        for sample in samples:
            self.env.cr.execute(
                SQL("SELECT %s", Partner._persian_search_key_sql(SQL("%s::varchar", sample)))
            )
            self.assertEqual(self.env.cr.fetchone()[0], text.search_key(sample), sample)

    def test_install_fills_keys_of_existing_rows_in_sql(self):
        self.set_normalize_names(False)
        lead = self.env["crm.lead"].create({"name": "فروش كالا"})
        self.env.flush_all()
        self.env.cr.execute("ALTER TABLE crm_lead DROP COLUMN name_search_key")
        self.env["crm.lead"]._persian_create_search_key_columns()
        self.env.cr.execute("SELECT name_search_key FROM crm_lead WHERE id = %s", [lead.id])
        self.assertEqual(self.env.cr.fetchone()[0], "فروش کالا")
