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
    def _sync_tickets(self, tickets, cache=None):
        """Create the clocks of the policies now applying to ``tickets`` and drop the running
        clocks of policies that no longer apply; compute the new deadlines.

        A change made by an escalation (``crm_ticket_escalation`` in the context, e.g. a raised
        priority) only adds clocks: the clock being escalated may belong to a policy the new
        priority leaves, and its breach and later levels must not disappear with it."""
        tickets = tickets.filtered(lambda t: t.team_id and t.active)
        if not tickets:
            return self.browse()
        keep_running = self.env.context.get("crm_ticket_escalation")
        cache = cache or CrmTicketScheduleCache(self.env)
        policies = self.env["crm.ticket.sla"].search([("team_id", "in", tickets.team_id.ids)])
        by_team = defaultdict(lambda: self.env["crm.ticket.sla"])
        for policy in policies:
            by_team[policy.team_id.id] |= policy
        now = fields.Datetime.now()
        to_create, to_drop = [], self.browse()
        for ticket in tickets:
            applicable = by_team[ticket.team_id.id].filtered(lambda p, t=ticket: p._applies_to(t))
            existing = ticket.sla_status_ids
            if not keep_running:
                to_drop |= existing.filtered(
                    lambda s, a=applicable: not s.reached_datetime and s.sla_id not in a
                )
            for policy in applicable - existing.sla_id:
                start = ticket.date_received or now
                if policy.first_response_hours and not ticket.date_first_response:
                    to_create.append(self._clock_vals(ticket, policy, "first_response", start))
                if policy.resolution_hours and not ticket.is_closed:
                    to_create.append(self._clock_vals(ticket, policy, "resolution", start))
                if policy.next_response_hours and ticket._awaits_agent_reply():
                    to_create.append(
                        self._clock_vals(
                            ticket,
                            policy,
                            "next_response",
                            ticket.date_last_customer_message or start,
                        )
                    )
        to_drop.unlink()
        created = self.create(to_create)
        created._compute_deadlines(cache)
        return created

    @api.model
    def _clock_vals(self, ticket, policy, clock, start):
        vals = {"ticket_id": ticket.id, "sla_id": policy.id, "clock": clock, "start": start}
        if ticket.stage_id.is_waiting and policy.pause_when_waiting:
            vals["paused_since"] = fields.Datetime.now()
        return vals

    @api.model
    def _start_next_response(self, tickets, when):
        """A customer wrote: start a next-response clock per policy that has one."""
        vals = []
        for ticket in tickets:
            running = ticket.sla_status_ids.filtered(
                lambda s: s.clock == "next_response" and not s.reached_datetime
            )
            for policy in ticket.sla_status_ids.sla_id.filtered("next_response_hours"):
                if policy not in running.sla_id:
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
            if status.reached_datetime or status.paused_since or not status.deadline:
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

    def _reach(self, when):
        """Stop the clocks at ``when``: reached if in time, failed otherwise."""
        for status in self.filtered(lambda s: not s.reached_datetime):
            late = status.deadline and when > status.deadline
            status.write(
                {
                    "reached_datetime": when,
                    "status": "failed" if late else "reached",
                    "paused_since": False,
                    "next_escalation_at": False,
                }
            )

    def _pause(self, when):
        for status in self.filtered(
            lambda s: not s.reached_datetime and not s.paused_since and s.sla_id.pause_when_waiting
        ):
            status.write({"paused_since": when, "next_escalation_at": False})

    def _resume(self, when, cache=None):
        cache = cache or CrmTicketScheduleCache(self.env)
        paused = self.filtered(lambda s: s.paused_since and not s.reached_datetime)
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
        return [
            ("next_escalation_at", "!=", False),
            ("next_escalation_at", "<=", now),
            ("reached_datetime", "=", False),
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
