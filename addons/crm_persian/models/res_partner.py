# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Iranian identities, postal codes and phone numbers on contacts; Persian-insensitive search."""

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from ..tools import digits, identity

IDENTITY_FIELDS = ("national_code", "national_id", "economic_code", "registration_number")
VALIDATORS = {
    "national_code": identity.validate_national_code,
    "national_id": identity.validate_national_id,
    "economic_code": identity.validate_economic_code,
    "registration_number": identity.validate_registration_number,
    "zip": identity.validate_postal_code,
}
# identifiers two different customers may not share (a warning, not a constraint)
DUPLICATE_FIELDS = ("national_code", "national_id", "economic_code", "phone_sanitized")


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "crm.persian.search.mixin", "crm.persian.phone.mobile.mixin"]

    _persian_search_fields = ("name", "complete_name")
    _persian_normalize_fields = ("name",)

    national_code = fields.Char(
        index="btree_not_null",
        copy=False,
        tracking=True,
        help="Glossary: National code (کد ملی) — the 10-digit identity number of an Iranian "
        "person, with a check digit. Persian digits are accepted.",
    )
    national_id = fields.Char(
        "National ID",
        index="btree_not_null",
        copy=False,
        tracking=True,
        help="Glossary: National ID (شناسه ملی) — the 11-digit identity number of an Iranian "
        "legal entity (company, institution), with a check digit.",
    )
    economic_code = fields.Char(
        index="btree_not_null",
        copy=False,
        help="Glossary: Economic code (کد اقتصادی) — the tax identifier printed on invoices: "
        "the national code of a person or the national ID of a legal entity (12 digits for "
        "codes issued under the former scheme).",
    )
    registration_number = fields.Char(
        index="btree_not_null",
        copy=False,
        help="Glossary: Registration number (شماره ثبت) — the number of the company at the "
        "companies registration office.",
    )
    # compared for duplicate detection and "Phone (any format)" searches: indexed as on leads
    phone_sanitized = fields.Char(index="btree_not_null")
    name_search_key = fields.Char(
        compute="_compute_persian_search_keys",
        store=True,
        index="trigram",
        help="Technical: the name with Arabic/Persian letter variants folded, for search.",
    )
    complete_name_search_key = fields.Char(
        compute="_compute_persian_search_keys",
        store=True,
        index="trigram",
        help="Technical: the complete name with Arabic/Persian letter variants folded.",
    )
    duplicate_partner_ids = fields.Many2many(
        "res.partner",
        compute="_compute_duplicate_partner_ids",
        string="Possible Duplicates",
        help="Other customers of the same company with the same national code, national ID, "
        "economic code or phone number (compared in canonical form).",
    )
    duplicate_partner_count = fields.Integer(
        "Possible Duplicate Count", compute="_compute_duplicate_partner_ids"
    )
    has_duplicate = fields.Boolean(
        "Possible Duplicate",
        compute="_compute_duplicate_partner_ids",
        search="_search_has_duplicate",
        help="Another customer of the same company shares this contact's national code, "
        "national ID, economic code or phone number.",
    )

    @api.depends("name", "complete_name")
    def _compute_persian_search_keys(self):
        return super()._compute_persian_search_keys()

    @api.model
    def _search_display_name(self, operator, value):
        """A contact is also found by its national code, national ID or economic code, typed
        with any digits and separators (in the contact fields of every form)."""
        domain = super()._search_display_name(operator, value)
        number = identity.clean(value) if isinstance(value, str) else ""
        if operator in ("ilike", "=ilike", "like", "=like", "=") and number.isdigit():
            if len(number) in (8, 9):
                number = number.zfill(10)  # national code printed without its leading zeros
            if len(number) >= 10:
                domain = expression.OR(
                    [domain, *([(fname, "=", number)] for fname in IDENTITY_FIELDS[:3])]
                )
        return domain

    def _condition_to_sql(self, alias, fname, operator, value, query):
        # identity numbers are stored in Latin digits without separators: search them so
        if fname in IDENTITY_FIELDS and isinstance(value, str) and value:
            value = identity.clean(value) or value
        return super()._condition_to_sql(alias, fname, operator, value, query)

    @api.model
    def _commercial_fields(self):
        return [
            *super()._commercial_fields(),
            "national_id",
            "economic_code",
            "registration_number",
        ]

    # ------------------------------------------------------------------ identities
    @api.model
    def _identity_error(self, fname, value, reason):
        labels = {
            "national_code": _("national code"),
            "national_id": _("national ID"),
            "economic_code": _("economic code"),
            "registration_number": _("registration number"),
            "zip": _("postal code"),
        }
        label = labels[fname]
        explanations = {
            "national_code": _("A national code has 10 digits, the last one a check digit."),
            "national_id": _("A national ID has 11 digits, the last one a check digit."),
            "economic_code": _(
                "An economic code is a person's national code (10 digits), a legal entity's "
                "national ID (11 digits) or a former 12-digit code."
            ),
            "registration_number": _("A registration number has 1 to 10 digits."),
            "zip": _("An Iranian postal code has 10 digits, with no 0 and no 2 in the first five."),
        }
        reasons = {
            "empty": _("The %(label)s is empty.", label=label),
            "not_digits": _(
                "The %(label)s “%(value)s” may only contain digits.", label=label, value=value
            ),
            "length": _(
                "The %(label)s “%(value)s” has the wrong number of digits.",
                label=label,
                value=value,
            ),
            "checksum": _(
                "The %(label)s “%(value)s” is not valid: its check digit does not match "
                "(probably a typing mistake).",
                label=label,
                value=value,
            ),
            "repeated": _(
                "The %(label)s “%(value)s” is not valid: identical digits are never issued.",
                label=label,
                value=value,
            ),
            "format": _(
                "The %(label)s “%(value)s” is not valid.",
                label=label,
                value=value,
            ),
        }
        return f"{reasons.get(reason, reasons['format'])} {explanations[fname]}"

    @api.model
    def _identity_clean_vals(self, vals):
        """Identity numbers are saved in Latin digits without separators; a valid number in
        its canonical form (a national code typed without leading zeros gets them)."""
        vals = dict(vals)
        for fname in IDENTITY_FIELDS:
            value = vals.get(fname)
            if isinstance(value, str):
                try:
                    vals[fname] = VALIDATORS[fname](value)
                except identity.InvalidIdentity:
                    vals[fname] = identity.clean(value) or False
        if isinstance(vals.get("zip"), str):
            vals["zip"] = digits.to_latin(vals["zip"]).strip()
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._identity_clean_vals(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._identity_clean_vals(vals))

    @api.constrains(*IDENTITY_FIELDS, "zip", "country_id")
    def _check_iranian_identities(self):
        for partner in self:
            checks = [fname for fname in IDENTITY_FIELDS if partner[fname]]
            if partner.zip and partner.country_id.code == "IR":
                checks.append("zip")
            for fname in checks:
                try:
                    VALIDATORS[fname](partner[fname])
                except identity.InvalidIdentity as error:
                    raise ValidationError(
                        self._identity_error(fname, partner[fname], error.reason)
                    ) from error

    # ------------------------------------------------------------------ duplicates
    def _duplicate_domain(self):
        self.ensure_one()
        conditions = [[(fname, "=", self[fname])] for fname in DUPLICATE_FIELDS if self[fname]]
        if not conditions:
            return None
        domain = conditions[0]
        for condition in conditions[1:]:
            domain = ["|", *domain, *condition]
        commercial = self.commercial_partner_id._origin or self._origin
        return [
            *domain,
            ("id", "!=", self._origin.id or 0),
            ("company_id", "=", self.company_id.id or False),
            "!",
            ("id", "child_of", commercial.ids or [0]),
        ]

    @api.depends(*DUPLICATE_FIELDS, "company_id", "commercial_partner_id")
    def _compute_duplicate_partner_ids(self):
        for partner in self:
            domain = partner._duplicate_domain()
            duplicates = (
                self.with_context(active_test=False).search(domain, limit=20)
                if domain
                else self.browse()
            )
            partner.duplicate_partner_ids = duplicates
            partner.duplicate_partner_count = len(duplicates)
            partner.has_duplicate = bool(duplicates)

    def _search_has_duplicate(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on possible duplicates."))
        self.flush_model([*DUPLICATE_FIELDS, "company_id", "commercial_partner_id"])
        queries = [
            SQL(
                """SELECT p.id FROM res_partner p
                    WHERE p.%(f)s IS NOT NULL AND p.%(f)s != '' AND EXISTS (
                        SELECT 1 FROM res_partner o
                         WHERE o.%(f)s = p.%(f)s AND o.id != p.id
                           AND o.company_id IS NOT DISTINCT FROM p.company_id
                           AND o.commercial_partner_id IS DISTINCT FROM p.commercial_partner_id)""",
                f=SQL.identifier(fname),
            )
            for fname in DUPLICATE_FIELDS
        ]
        query = SQL("(%s)", SQL(" UNION ").join(queries))
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", query)]

    def _duplicate_warning(self):
        duplicates = self.duplicate_partner_ids
        if not duplicates:
            return None
        return {
            "warning": {
                "title": _("Possible duplicate"),
                "message": _(
                    "These contacts of the same company already have this national code, "
                    "national ID, economic code or phone number: %(names)s",
                    names=", ".join(duplicates[:5].mapped("display_name")),
                ),
                "type": "notification",
            }
        }

    @api.onchange(*IDENTITY_FIELDS)
    def _onchange_iranian_identity(self):
        for fname in IDENTITY_FIELDS:
            value = self[fname]
            if not value:
                continue
            try:
                self[fname] = VALIDATORS[fname](value)
            except identity.InvalidIdentity as error:
                return {
                    "warning": {
                        "title": _("Check the number"),
                        "message": self._identity_error(fname, value, error.reason),
                        "type": "notification",
                    }
                }
        return self._duplicate_warning()

    @api.onchange("zip", "country_id")
    def _onchange_iranian_zip(self):
        if self.zip and self.country_id.code == "IR":
            try:
                self.zip = identity.format_postal_code(identity.validate_postal_code(self.zip))
            except identity.InvalidIdentity as error:
                return {
                    "warning": {
                        "title": _("Check the postal code"),
                        "message": self._identity_error("zip", self.zip, error.reason),
                        "type": "notification",
                    }
                }
        return None

    @api.onchange("phone", "country_id", "company_id")
    def _onchange_phone_validation(self):
        return self._persian_phone_onchange("phone") or self._duplicate_warning()

    @api.onchange("mobile", "country_id", "company_id")
    def _onchange_mobile_validation(self):
        return self._persian_phone_onchange("mobile") or self._duplicate_warning()
