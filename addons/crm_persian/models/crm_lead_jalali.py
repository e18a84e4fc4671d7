# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .jalali_period_mixin import PERIOD_FILTERS


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "crm.persian.jalali.period.mixin"]

    create_jalali_year = fields.Char(
        string="Created (Jalali Year)",
        compute="_compute_jalali_periods",
        store=True,
        index=True,
        help="Jalali (Iranian fiscal) year in which the lead was created, e.g. 1404.",
    )
    create_jalali_quarter = fields.Char(
        string="Created (Jalali Quarter)",
        compute="_compute_jalali_periods",
        store=True,
        index=True,
        help="Jalali quarter in which the lead was created, e.g. 1404-Q3 (Mehr to Azar).",
    )
    create_jalali_month = fields.Char(
        string="Created (Jalali Month)",
        compute="_compute_jalali_periods",
        store=True,
        index=True,
        help="Jalali month in which the lead was created, e.g. 1404-08 (Aban).",
    )
    create_jalali_period = fields.Selection(
        PERIOD_FILTERS,
        string="Created in Jalali Period",
        compute="_compute_jalali_period_filter",
        search="_search_create_jalali_period",
        help="Searches leads created in this or the last Jalali month, quarter or year.",
    )
    closed_jalali_year = fields.Char(
        string="Closed (Jalali Year)",
        compute="_compute_jalali_periods",
        store=True,
        index=True,
        help="Jalali (Iranian fiscal) year in which the opportunity was won or lost.",
    )
    closed_jalali_quarter = fields.Char(
        string="Closed (Jalali Quarter)",
        compute="_compute_jalali_periods",
        store=True,
        index=True,
        help="Jalali quarter in which the opportunity was won or lost, e.g. 1404-Q3.",
    )
    closed_jalali_month = fields.Char(
        string="Closed (Jalali Month)",
        compute="_compute_jalali_periods",
        store=True,
        index=True,
        help="Jalali month in which the opportunity was won or lost, e.g. 1404-08.",
    )
    closed_jalali_period = fields.Selection(
        PERIOD_FILTERS,
        string="Closed in Jalali Period",
        compute="_compute_jalali_period_filter",
        search="_search_closed_jalali_period",
        help="Searches opportunities won or lost in this or the last Jalali month, quarter "
        "or year.",
    )

    @api.model
    def _jalali_period_sources(self):
        return {"create": "create_date", "closed": "date_closed"}

    @api.depends("create_date", "date_closed")
    def _compute_jalali_periods(self):
        return super()._compute_jalali_periods()

    def _search_create_jalali_period(self, operator, value):
        return self._search_jalali_period("create", operator, value)

    def _search_closed_jalali_period(self, operator, value):
        return self._search_jalali_period("closed", operator, value)
