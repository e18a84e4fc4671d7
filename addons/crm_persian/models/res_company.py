# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

PERIOD_CALENDARS = [("gregorian", "Gregorian"), ("jalali", "Jalali (Shamsi)")]


class ResCompany(models.Model):
    _inherit = "res.company"

    period_calendar = fields.Selection(
        PERIOD_CALENDARS,
        compute="_compute_period_calendar",
        store=True,
        readonly=False,
        help="Calendar of the company's months, quarters and years: the period of a new sales "
        "quota and the next birthday of its contacts. Jalali periods follow the Iranian "
        "fiscal year (from 1 Farvardin). Follows the company's country (Jalali for Iran) "
        "until set here. A user's own calendar only changes how dates are shown.",
    )

    @api.depends("country_id")
    def _compute_period_calendar(self):
        for company in self:
            company.period_calendar = "jalali" if company.country_id.code == "IR" else "gregorian"

    def write(self, vals):
        res = super().write(vals)
        if "period_calendar" in vals:
            # shared contacts celebrate in the main company's calendar (res.partner)
            partners = self.env["res.partner"]._birthday_calendar_partners(self)
            self.env.add_to_compute(partners._fields["next_birthday"], partners)
        return res
