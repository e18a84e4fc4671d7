# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from ..tools import jalali


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _get_next_birthday(self, birth_date, today):
        """The next Jalali anniversary of ``birth_date`` on or after ``today``.

        Iranians celebrate the Jalali date of birth, which moves by a day or so in the
        Gregorian calendar from year to year. Someone born on 30 Esfand celebrates on
        29 Esfand in the years that have no 30 Esfand.
        """
        if not self.env.user._uses_jalali_periods():
            return super()._get_next_birthday(birth_date, today)
        _byear, bmonth, bday = jalali.to_jalali(birth_date)
        tyear = jalali.to_jalali(today)[0]
        for jyear in (tyear, tyear + 1):
            day = min(bday, jalali.month_length(jyear, bmonth))
            candidate = jalali.to_gregorian(jyear, bmonth, day)
            if candidate >= today:
                return candidate
        return candidate
