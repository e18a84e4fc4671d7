# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time, timedelta

from odoo import _, api, fields, models


class CrmDashboard(models.AbstractModel):
    _inherit = "crm.dashboard"

    @api.model
    def _dashboard_support_kpis(self, date_from, date_to):
        """Support block of the manager dashboard: open tickets now, and for the period the
        SLA success rate, the average first response in working hours and the CSAT, each
        from one grouped query over the user's companies."""
        result = super()._dashboard_support_kpis(date_from, date_to)
        start = datetime.combine(fields.Date.to_date(date_from), time.min)
        end = datetime.combine(fields.Date.to_date(date_to), time.min) + timedelta(days=1)
        companies = [("company_id", "in", self.env.companies.ids)]
        Ticket = self.env["crm.ticket"].sudo()
        open_count = Ticket.search_count([("is_closed", "=", False), *companies])
        sla = dict(
            self.env["crm.ticket.sla.status"]
            .sudo()
            ._read_group(
                [
                    ("reached_datetime", ">=", start),
                    ("reached_datetime", "<", end),
                    ("status", "in", ("reached", "failed")),
                    *companies,
                ],
                ["status"],
                ["__count"],
            )
        )
        measured = sla.get("reached", 0) + sla.get("failed", 0)
        [(first_response,)] = Ticket._read_group(
            [
                ("date_first_response", ">=", start),
                ("date_first_response", "<", end),
                *companies,
            ],
            [],
            ["first_response_hours:avg"],
        )
        ratings = dict(
            self.env["rating.rating"]
            .sudo()
            ._read_group(
                [
                    ("res_model", "=", "crm.ticket"),
                    ("res_id", "in", Ticket.with_context(active_test=False)._search(companies)),
                    ("consumed", "=", True),
                    ("rating", ">=", 1),
                    ("write_date", ">=", start),
                    ("write_date", "<", end),
                ],
                ["rating_text"],
                ["__count"],
            )
        )
        rated = sum(ratings.values())
        result.update(
            {
                "label": _("Support"),
                "items": [
                    {"label": _("Open tickets"), "value": open_count, "suffix": ""},
                    {
                        "label": _("SLA success rate"),
                        "value": round(100.0 * sla.get("reached", 0) / measured, 1)
                        if measured
                        else 0.0,
                        "suffix": "%",
                    },
                    {
                        "label": _("Average first response"),
                        "value": round(first_response or 0.0, 1),
                        "suffix": _("working hours"),
                    },
                    {
                        "label": _("Customer satisfaction (CSAT)"),
                        "value": round(100.0 * ratings.get("top", 0) / rated, 1) if rated else 0.0,
                        "suffix": "%",
                    },
                ],
            }
        )
        return result
