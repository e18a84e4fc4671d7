# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Iranian phone numbers and Persian-insensitive search on tickets."""

from odoo import api, fields, models

from .crm_persian_phone_mixin import PHONE_KINDS


class CrmTicket(models.Model):
    _name = "crm.ticket"
    _inherit = ["crm.ticket", "crm.persian.search.mixin", "crm.persian.phone.mixin"]

    _persian_search_fields = ("name",)
    _persian_normalize_fields = ("name", "partner_name")
    _persian_phone_fields = ("partner_phone",)
    _persian_phone_sanitized_field = "partner_phone_sanitized"

    partner_phone_kind = fields.Selection(
        PHONE_KINDS,
        "Customer Phone Type",
        compute="_compute_persian_phone_kinds",
        store=True,
        help="Mobile or landline, read from the number itself; 'Invalid number' when the "
        "phone cannot be dialled (it is kept as typed).",
    )
    partner_phone_sanitized = fields.Char(
        "Customer Phone (E.164)",
        compute="_compute_partner_phone_sanitized",
        store=True,
        index="btree_not_null",
        help="The customer phone in canonical international form (+989121234567), used to "
        "find the customer's other tickets, leads and contacts whatever way it was typed.",
    )
    name_search_key = fields.Char(
        compute="_compute_persian_search_keys",
        store=True,
        index="trigram",
        help="Technical: the subject with Arabic/Persian letter variants folded.",
    )

    @api.model
    def _phone_get_number_fields(self):
        # lets Odoo's SMS composer and SMS templates reach the customer of a ticket
        return ["partner_phone"]

    @api.depends("partner_phone", "company_id")
    def _compute_persian_phone_kinds(self):
        return super()._compute_persian_phone_kinds()

    @api.depends("partner_phone", "company_id")
    def _compute_partner_phone_sanitized(self):
        for ticket in self:
            ticket.partner_phone_sanitized = (
                ticket._phone_format(fname="partner_phone") if ticket.partner_phone else False
            )

    @api.depends("name")
    def _compute_persian_search_keys(self):
        return super()._compute_persian_search_keys()

    @api.onchange("partner_phone")
    def _onchange_partner_phone_persian(self):
        return self._persian_phone_onchange("partner_phone")
