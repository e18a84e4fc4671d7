# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.crm_persian import post_init_hook

from .common import CrmPersianCase

MOBILE = "+989121234567"


@tagged("post_install", "-at_install")
class TestIranianPhones(CrmPersianCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the company is not in Iran: Iranian numbers must still be understood
        cls.company.country_id = cls.env.ref("base.us")

    def test_every_typed_form_gives_the_same_canonical_number(self):
        Partner = self.env["res.partner"].with_user(self.salesman)
        typed = [
            "۰۹۱۲۱۲۳۴۵۶۷",
            "+98 912 123 4567",
            "00989121234567",
            "989121234567",
            "0912-123-4567",
        ]
        partners = Partner.create(
            [
                {"name": f"P{index}", "country_id": self.iran.id, "mobile": number}
                for index, number in enumerate(typed)
            ]
        )
        self.assertEqual(set(partners.mapped("phone_sanitized")), {MOBILE})
        self.assertEqual(set(partners.mapped("mobile_kind")), {"mobile"})
        # saved in the national display form, whatever was typed (Persian digits included)
        self.assertEqual(set(partners.mapped("mobile")), {"0912 123 4567"})

    def test_number_without_country_is_read_as_iranian(self):
        partner = self.env["res.partner"].create({"name": "No country", "phone": "09121234567"})
        self.assertEqual(partner.phone_sanitized, MOBILE)
        landline = self.env["res.partner"].create({"name": "Landline", "phone": "021 8877 6655"})
        self.assertEqual(landline.phone_sanitized, "+982188776655")
        self.assertEqual(landline.phone_kind, "landline")
        american = self.env["res.partner"].create(
            {"name": "US", "country_id": self.env.ref("base.us").id, "phone": "(650) 253-0000"}
        )
        self.assertEqual(american.phone_sanitized, "+16502530000")

    def test_invalid_number_is_kept_and_flagged(self):
        partner = self.env["res.partner"].create(
            {"name": "Invalid", "country_id": self.iran.id, "phone": "0912 12"}
        )
        self.assertEqual(partner.phone, "0912 12")
        self.assertEqual(partner.phone_kind, "invalid")
        self.assertFalse(partner.phone_sanitized)
        draft = self.env["res.partner"].new(
            {"name": "Draft", "country_id": self.iran.id, "phone": "0912 12"}
        )
        result = draft._onchange_phone_validation()
        self.assertIn("0912 12", result["warning"]["message"])
        self.assertEqual(draft.phone, "0912 12")

    def test_onchange_shows_national_form(self):
        draft = self.env["res.partner"].new(
            {"name": "Draft", "country_id": self.iran.id, "phone": "+۹۸۹۱۲۱۲۳۴۵۶۷"}
        )
        self.assertFalse(draft._onchange_phone_validation())
        self.assertEqual(draft.phone, "0912 123 4567")
        lead = self.env["crm.lead"].new({"name": "Lead", "mobile": "00982188776655"})
        lead._onchange_mobile_validation()
        self.assertEqual(lead.mobile, "021 8877 6655")

    def test_duplicate_leads_match_across_forms(self):
        Lead = self.env["crm.lead"].with_user(self.salesman)
        first = Lead.create({"name": "First", "phone": "+98 912 123 4567"})
        second = Lead.create({"name": "Second", "phone": "۰۹۱۲۱۲۳۴۵۶۷"})
        unrelated = Lead.create({"name": "Other", "phone": "09351112233"})
        self.assertEqual(first.phone_sanitized, second.phone_sanitized)
        self.assertIn(first, second.duplicate_lead_ids)
        self.assertNotIn(unrelated, second.duplicate_lead_ids)
        self.assertEqual(second.phone_kind, "mobile")

    def test_duplicate_partners_by_phone(self):
        first = self.env["res.partner"].create({"name": "A", "mobile": "09121234567"})
        second = self.env["res.partner"].create({"name": "B", "phone": "+98 912 123 4567"})
        self.assertEqual(second.duplicate_partner_ids, first)

    def test_search_any_format(self):
        partner = self.env["res.partner"].create({"name": "Searchable", "mobile": "0912 123 4567"})
        Partner = self.env["res.partner"].with_user(self.salesman)
        for query in ("00989121234567", "۰۹۱۲۱۲۳۴۵۶۷", "+98 912 123 4567"):
            found = Partner.search([("phone_canonical_search", "=", query)])
            self.assertIn(partner, found, query)
        lead = self.env["crm.lead"].create({"name": "L", "mobile": "09121234567"})
        self.assertIn(
            lead, self.env["crm.lead"].search([("phone_canonical_search", "=", "989121234567")])
        )

    def test_format_api_of_phone_validation(self):
        Partner = self.env["res.partner"]
        self.assertEqual(Partner._phone_format(number="۰۹۱۲۱۲۳۴۵۶۷", country=self.iran), MOBILE)
        self.assertEqual(
            Partner._phone_format(number="09121234567", country=self.iran, force_format="NATIONAL"),
            "0912 123 4567",
        )
        self.assertFalse(Partner._phone_format(number="12", country=self.iran))
        with self.assertRaisesRegex(Exception, "not a valid phone number"):
            Partner._phone_format(number="0912 12", country=self.iran, raise_exception=True)

    def test_ticket_customer_phone(self):
        ticket = self.env["crm.ticket"].create({"name": "Ticket", "partner_phone": "۰۹۱۲ ۱۲۳ ۴۵۶۷"})
        self.assertEqual(ticket.partner_phone, "0912 123 4567")
        self.assertEqual(ticket.partner_phone_sanitized, MOBILE)
        self.assertEqual(ticket.partner_phone_kind, "mobile")
        found = self.env["crm.ticket"].search([("phone_canonical_search", "=", "+98 912 123 4567")])
        self.assertEqual(found, ticket)
        self.assertEqual(self.env["crm.ticket"]._phone_get_number_fields(), ["partner_phone"])
        draft = self.env["crm.ticket"].new({"name": "Draft", "partner_phone": "021-88776655"})
        self.assertFalse(draft._onchange_partner_phone_persian())
        self.assertEqual(draft.partner_phone, "021 8877 6655")

    def test_install_reads_numbers_odoo_could_not(self):
        partner = self.env["res.partner"].create({"name": "Old", "mobile": "0912 123 4567"})
        self.env.flush_all()
        # as left by Odoo before this module: not readable in the company's country (US)
        self.env.cr.execute(
            "UPDATE res_partner SET phone_sanitized = NULL WHERE id = %s", [partner.id]
        )
        partner.invalidate_recordset(["phone_sanitized"])
        self.env["res.partner"]._persian_recompute_sanitized_phones()
        self.env.flush_all()
        self.assertEqual(partner.phone_sanitized, MOBILE)

    def test_api_stores_the_national_form_of_valid_iranian_numbers(self):
        """Imports and API calls store what the form shows; invalid or foreign text is kept."""
        Partner = self.env["res.partner"].with_user(self.salesman)
        partner = Partner.create(
            {"name": "API", "phone": "+98 21 8877 6655", "mobile": "00989121234567"}
        )
        self.assertEqual((partner.phone, partner.mobile), ("021 8877 6655", "0912 123 4567"))
        partner.write({"mobile": "0912 12"})
        self.assertEqual(partner.mobile, "0912 12")
        partner.write({"mobile": "۹۸۹۱۲۱۲۳۴۵۶۷"})
        self.assertEqual(partner.mobile, "0912 123 4567")
        american = Partner.create(
            {"name": "US", "country_id": self.env.ref("base.us").id, "phone": "(650) 253-0000"}
        )
        self.assertEqual(american.phone, "(650) 253-0000")
        # several records of different countries written at once
        (partner | american).write({"mobile": "+989121234567"})
        self.assertEqual(partner.mobile, "0912 123 4567")
        self.assertEqual(american.mobile, "0912 123 4567")
        lead = (
            self.env["crm.lead"]
            .with_user(self.salesman)
            .create({"name": "Imported", "phone": "989351112233"})
        )
        self.assertEqual(lead.phone, "0935 111 2233")
        lead.write({"mobile": "hello"})
        self.assertEqual(lead.mobile, "hello")
        ticket = self.env["crm.ticket"].create({"name": "T", "partner_phone": "+982188776655"})
        self.assertEqual(ticket.partner_phone, "021 8877 6655")

    def test_install_stores_the_national_form_of_existing_numbers(self):
        partners = self.env["res.partner"].create([{"name": f"Old {i}"} for i in range(4)])
        lead = self.env["crm.lead"].create({"name": "Old lead"})
        ticket = self.env["crm.ticket"].create({"name": "Old ticket"})
        self.env.flush_all()
        # as typed before the module was installed
        typed = ["+98 912 123 4567", "0912 12", "(650) 253-0000", "00982188776655"]
        for partner, number in zip(partners, typed, strict=True):
            self.env.cr.execute(
                "UPDATE res_partner SET phone = %s, mobile = %s WHERE id = %s",
                [number, number, partner.id],
            )
        partners[2].country_id = self.env.ref("base.us")
        self.env.cr.execute("UPDATE crm_lead SET phone = '989351112233' WHERE id = %s", [lead.id])
        self.env.cr.execute(
            "UPDATE crm_ticket SET partner_phone = '+989121234567' WHERE id = %s", [ticket.id]
        )
        self.env.invalidate_all()
        post_init_hook(self.env)
        self.assertEqual(
            partners.mapped("phone"),
            ["0912 123 4567", "0912 12", "(650) 253-0000", "021 8877 6655"],
        )
        self.assertEqual(partners.mapped("mobile"), partners.mapped("phone"))
        self.assertEqual(lead.phone, "0935 111 2233")
        self.assertEqual(ticket.partner_phone, "0912 123 4567")
