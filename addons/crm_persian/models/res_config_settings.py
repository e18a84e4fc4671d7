# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import fields, models

from .crm_persian_search_mixin import NORMALIZE_NAMES_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_persian_normalize_names = fields.Boolean(
        "Normalize Persian Names",
        config_parameter=NORMALIZE_NAMES_PARAM,
        help="Glossary: Persian text normalization — when saving contact, lead and ticket "
        "names, Arabic ي/ك become Persian ی/ک, tatweel and repeated spaces are removed. "
        "Search finds both spellings whatever this setting.",
    )
    crm_period_calendar = fields.Selection(
        related="company_id.period_calendar",
        readonly=False,
        help="Calendar of the company's months, quarters and years: the period of a new sales "
        "quota and the next birthday of its contacts. Jalali periods follow the Iranian "
        "fiscal year (from 1 Farvardin). A user's own calendar only changes how dates are "
        "shown.",
    )
    crm_sms_panel_count = fields.Integer("SMS Panel Count", compute="_compute_crm_sms_panel_count")

    def _compute_crm_sms_panel_count(self):
        count = self.env["crm.sms.panel"].sudo().search_count([])
        for settings in self:
            settings.crm_sms_panel_count = count
