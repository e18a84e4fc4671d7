# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .crm_persian_phone_mixin import PHONE_KINDS


class CrmPersianPhoneMobileMixin(models.AbstractModel):
    """The kinds of the ``phone`` and ``mobile`` numbers of contacts and leads."""

    _name = "crm.persian.phone.mobile.mixin"
    _inherit = "crm.persian.phone.mixin"
    _description = "Iranian phone and mobile numbers"

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

    @api.depends("phone", "mobile", "country_id", "company_id")
    def _compute_persian_phone_kinds(self):
        return super()._compute_persian_phone_kinds()
