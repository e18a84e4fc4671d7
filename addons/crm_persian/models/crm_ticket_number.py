# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, models

from ..tools import jalali


class CrmTicket(models.Model):
    _inherit = "crm.ticket"

    @api.model
    def _get_ticket_number(self, company, date):
        """Ticket numbers of Iranian companies carry the Jalali year: ``TCK/1404/00012``.

        Each Jalali year has its own sequence, made on first use from the company's ticket
        sequence (same prefix with the Jalali year, same padding), so that numbering starts
        again on 1 Farvardin.
        """
        if company.country_id.code != "IR":
            return super()._get_ticket_number(company, date)
        jyear = jalali.fiscal_year(date)
        return self._get_jalali_ticket_sequence(company, jyear)._next()

    @api.model
    def _get_jalali_ticket_sequence(self, company, jyear):
        base = self._get_ticket_sequence(company)
        prefix = (
            (base.prefix or "TCK/%(year)s/")
            .replace("%(range_year)s", str(jyear))
            .replace("%(year)s", str(jyear))
            .replace("%(range_y)s", f"{jyear % 100:02d}")
            .replace("%(y)s", f"{jyear % 100:02d}")
        )
        IrSequence = self.env["ir.sequence"].sudo()
        code = "crm.ticket.jalali"
        sequence = IrSequence.search(
            [("code", "=", code), ("company_id", "=", company.id), ("prefix", "=", prefix)],
            limit=1,
        )
        if not sequence:
            sequence = IrSequence.create(
                {
                    "name": _(
                        "Tickets of %(company)s, Jalali year %(year)s",
                        company=company.name,
                        year=jyear,
                    ),
                    "code": code,
                    "company_id": company.id,
                    "prefix": prefix,
                    "padding": base.padding,
                    "use_date_range": False,
                }
            )
        return sequence
