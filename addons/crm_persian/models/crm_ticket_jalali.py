# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .jalali_period_mixin import PERIOD_FILTERS


class CrmTicket(models.Model):
    _name = "crm.ticket"
    _inherit = ["crm.ticket", "crm.persian.jalali.period.mixin"]

    create_jalali_year = fields.Char(
        string="Created (Jalali Year)",
        compute="_compute_jalali_periods",
        store=True,
        index=True,
        help="Jalali (Iranian fiscal) year in which the ticket was created, e.g. 1404.",
    )
    create_jalali_quarter = fields.Char(
        string="Created (Jalali Quarter)",
        compute="_compute_jalali_periods",
        store=True,
        index=True,
        help="Jalali quarter in which the ticket was created, e.g. 1404-Q3 (Mehr to Azar).",
    )
    create_jalali_month = fields.Char(
        string="Created (Jalali Month)",
        compute="_compute_jalali_periods",
        store=True,
        index=True,
        help="Jalali month in which the ticket was created, e.g. 1404-08 (Aban).",
    )
    create_jalali_period = fields.Selection(
        PERIOD_FILTERS,
        string="Created in Jalali Period",
        compute="_compute_jalali_period_filter",
        search="_search_create_jalali_period",
        help="Searches tickets created in this or the last Jalali month, quarter or year.",
    )

    @api.model
    def _jalali_period_sources(self):
        return {"create": "create_date"}

    @api.depends("create_date")
    def _compute_jalali_periods(self):
        return super()._compute_jalali_periods()

    def _search_create_jalali_period(self, operator, value):
        return self._search_jalali_period("create", operator, value)
