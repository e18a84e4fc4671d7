# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, models


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        Touchpoint = self.env["crm.touchpoint"]
        for event in events.filtered("opportunity_id"):
            Touchpoint._log(
                event.opportunity_id,
                "meeting",
                "outbound",
                summary=_("Meeting: %s", event.name),
                date=event.start,
                res_model=event._name,
                res_id=event.id,
            )
        return events
