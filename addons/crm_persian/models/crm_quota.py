# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools import jalali


class CrmQuota(models.Model):
    _inherit = "crm.quota"

    @api.model
    def _get_period_bounds(self, period_type, date):
        """Jalali month, quarter and year (the Iranian fiscal year, from 1 Farvardin).

        Used when the current company is Iranian or the user reads the Jalali calendar, so
        that a quota for "this quarter" covers Mehr to Azar rather than October to December.
        """
        if period_type not in jalali.PERIOD_TYPES or not self.env.user._uses_jalali_periods():
            return super()._get_period_bounds(period_type, date)
        return jalali.period_bounds(period_type, fields.Date.to_date(date))
