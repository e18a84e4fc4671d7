# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time, timedelta

import pytz

from odoo import models

from ..tools.working_time import HorizonExceeded, WorkSchedule, horizon_days

MAX_HORIZON_DAYS = 3 * 366


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    def write(self, vals):
        result = super().write(vals)
        # attendances and leaves recompute through their own models; the time zone here
        if "tz" in vals:
            self.env["crm.ticket.sla.status"].sudo()._recompute_for_calendars(self)
        return result

    def _crm_ticket_schedule(self, start, end):
        """Working intervals of this calendar between two naive UTC datetimes, leaves removed.

        An empty recordset (no calendar at all) gives a 24/7 schedule.
        """
        if not self:
            return WorkSchedule.always()
        self.ensure_one()
        start_utc = pytz.utc.localize(datetime.combine(start.date(), time.min))
        end_utc = pytz.utc.localize(datetime.combine(end.date() + timedelta(days=1), time.min))
        intervals = self._work_intervals_batch(start_utc, end_utc)[False]
        return WorkSchedule(
            [
                (
                    begin.astimezone(pytz.utc).replace(tzinfo=None),
                    stop.astimezone(pytz.utc).replace(tzinfo=None),
                )
                for begin, stop, _records in intervals
            ]
        )


class CrmTicketScheduleCache:
    """Working schedules of several calendars, each fetched once for a whole batch.

    SLA computations over thousands of tickets ask this cache instead of the calendar: one
    ``_work_intervals_batch`` call per calendar and window, then binary searches.
    """

    def __init__(self, env):
        self.env = env
        self._schedules = {}

    def get(self, calendar, start, end):
        if not calendar:
            return WorkSchedule.always()
        cached = self._schedules.get(calendar.id)
        if cached and cached[0] <= start and cached[1] >= end:
            return cached[2]
        if cached:
            start, end = min(start, cached[0]), max(end, cached[1])
        start = start - timedelta(days=1)
        schedule = calendar._crm_ticket_schedule(start, end)
        if not schedule.intervals:
            # a calendar without any attendance cannot hold an SLA: count every hour
            schedule = WorkSchedule.always()
        self._schedules[calendar.id] = (start, end, schedule)
        return schedule

    def preload(self, calendar, start, end):
        """Fetch one window covering ``start``..``end`` for the whole batch at once."""
        self.get(calendar, start, end)

    def add_hours(self, calendar, start, hours):
        """``start`` plus ``hours`` working hours of ``calendar`` (24/7 when empty)."""
        days = horizon_days(hours, calendar.hours_per_day if calendar else 24.0)
        while True:
            schedule = self.get(calendar, start, start + timedelta(days=days))
            try:
                return schedule.add_hours(start, hours)
            except HorizonExceeded:
                if days >= MAX_HORIZON_DAYS:
                    return WorkSchedule.always().add_hours(start, hours)
                days = min(days * 2, MAX_HORIZON_DAYS)

    def hours_between(self, calendar, start, end):
        if not start or not end or end <= start:
            return 0.0
        return self.get(calendar, start, end).hours_between(start, end)
