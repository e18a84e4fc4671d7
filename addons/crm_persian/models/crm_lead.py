# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Iranian phone numbers and Persian-insensitive search on leads and opportunities."""

from odoo import api, fields, models


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "crm.persian.search.mixin", "crm.persian.phone.mobile.mixin"]

    _persian_search_fields = ("name", "contact_name", "partner_name")
    _persian_normalize_fields = ("name", "contact_name", "partner_name")

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

    @api.depends("name", "contact_name", "partner_name")
    def _compute_persian_search_keys(self):
        return super()._compute_persian_search_keys()

    @api.onchange("phone", "country_id", "company_id")
    def _onchange_phone_validation(self):
        return self._persian_phone_onchange("phone")

    @api.onchange("mobile", "country_id", "company_id")
    def _onchange_mobile_validation(self):
        return self._persian_phone_onchange("mobile")
