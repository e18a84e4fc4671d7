# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestIranianCities(TransactionCase):
    def test_every_province_has_its_cities(self):
        iran = self.env.ref("base.ir")
        cities = self.env["res.city"].search([("country_id", "=", iran.id)])
        provinces = self.env["res.country.state"].search([("country_id", "=", iran.id)])
        self.assertEqual(len(provinces), 31)
        self.assertEqual(cities.state_id, provinces)
        tehran = self.env.ref("crm_persian_address_extended.city_ir_tehran")
        self.assertEqual(tehran.state_id, self.env.ref("crm_persian.state_ir_23"))

    def test_city_fills_the_partner_address(self):
        user = new_test_user(
            self.env, login="fa_city_user", groups="base.group_user,base.group_partner_manager"
        )
        shiraz = self.env.ref("crm_persian_address_extended.city_ir_shiraz")
        partner = self.env["res.partner"].with_user(user).create({"name": "Shiraz customer"})
        partner.city_id = shiraz
        partner._onchange_city_id()
        self.assertEqual(partner.city, "Shiraz")
        self.assertEqual(partner.state_id, self.env.ref("crm_persian.state_ir_07"))

    def test_persian_names(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.env["ir.module.module"].search(
            [("name", "=", "crm_persian_address_extended")]
        )._update_translations(["fa_IR"])
        tehran = self.env.ref("crm_persian_address_extended.city_ir_tehran")
        self.assertEqual(tehran.with_context(lang="fa_IR").name, "تهران")
