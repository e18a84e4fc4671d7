# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import CrmPersianCase


@tagged("post_install", "-at_install")
class TestIranianIdentity(CrmPersianCase):
    def _partner(self, **vals):
        return (
            self.env["res.partner"]
            .with_user(self.salesman)
            .create({"name": "مشتری", "country_id": self.iran.id, **vals})
        )

    def test_persian_digits_are_saved_in_latin(self):
        company = self._partner(
            is_company=True,
            national_id="۱۰۳۸۰۲۸۴۷۹۰",
            economic_code="۱۰۳۸۰۲۸۴۷۹۰",
            registration_number="۰۰۱۲۳۴۵",
            zip="۱۱۹۳۶-۵۳۴۷۱",
        )
        self.assertEqual(company.national_id, "10380284790")
        self.assertEqual(company.economic_code, "10380284790")
        self.assertEqual(company.registration_number, "12345")
        self.assertEqual(company.zip, "11936-53471")
        person = self._partner(national_code="٠٤٩٩-٣٧٠٨٩٩")
        self.assertEqual(person.national_code, "0499370899")

    def test_invalid_numbers_raise_clear_errors(self):
        with self.assertRaisesRegex(ValidationError, "national code.*0499370898.*check digit"):
            self._partner(national_code="0499370898")
        with self.assertRaisesRegex(ValidationError, "national ID.*10380284792"):
            self._partner(is_company=True, national_id="10380284792")
        with self.assertRaisesRegex(ValidationError, "identical digits"):
            self._partner(national_code="1111111111")
        with self.assertRaisesRegex(ValidationError, "economic code"):
            self._partner(economic_code="123")
        with self.assertRaisesRegex(ValidationError, "postal code.*0423437584"):
            self._partner(zip="0423437584")
        partner = self._partner(national_code="0499370899")
        with self.assertRaisesRegex(ValidationError, "may only contain digits"):
            partner.national_code = "04993a0899"

    def test_postal_code_rule_applies_to_iran_only(self):
        foreign = self.env["res.partner"].create(
            {"name": "Foreign", "country_id": self.env.ref("base.de").id, "zip": "01067"}
        )
        self.assertEqual(foreign.zip, "01067")
        with self.assertRaisesRegex(ValidationError, "postal code"):
            foreign.country_id = self.iran

    def test_duplicates_are_flagged_not_refused(self):
        first = self._partner(name="Ali", national_code="0499370899")
        second = self._partner(name="Ali bis", national_code="۰۴۹۹۳۷۰۸۹۹")
        other = self._partner(name="Other", national_code="0790419904")
        self.assertTrue(second.has_duplicate)
        self.assertEqual(second.duplicate_partner_ids, first)
        self.assertEqual(first.duplicate_partner_ids, second)
        self.assertFalse(other.has_duplicate)
        Partner = self.env["res.partner"].with_user(self.salesman)
        flagged = Partner.search(
            [("has_duplicate", "=", True), ("id", "in", (first + second + other).ids)]
        )
        self.assertEqual(flagged, first + second)
        unflagged = Partner.search(
            [("has_duplicate", "=", False), ("id", "in", (first + second + other).ids)]
        )
        self.assertEqual(unflagged, other)

    def test_duplicates_are_per_company(self):
        other_company = self.env["res.company"].create({"name": "Branch"})
        first = self._partner(national_code="0499370899")
        second = self._partner(national_code="0499370899", company_id=False)
        self.assertTrue(second.has_duplicate)
        first.company_id = other_company
        second.invalidate_recordset(["has_duplicate", "duplicate_partner_ids"])
        self.assertFalse(second.has_duplicate)

    def test_onchange_normalizes_and_warns_on_duplicate(self):
        existing = self._partner(name="Existing", national_code="0499370899")
        draft = (
            self.env["res.partner"]
            .with_user(self.salesman)
            .new({"name": "New", "country_id": self.iran.id, "national_code": "۰۴۹۹۳۷۰۸۹۹"})
        )
        result = draft._onchange_iranian_identity()
        self.assertEqual(draft.national_code, "0499370899")
        self.assertIn(existing.display_name, result["warning"]["message"])
        invalid = self.env["res.partner"].new({"name": "X", "national_code": "0499370898"})
        result = invalid._onchange_iranian_identity()
        self.assertIn("check digit", result["warning"]["message"])
        self.assertEqual(invalid.national_code, "0499370898")  # kept as typed

    def test_company_identity_is_shared_with_its_contacts(self):
        company = self._partner(is_company=True, national_id="10380284790")
        contact = self._partner(name="Contact", parent_id=company.id)
        self.assertEqual(contact.national_id, "10380284790")
        self.assertFalse(contact.has_duplicate)
        self.assertFalse(company.has_duplicate)

    def test_identity_fields_are_searchable(self):
        partner = self._partner(is_company=True, national_id="10380284790")
        Partner = self.env["res.partner"].with_user(self.salesman)
        self.assertEqual(Partner.search([("national_id", "=", "10380284790")]), partner)
        self.assertEqual(Partner.search([("national_id", "ilike", "۱۰۳۸۰-۲۸۴")]), partner)

    def test_contacts_are_found_by_identity_numbers_in_name_search(self):
        company = self._partner(name="Pars", is_company=True, national_id="10380284790")
        person = self._partner(name="Ali", national_code="0084575948")
        Partner = self.env["res.partner"].with_user(self.salesman)
        self.assertIn(company.id, dict(Partner.name_search("۱۰۳۸۰۲۸۴۷۹۰")))
        self.assertIn(person.id, dict(Partner.name_search("84575948")))
        self.assertIn(person.id, dict(Partner.name_search("008-457594-8")))
        self.assertNotIn(person.id, dict(Partner.name_search("10380284790")))

    def test_iran_provinces(self):
        states = self.env["res.country.state"].search([("country_id", "=", self.iran.id)])
        self.assertEqual(len(states), 31)
        self.assertEqual(sorted(states.mapped("code")), [f"{code:02d}" for code in range(31)])
        self.assertEqual(self.env.ref("crm_persian.state_ir_23").name, "Tehran (تهران)")

    def test_demo_partners_are_valid_and_normalized(self):
        zagros = self.env.ref("crm_persian.partner_zagros_food", raise_if_not_found=False)
        if not zagros:
            self.skipTest("demo data not loaded")
        self.assertEqual(zagros.name, "صنایع غذایی زاگرس")
        maryam = self.env.ref("crm_persian.partner_maryam_karimi")
        self.assertEqual(maryam.national_code, "2607114462")
        self.assertEqual(maryam.phone_sanitized, "+989351112233")

    def test_partner_form_for_an_iranian_company(self):
        form = Form(self.env["res.partner"].with_user(self.sales_manager))
        form.company_type = "company"
        form.name = "شركت آزمون"
        form.country_id = self.iran
        form.national_id = "۱۰۳۸۰۲۸۴۷۹۰"
        self.assertEqual(form.national_id, "10380284790")  # normalized by the onchange
        form.economic_code = "10380284790"
        form.zip = "۱۱۹۳۶۵۳۴۷۱"
        self.assertEqual(form.zip, "11936-53471")
        form.phone = "+۹۸۲۱۸۸۷۷۶۶۵۵"
        self.assertEqual(form.phone, "021 8877 6655")
        partner = form.save()
        self.assertEqual(partner.name, "شرکت آزمون")
        self.assertEqual(partner.phone_sanitized, "+982188776655")
        self.assertEqual(partner.phone_kind, "landline")
