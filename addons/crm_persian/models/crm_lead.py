# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Iranian phone numbers and Persian-insensitive search on leads and opportunities."""

from odoo import api, fields, models

from .crm_persian_phone_mixin import PHONE_KINDS


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "crm.persian.search.mixin", "crm.persian.phone.mixin"]

    _persian_search_fields = ("name", "contact_name", "partner_name")
    _persian_normalize_fields = ("name", "contact_name", "partner_name")
    _persian_phone_fields = ("phone", "mobile")

    phone_kind = fields.Selection(
        PHONE_KINDS,
        "Phone Type",
        compute="_compute_persian_phone_kinds",
        store=True,
        help="Mobile or landline, read from the number itself; 'Invalid number' when the "
        "phone cannot be dialled (it is kept as typed).",
    )
    mobile_kind = fields.Selection(
        PHONE_KINDS,
        "Mobile Type",
        compute="_compute_persian_phone_kinds",
        store=True,
        help="Mobile or landline, read from the number itself; 'Invalid number' when the "
        "number cannot be dialled (it is kept as typed).",
    )
    name_search_key = fields.Char(
        compute="_compute_persian_search_keys",
        store=True,
        index="trigram",
        help="Technical: the lead name with Arabic/Persian letter variants folded.",
    )
    contact_name_search_key = fields.Char(
        compute="_compute_persian_search_keys",
        store=True,
        index="trigram",
        help="Technical: the contact name with Arabic/Persian letter variants folded.",
    )
    partner_name_search_key = fields.Char(
        compute="_compute_persian_search_keys",
        store=True,
        index="trigram",
        help="Technical: the company name with Arabic/Persian letter variants folded.",
    )

    @api.depends("phone", "mobile", "country_id", "company_id")
    def _compute_persian_phone_kinds(self):
        return super()._compute_persian_phone_kinds()

    @api.depends("name", "contact_name", "partner_name")
    def _compute_persian_search_keys(self):
        return super()._compute_persian_search_keys()

    @api.onchange("phone", "country_id", "company_id")
    def _onchange_phone_validation(self):
        return self._persian_phone_onchange("phone")

    @api.onchange("mobile", "country_id", "company_id")
    def _onchange_mobile_validation(self):
        return self._persian_phone_onchange("mobile")
