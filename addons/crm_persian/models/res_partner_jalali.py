# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from ..tools import jalali


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _birthday_main_company(self):
        """The company whose Period Calendar shared contacts (no company) celebrate in."""
        return self.env.ref("base.main_company", raise_if_not_found=False) or self.env[
            "res.company"
        ].sudo().search([], order="id", limit=1)

    @api.model
    def _birthday_calendar_partners(self, companies):
        """Contacts with a birthday whose calendar is the one of ``companies``."""
        domain = [("company_id", "in", companies.ids)]
        if self._birthday_main_company() in companies:
            domain = ["|", ("company_id", "=", False), *domain]
        return self.with_context(active_test=False).search([("birth_date", "!=", False), *domain])

    @api.depends("birth_date", "company_id.period_calendar")
    def _compute_next_birthday(self):
        """The next birthday in the Period Calendar of the contact's company (of the main
        company for shared contacts), whoever triggers the computation."""
        main_calendar = self._birthday_main_company().period_calendar
        jalali_partners = self.filtered(
            lambda partner: (partner.company_id.period_calendar or main_calendar) == "jalali"
        )
        jalali_partners = jalali_partners.with_context(crm_period_calendar="jalali")
        super(ResPartner, jalali_partners)._compute_next_birthday()
        others = (self - jalali_partners).with_context(crm_period_calendar="gregorian")
        return super(ResPartner, others)._compute_next_birthday()

    @api.model
    def _get_next_birthday(self, birth_date, today):
        """The next Jalali anniversary of ``birth_date`` on or after ``today``, in a Jalali
        Period Calendar (see ``_compute_next_birthday``; the current company's otherwise).

        Iranians celebrate the Jalali date of birth, which moves by a day or so in the
        Gregorian calendar from year to year. Someone born on 30 Esfand celebrates on
        29 Esfand in the years that have no 30 Esfand.
        """
        calendar = self.env.context.get("crm_period_calendar") or self.env.company.period_calendar
        if calendar != "jalali":
            return super()._get_next_birthday(birth_date, today)
        _byear, bmonth, bday = jalali.to_jalali(birth_date)
        tyear = jalali.to_jalali(today)[0]
        for jyear in (tyear, tyear + 1):
            day = min(bday, jalali.month_length(jyear, bmonth))
            candidate = jalali.to_gregorian(jyear, bmonth, day)
            if candidate >= today:
                return candidate
        return candidate
