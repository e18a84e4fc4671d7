# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .jalali_period_mixin import PERIOD_FILTERS


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "crm.persian.jalali.period.mixin"]

    invoice_jalali_year = fields.Char(
        compute="_compute_jalali_periods",
        store=True,
        index=True,
        help="Jalali (Iranian fiscal) year of the invoice date, e.g. 1404.",
    )
    invoice_jalali_quarter = fields.Char(
        compute="_compute_jalali_periods",
        store=True,
        index=True,
        help="Jalali quarter of the invoice date, e.g. 1404-Q3 (Mehr to Azar).",
    )
    invoice_jalali_month = fields.Char(
        compute="_compute_jalali_periods",
        store=True,
        index=True,
        help="Jalali month of the invoice date, e.g. 1404-08 (Aban).",
    )
    invoice_jalali_period = fields.Selection(
        PERIOD_FILTERS,
        string="Invoiced in Jalali Period",
        compute="_compute_jalali_period_filter",
        search="_search_invoice_jalali_period",
        help="Searches invoices dated in this or the last Jalali month, quarter or year.",
    )

    @api.model
    def _jalali_period_sources(self):
        return {"invoice": "invoice_date"}

    @api.depends("invoice_date")
    def _compute_jalali_periods(self):
        return super()._compute_jalali_periods()

    def _search_invoice_jalali_period(self, operator, value):
        return self._search_jalali_period("invoice", operator, value)
