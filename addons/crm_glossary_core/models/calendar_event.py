# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A meeting on an opportunity is a touchpoint once it is held, not when it is scheduled.

A meeting is held when its activity is marked done, or when it is entered after it started
(``_cron_touchpoint_log_held_meetings`` logs the ones that started since, without their
activity done). It is logged once, dated when it started, as the event's touchpoint: its
activity, when done, is not logged a second time. Cancelling (archiving) or deleting a
meeting takes its touchpoint back.
"""

from datetime import timedelta

from odoo import _, api, fields, models


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        events._touchpoint_log_held()
        return events

    def write(self, vals):
        res = super().write(vals)
        if "active" in vals and not vals["active"]:
            self._touchpoint_remove()
        elif vals.get("active"):
            self._touchpoint_log_held()
        elif "opportunity_id" in vals:
            # the meeting counts for its new opportunity, if it was held
            held = self._touchpoint_ids().mapped("res_id")
            self._touchpoint_remove()
            self.browse(held)._touchpoint_log_held(force=True)
            self._touchpoint_log_held()
        return res

    def unlink(self):
        touchpoints = self._touchpoint_ids()
        res = super().unlink()
        touchpoints.unlink()
        return res

    def _touchpoint_ids(self):
        return (
            self.env["crm.touchpoint"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        )

    def _touchpoint_remove(self):
        self._touchpoint_ids().unlink()

    def _touchpoint_log_held(self, force=False):
        """Log the held meetings of ``self`` that are not logged yet: those that started
        (or all of them with ``force``: their activity was marked done)."""
        now = fields.Datetime.now()
        events = self.filtered(
            lambda event: (
                event.active
                and event.opportunity_id
                and (force or (event.start and event.start <= now))
            )
        )
        if not events:
            return
        logged = set(events._touchpoint_ids().mapped("res_id"))
        Touchpoint = self.env["crm.touchpoint"]
        for event in events.filtered(lambda event: event.id not in logged):
            Touchpoint._log(
                event.opportunity_id,
                "meeting",
                "outbound",
                summary=_("Meeting: %s", event.name),
                date=min(event.start, now) if event.start else now,
                res_model=event._name,
                res_id=event.id,
            )

    @api.model
    def _cron_touchpoint_log_held_meetings(self, days=2):
        """Log the meetings on opportunities that started in the last ``days`` days."""
        now = fields.Datetime.now()
        self.search(
            [
                ("opportunity_id", "!=", False),
                ("start", "<=", now),
                ("start", ">=", now - timedelta(days=days)),
            ]
        )._touchpoint_log_held()
