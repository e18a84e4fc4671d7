# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    def _crm_ticket_calendars(self):
        """Calendars whose holidays ``self`` are (all calendars for a leave without one)."""
        holidays = self.filtered(lambda leave: not leave.resource_id)
        if any(not leave.calendar_id for leave in holidays):
            return self.env["resource.calendar"].search([])
        return holidays.calendar_id

    def _crm_ticket_recompute(self, calendars):
        if calendars:
            self.env["crm.ticket.sla.status"].sudo()._recompute_for_calendars(calendars)

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        self._crm_ticket_recompute(leaves._crm_ticket_calendars())
        return leaves

    def write(self, vals):
        before = self._crm_ticket_calendars()
        result = super().write(vals)
        self._crm_ticket_recompute(before | self._crm_ticket_calendars())
        return result

    def unlink(self):
        calendars = self._crm_ticket_calendars()
        result = super().unlink()
        self._crm_ticket_recompute(calendars)
        return result
