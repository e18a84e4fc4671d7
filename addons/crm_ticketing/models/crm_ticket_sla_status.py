# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""SLA clocks of tickets and the engine that places, pauses, reaches and escalates them.

Every method works on a batch: the working schedules of the calendars involved are fetched
once per batch (``CrmTicketScheduleCache``) and deadlines are plain arithmetic on them.
"""

from collections import defaultdict

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.tools import format_datetime

from .resource_calendar import CrmTicketScheduleCache

CLOCKS = [
    ("first_response", "First response"),
    ("next_response", "Next response"),
    ("resolution", "Resolution"),
]
BATCH = 1000


class CrmTicketSlaStatus(models.Model):
    _name = "crm.ticket.sla.status"
    _description = "Ticket SLA Status"
    _order = "deadline, id"
    _rec_name = "sla_id"

    ticket_id = fields.Many2one("crm.ticket", required=True, index=True, ondelete="cascade")
    sla_id = fields.Many2one("crm.ticket.sla", required=True, index=True, ondelete="cascade")
    team_id = fields.Many2one(related="ticket_id.team_id")
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    clock = fields.Selection(CLOCKS, required=True, help="Glossary: SLA.")
    start = fields.Datetime(required=True, help="When the clock started.")
    deadline = fields.Datetime(
        index=True, help="Moment the allowed working time runs out. Glossary: SLA."
    )
    reached_datetime = fields.Datetime(string="Reached On", help="When the clock stopped.")
    status = fields.Selection(
        [("ongoing", "Ongoing"), ("reached", "Reached"), ("failed", "Failed")],
        default="ongoing",
        required=True,
        index=True,
        help="Reached: answered or solved in time; failed: the deadline passed first. "
        "Glossary: SLA.",
    )
    paused_since = fields.Datetime(
        help="Set while the ticket waits for the customer and the policy pauses the clock."
    )
    paused_hours = fields.Float(
        help="Working hours spent paused, added to the deadline.", readonly=True
    )
    escalation_level = fields.Float(
        readonly=True,
        help="Highest escalation level (% of allowed time) already applied. Glossary: Escalation.",
    )
    next_escalation_at = fields.Datetime(
        index=True,
        readonly=True,
        help="When the escalation scheduled action must look at this clock again: the next "
        "escalation level or the deadline. Glossary: Escalation.",
    )
    remaining_hours = fields.Float(
        string="Working Hours Left",
        compute="_compute_remaining_hours",
        help="Working hours left before the deadline (negative once exceeded).",
    )

    def _compute_remaining_hours(self):
        cache = CrmTicketScheduleCache(self.env)
        now = fields.Datetime.now()
        for status in self:
            if not status.deadline or status.reached_datetime:
                status.remaining_hours = 0.0
                continue
            calendar = status.ticket_id.team_id._get_sla_calendar()
            until = status.paused_since or now
            if until <= status.deadline:
                status.remaining_hours = cache.hours_between(calendar, until, status.deadline)
            else:
                status.remaining_hours = -cache.hours_between(calendar, status.deadline, until)

    # ------------------------------------------------------------------
    # Placing clocks
    # ------------------------------------------------------------------

    @api.model
    def _applicable_policies(self, tickets):
        """The policies governing each of ``tickets`` now: ``{ticket id: policies}``."""
        policies = self.env["crm.ticket.sla"].search([("team_id", "in", tickets.team_id.ids)])
        by_team = defaultdict(lambda: self.env["crm.ticket.sla"])
        for policy in policies:
            by_team[policy.team_id.id] |= policy
        return {
            ticket.id: by_team[ticket.team_id.id].filtered(lambda p, t=ticket: p._applies_to(t))
            for ticket in tickets
        }

    @api.model
    def _sync_tickets(self, tickets, cache=None, restart=False):
        """Create the clocks of the policies now applying to ``tickets`` and drop the running
        clocks of policies that no longer apply; compute the new deadlines.

        Only clocks still ongoing are dropped: a clock that failed or was reached stays, so
        ``sla_failed`` and the reports keep it, and so does an escalated clock whose policy
        the ticket leaves only by its priority (an escalation may have raised it). A change
        made by an escalation (``crm_ticket_escalation`` in the context) only adds clocks.

        A closed ticket gets no clock. ``restart`` (a reopened or restored ticket): the
        clocks created start now, and a policy whose resolution clock has stopped gets a new
        one, as the ticket must be solved again."""
        tickets = tickets.filtered(lambda t: t.team_id and t.active)
        if not tickets:
            return self.browse()
        keep_running = self.env.context.get("crm_ticket_escalation")
        cache = cache or CrmTicketScheduleCache(self.env)
        applicable_by_ticket = self._applicable_policies(tickets)
        now = fields.Datetime.now()
        to_create, to_drop = [], self.browse()
        for ticket in tickets:
            applicable = applicable_by_ticket[ticket.id]
            existing = ticket.sla_status_ids
            if not keep_running:
                to_drop |= existing.filtered(
                    lambda s, a=applicable, t=ticket: s._is_dropped_by(t, a)
                )
            if ticket.is_closed:
                continue
            kept = existing - to_drop
            start = now if restart else (ticket.date_received or now)
            for policy in applicable:
                clocks = kept.filtered(lambda s, p=policy: s.sla_id == p)
                running = clocks.filtered(lambda s: not s.reached_datetime)
                if (
                    policy.first_response_hours
                    and not ticket.date_first_response
                    and "first_response" not in clocks.mapped("clock")
                ):
                    to_create.append(self._clock_vals(ticket, policy, "first_response", start))
                if policy.resolution_hours and not policy._reached_by_stage(ticket.stage_id):
                    resolutions = clocks.filtered(lambda s: s.clock == "resolution")
                    if not resolutions or (restart and not (resolutions & running)):
                        to_create.append(self._clock_vals(ticket, policy, "resolution", start))
                if (
                    policy.next_response_hours
                    and ticket._awaits_agent_reply()
                    and not policy._first_response_pending(ticket)
                    and "next_response" not in running.mapped("clock")
                ):
                    to_create.append(
                        self._clock_vals(
                            ticket,
                            policy,
                            "next_response",
                            max(ticket.date_last_customer_message, start)
                            if restart
                            else ticket.date_last_customer_message,
                        )
                    )
        to_drop.unlink()
        created = self.create(to_create)
        created._compute_deadlines(cache)
        return created

    def _is_dropped_by(self, ticket, applicable):
        """Whether this clock goes when ``ticket``'s policies become ``applicable``."""
        self.ensure_one()
        if self.sla_id in applicable or self.reached_datetime or self.status != "ongoing":
            return False
        # an escalated clock stays while only the priority keeps its policy away: an
        # escalation may have raised it, and the clock's later levels must still apply
        return not (self.escalation_level and self.sla_id._applies_to(ticket, ignore_priority=True))

    @api.model
    def _clock_vals(self, ticket, policy, clock, start):
        vals = {"ticket_id": ticket.id, "sla_id": policy.id, "clock": clock, "start": start}
        if ticket.stage_id.is_waiting and policy.pause_when_waiting:
            vals["paused_since"] = fields.Datetime.now()
        return vals

    @api.model
    def _start_next_response(self, tickets, when):
        """A customer wrote: start a next-response clock per policy of the ticket that has
        one, unless one is already running or the first response is still awaited."""
        applicable_by_ticket = self._applicable_policies(tickets)
        vals = []
        for ticket in tickets:
            running = ticket.sla_status_ids.filtered(
                lambda s: s.clock == "next_response" and not s.reached_datetime
            )
            for policy in applicable_by_ticket[ticket.id].filtered("next_response_hours"):
                if policy not in running.sla_id and not policy._first_response_pending(ticket):
                    vals.append(self._clock_vals(ticket, policy, "next_response", when))
        created = self.create(vals)
        created._compute_deadlines()
        return created

    def _compute_deadlines(self, cache=None):
        """(Re)compute deadline and next escalation moment of running clocks, in batch."""
        cache = cache or CrmTicketScheduleCache(self.env)
        running = self.filtered(lambda s: not s.reached_datetime)
        by_calendar = defaultdict(list)
        for status in running:
            by_calendar[status.ticket_id.team_id._get_sla_calendar()].append(status)
        for calendar, statuses in by_calendar.items():
            starts = [s.start for s in statuses]
            longest = max(s.sla_id._clock_hours(s.clock) + s.paused_hours for s in statuses)
            cache.add_hours(calendar, min(starts), longest)
            cache.add_hours(calendar, max(starts), longest)
            for status in statuses:
                hours = status.sla_id._clock_hours(status.clock) + status.paused_hours
                status.deadline = cache.add_hours(calendar, status.start, hours)
        running._schedule_next_escalation(cache)

    def _schedule_next_escalation(self, cache=None):
        cache = cache or CrmTicketScheduleCache(self.env)
        for status in self:
            if (
                status.reached_datetime
                or status.paused_since
                or not status.deadline
                or not status.ticket_id._sla_escalation_allowed()
            ):
                status.next_escalation_at = False
                continue
            pending = sorted(
                p
                for p in status.sla_id.escalation_rule_ids.mapped("percent")
                if p > status.escalation_level
            )
            if status.status == "ongoing" and (not pending or pending[0] > 100):
                pending.insert(0, 100.0)
            if not pending:
                status.next_escalation_at = False
                continue
            calendar = status.ticket_id.team_id._get_sla_calendar()
            allowed = status.sla_id._clock_hours(status.clock)
            status.next_escalation_at = cache.add_hours(
                calendar, status.start, allowed * pending[0] / 100.0 + status.paused_hours
            )

    @api.model
    def _running_domain_for_calendars(self, calendars):
        """Running clocks of tickets whose SLA calendar is one of ``calendars``."""
        teams = (
            self.env["crm.ticket.team"]
            .with_context(active_test=False)
            .search(
                [
                    "|",
                    ("resource_calendar_id", "in", calendars.ids),
                    "&",
                    ("resource_calendar_id", "=", False),
                    ("company_id.resource_calendar_id", "in", calendars.ids),
                ]
            )
        )
        return [("reached_datetime", "=", False), ("ticket_id.team_id", "in", teams.ids)]

    @api.model
    def _recompute_for_calendars(self, calendars, batch_size=10000):
        """Working hours or holidays changed: move the deadlines of the running clocks."""
        if not calendars:
            return 0
        statuses = self.search(self._running_domain_for_calendars(calendars), order="id")
        cache = CrmTicketScheduleCache(self.env)
        for start in range(0, len(statuses), batch_size):
            batch = statuses[start : start + batch_size]
            batch._compute_deadlines(cache)
            batch.flush_recordset()
        return len(statuses)

    @api.model
    def _recompute_for_teams(self, teams):
        statuses = self.search(
            [("reached_datetime", "=", False), ("ticket_id.team_id", "in", teams.ids)]
        )
        statuses._compute_deadlines()
        return len(statuses)

    # ------------------------------------------------------------------
    # Events
    # ------------------------------------------------------------------

    def _reach(self, when, cache=None):
        """Stop the clocks at ``when``: reached if in time, failed otherwise. A clock paused
        while waiting for the customer first counts that pause, so it is judged against the
        deadline the pause moved."""
        running = self.filtered(lambda s: not s.reached_datetime)
        running._resume(when, cache)
        for status in running:
            late = status.deadline and when > status.deadline
            status.write(
                {
                    "reached_datetime": when,
                    "status": "failed" if late else "reached",
                    "paused_since": False,
                    "next_escalation_at": False,
                }
            )

    def _withdraw(self, when, cache=None):
        """The ticket was cancelled, merged or archived: nothing is due on it any more. Its
        running clocks stop without a verdict (they are removed), except those already past
        their deadline, which stop as failed."""
        running = self.filtered(lambda s: not s.reached_datetime)
        running._resume(when, cache)
        late = running.filtered(
            lambda s: s.status == "failed" or (s.deadline and when > s.deadline)
        )
        late._reach(when, cache)
        (running - late).unlink()

    def _pause(self, when):
        for status in self.filtered(
            lambda s: not s.reached_datetime and not s.paused_since and s.sla_id.pause_when_waiting
        ):
            status.write({"paused_since": when, "next_escalation_at": False})

    def _resume(self, when, cache=None):
        paused = self.filtered(lambda s: s.paused_since and not s.reached_datetime)
        if not paused:
            return
        cache = cache or CrmTicketScheduleCache(self.env)
        for status in paused:
            calendar = status.ticket_id.team_id._get_sla_calendar()
            status.paused_hours += cache.hours_between(calendar, status.paused_since, when)
            status.paused_since = False
        paused._compute_deadlines(cache)

    # ------------------------------------------------------------------
    # Escalation
    # ------------------------------------------------------------------

    @api.model
    def _escalation_domain(self, now):
        """Due clocks of open, active tickets: a closed, cancelled, merged or archived ticket
        is never escalated."""
        return [
            ("next_escalation_at", "!=", False),
            ("next_escalation_at", "<=", now),
            ("reached_datetime", "=", False),
            ("ticket_id.is_closed", "=", False),
            ("ticket_id.active", "=", True),
        ]

    @api.model
    def _cron_escalate(self, batch_size=BATCH):
        """Scheduled action: fail overdue clocks and apply due escalation levels.

        Only clocks whose stored ``next_escalation_at`` has passed are read (an index scan),
        so the work grows with the tickets near a threshold, not with the open backlog.
        Each level is applied once (``escalation_level``), so running twice is harmless.
        """
        now = fields.Datetime.now()
        domain = self._escalation_domain(now)
        statuses = self.search(domain, order="next_escalation_at, id", limit=batch_size)
        statuses._escalate(now)
        remaining = self.search_count(domain) if len(statuses) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(statuses), remaining=remaining)
        return len(statuses)

    def _escalate(self, now, cache=None):
        cache = cache or CrmTicketScheduleCache(self.env)
        for status in self:
            if not status.exists():
                # an earlier escalation changed the ticket so that this policy left it
                continue
            if not status.ticket_id._sla_escalation_allowed():
                status.next_escalation_at = False
                continue
            calendar = status.ticket_id.team_id._get_sla_calendar()
            allowed = status.sla_id._clock_hours(status.clock)
            used = cache.hours_between(calendar, status.start, now) - status.paused_hours
            percent = used / allowed * 100.0 if allowed else 100.0
            if status.status == "ongoing" and status.deadline and now >= status.deadline:
                status.status = "failed"
            rules = status.sla_id.escalation_rule_ids.filtered(
                lambda r, s=status, p=percent: s.escalation_level < r.percent <= p + 1e-6
            ).sorted("percent")
            ticket = status.ticket_id
            for rule in rules:
                ticket._sla_escalate(status, rule)
            if rules and status.exists():
                status.escalation_level = rules[-1].percent
        self.exists()._schedule_next_escalation(cache)

    def _escalation_message(self, rule):
        self.ensure_one()
        lines = [
            _(
                "Escalation at %(percent)s%% of the %(clock)s time of SLA %(sla)s "
                "(deadline %(deadline)s).",
                percent=int(rule.percent),
                clock=dict(self._fields["clock"]._description_selection(self.env))[self.clock],
                sla=self.sla_id.name,
                deadline=format_datetime(self.env, self.deadline) if self.deadline else "-",
            )
        ]
        if rule.note:
            lines.append(rule.note)
        return Markup("<br/>").join(lines)
