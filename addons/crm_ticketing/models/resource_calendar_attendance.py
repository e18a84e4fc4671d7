# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ResourceCalendarAttendance(models.Model):
    _inherit = "resource.calendar.attendance"

    def _crm_ticket_recompute(self, calendars):
        if calendars:
            self.env["crm.ticket.sla.status"].sudo()._recompute_for_calendars(calendars)

    @api.model_create_multi
    def create(self, vals_list):
        attendances = super().create(vals_list)
        self._crm_ticket_recompute(attendances.calendar_id)
        return attendances

    def write(self, vals):
        calendars = self.calendar_id
        result = super().write(vals)
        self._crm_ticket_recompute(calendars | self.calendar_id)
        return result

    def unlink(self):
        calendars = self.calendar_id
        result = super().unlink()
        self._crm_ticket_recompute(calendars)
        return result
