# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import MONDAY_8, TicketingCommon


@tagged("post_install", "-at_install")
class TestSla(TicketingCommon):
    def _status(self, ticket, clock, sla=None):
        sla = sla or self.sla
        return ticket.sla_status_ids.filtered(lambda s: s.clock == clock and s.sla_id == sla)

    def test_deadlines_count_working_hours(self):
        """4 working hours from Monday 08:00 is 12:00; 16 hours is Tuesday 16:00."""
        ticket = self._ticket()
        self.assertEqual(self._status(ticket, "first_response").deadline, datetime(2026, 3, 2, 12))
        self.assertEqual(self._status(ticket, "resolution").deadline, datetime(2026, 3, 3, 16))
        self.assertEqual(ticket.sla_deadline, datetime(2026, 3, 2, 12))
        self.assertEqual(ticket.sla_state, "ongoing")
        self.assertFalse(self._status(ticket, "next_response"), "no customer message waits")

    def test_deadline_skips_weekend(self):
        ticket = self._ticket(date_received=datetime(2026, 3, 6, 14))  # Friday 14:00
        self.assertEqual(self._status(ticket, "first_response").deadline, datetime(2026, 3, 9, 10))

    def test_holiday_is_not_working_time(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "تعطیل رسمی",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 3, 3, 0),
                "date_to": datetime(2026, 3, 3, 23, 59),
            }
        )
        ticket = self._ticket()
        self.assertEqual(self._status(ticket, "resolution").deadline, datetime(2026, 3, 4, 16))

    def test_new_holiday_moves_running_deadlines(self):
        ticket = self._ticket()
        status = self._status(ticket, "resolution")
        self.assertEqual(status.deadline, datetime(2026, 3, 3, 16))
        self.env["resource.calendar.leaves"].create(
            {
                "name": "تعطیل",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 3, 3, 0),
                "date_to": datetime(2026, 3, 3, 23, 59),
            }
        )
        self.assertEqual(status.deadline, datetime(2026, 3, 4, 16))

    def test_calendar_change_recomputes_deadlines(self):
        ticket = self._ticket()
        self.calendar.attendance_ids.write({"hour_to": 12})  # 4 hours a day
        self.assertEqual(self._status(ticket, "resolution").deadline, datetime(2026, 3, 5, 12))
        self.assertEqual(ticket.sla_deadline, datetime(2026, 3, 2, 12))

    def test_team_without_calendar_uses_company_calendar(self):
        company_calendar = self.calendar.copy({"name": "Company 9-13 UTC"})
        company_calendar.attendance_ids.write({"hour_from": 9, "hour_to": 13})
        self.env.company.resource_calendar_id = company_calendar
        self.team.resource_calendar_id = False
        self.assertIn(company_calendar.name, self.team.calendar_warning)
        ticket = self._ticket()
        self.assertEqual(ticket.team_id._get_sla_calendar(), company_calendar)
        self.assertEqual(
            ticket.sla_status_ids.filtered(lambda s: s.clock == "first_response").deadline,
            datetime(2026, 3, 2, 13),
        )

    def test_no_calendar_at_all_counts_every_hour(self):
        self.team.resource_calendar_id = False
        self.env.company.resource_calendar_id = False
        self.assertIn("24/7", self.team.calendar_warning)
        ticket = self._ticket()
        self.assertEqual(self._status(ticket, "first_response").deadline, datetime(2026, 3, 2, 12))
        self.assertEqual(self._status(ticket, "resolution").deadline, datetime(2026, 3, 3, 0))

    def test_first_response_reached_in_time(self):
        ticket = self._ticket()
        with freeze_time("2026-03-02 10:00:00"):
            self._agent_reply(ticket)
        status = self._status(ticket, "first_response")
        self.assertEqual(status.status, "reached")
        self.assertEqual(ticket.date_first_response, datetime(2026, 3, 2, 10))
        self.assertAlmostEqual(ticket.first_response_hours, 2.0)
        self.assertEqual(ticket.sla_deadline, datetime(2026, 3, 3, 16))

    def test_first_response_late_fails(self):
        ticket = self._ticket()
        with freeze_time("2026-03-02 15:00:00"):
            self._agent_reply(ticket)
        self.assertEqual(self._status(ticket, "first_response").status, "failed")
        self.assertTrue(ticket.sla_failed)
        self.assertEqual(ticket.sla_state, "failed")

    def test_next_response_clock_per_customer_message(self):
        ticket = self._ticket()
        with freeze_time("2026-03-02 09:00:00"):
            self._agent_reply(ticket)
        with freeze_time("2026-03-02 10:00:00"):
            self._customer_message(ticket)
        clock = self._status(ticket, "next_response")
        self.assertEqual(len(clock), 1)
        self.assertEqual(clock.deadline, datetime(2026, 3, 3, 10))
        with freeze_time("2026-03-02 11:00:00"):
            self._customer_message(ticket, "و یک نکته دیگر")
        self.assertEqual(len(self._status(ticket, "next_response")), 1, "one clock at a time")
        with freeze_time("2026-03-02 12:00:00"):
            self._agent_reply(ticket)
        self.assertEqual(self._status(ticket, "next_response").status, "reached")

    def test_waiting_for_customer_pauses_the_clock(self):
        ticket = self._ticket()
        with freeze_time("2026-03-02 09:00:00"):
            self._agent_reply(ticket)
        with freeze_time("2026-03-02 10:00:00"):
            ticket.stage_id = self.stage_waiting
        resolution = self._status(ticket, "resolution")
        self.assertTrue(resolution.paused_since)
        self.assertFalse(resolution.next_escalation_at)
        self.assertFalse(ticket.sla_deadline, "no running clock while waiting")
        with freeze_time("2026-03-03 10:00:00"):
            self._customer_message(ticket)
        self.assertEqual(ticket.stage_id, self.stage_progress, "customer reply resumes work")
        self.assertFalse(resolution.paused_since)
        self.assertAlmostEqual(resolution.paused_hours, 8.0)
        self.assertEqual(resolution.deadline, datetime(2026, 3, 4, 16))
        self.assertAlmostEqual(ticket.time_paused_hours, 24.0)

    def test_priority_change_applies_other_policies(self):
        urgent = self.env["crm.ticket.sla"].create(
            {
                "name": "Urgent",
                "team_id": self.team.id,
                "priority_ids": [(6, 0, self.env.ref("crm_ticketing.priority_urgent").ids)],
                "first_response_hours": 1,
            }
        )
        ticket = self._ticket(priority="1")
        self.assertNotIn(urgent, ticket.sla_status_ids.sla_id)
        ticket.priority = "3"
        self.assertEqual(
            self._status(ticket, "first_response", urgent).deadline, datetime(2026, 3, 2, 9)
        )
        self.assertEqual(ticket.sla_deadline, datetime(2026, 3, 2, 9))
        ticket.priority = "1"
        self.assertNotIn(urgent, ticket.sla_status_ids.sla_id, "running clock dropped")

    def _urgent_and_low_policy(self):
        priorities = self.env.ref("crm_ticketing.priority_urgent") | self.env.ref(
            "crm_ticketing.priority_low"
        )
        return self.env["crm.ticket.sla"].create(
            {
                "name": "Urgent and low",
                "team_id": self.team.id,
                "priority_ids": [(6, 0, priorities.ids)],
                "first_response_hours": 1,
            }
        )

    def test_policy_for_a_set_of_priorities(self):
        """A policy for {Urgent, Low} governs Urgent and Low tickets, not Normal or High
        ones; the policy without priorities governs all four."""
        policy = self._urgent_and_low_policy()
        tickets = self.env["crm.ticket"].create(
            [
                {
                    "name": f"Priority {code}",
                    "partner_id": self.contact_a.id,
                    "team_id": self.team.id,
                    "date_received": MONDAY_8,
                    "priority": code,
                }
                for code in ("0", "1", "2", "3")
            ]
        )
        governed = {t.priority for t in tickets if policy in t.sla_status_ids.sla_id}
        self.assertEqual(governed, {"0", "3"})
        for ticket in tickets:
            self.assertIn(self.sla, ticket.sla_status_ids.sla_id, "empty: all priorities")
            self.assertEqual(policy._applies_to(ticket), ticket.priority in ("0", "3"))
        self.assertEqual(
            self._status(tickets[3], "first_response", policy).deadline, datetime(2026, 3, 2, 9)
        )

    def test_priority_change_within_and_out_of_the_set(self):
        policy = self._urgent_and_low_policy()
        ticket = self._ticket(priority="1")
        self.assertNotIn(policy, ticket.sla_status_ids.sla_id)
        ticket.priority = "3"
        self.assertIn(policy, ticket.sla_status_ids.sla_id)
        self.assertEqual(ticket.sla_deadline, datetime(2026, 3, 2, 9))
        ticket.priority = "2"
        self.assertNotIn(policy, ticket.sla_status_ids.sla_id, "High is not in the set")
        self.assertEqual(ticket.sla_deadline, datetime(2026, 3, 2, 12))
        ticket.priority = "0"
        self.assertIn(policy, ticket.sla_status_ids.sla_id, "Low is in the set")

    def test_policies_are_searchable_by_priority(self):
        policy = self._urgent_and_low_policy()
        Sla = self.env["crm.ticket.sla"]
        self.assertIn(policy, Sla.search([("priority_ids.code", "=", "3")]))
        self.assertNotIn(policy, Sla.search([("priority_ids.code", "=", "2")]))
        self.assertIn(self.sla, Sla.search([("priority_ids", "=", False)]))

    def test_policy_filters_on_type_and_customer(self):
        complaint = self.env.ref("crm_ticketing.type_complaint")
        vip = self.env["crm.ticket.sla"].create(
            {
                "name": "VIP complaints",
                "team_id": self.team.id,
                "type_ids": [(6, 0, complaint.ids)],
                "partner_ids": [(6, 0, self.customer_a.ids)],
                "resolution_hours": 2,
            }
        )
        self.assertIn(vip, self._ticket(type_id=complaint.id).sla_status_ids.sla_id)
        self.assertNotIn(vip, self._ticket().sla_status_ids.sla_id)
        self.assertNotIn(
            vip,
            self._ticket(type_id=complaint.id, partner_id=self.contact_b.id).sla_status_ids.sla_id,
        )

    def test_resolution_reached_on_closing_stage(self):
        ticket = self._ticket(user_id=self.agent.id)
        with freeze_time("2026-03-03 09:00:00"):
            ticket.stage_id = self.stage_resolved
        self.assertEqual(self._status(ticket, "resolution").status, "reached")
        self.assertEqual(self._status(ticket, "first_response").status, "failed")
        self.assertAlmostEqual(ticket.resolution_hours, 9.0)

    def test_policy_change_moves_running_deadlines(self):
        ticket = self._ticket()
        self._agent_reply(ticket)
        self.sla.resolution_hours = 8
        resolution = ticket.sla_status_ids.filtered(lambda s: s.clock == "resolution")
        self.assertEqual(resolution.deadline, datetime(2026, 3, 2, 16))
        first = ticket.sla_status_ids.filtered(lambda s: s.clock == "first_response")
        reached_deadline = first.deadline
        self.sla.first_response_hours = 1
        self.assertEqual(first.deadline, reached_deadline, "stopped clocks keep their deadline")

    def test_sla_hours_must_be_set(self):
        with self.assertRaises(ValidationError):
            self.env["crm.ticket.sla"].create({"name": "Empty", "team_id": self.team.id})


@tagged("post_install", "-at_install")
class TestSlaLifecycle(TicketingCommon):
    """The clocks along a ticket's life: pauses, edits, cancellation, merge, archive,
    reopening, and the policy criteria (target stage, tags, team, type)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # only the clocks of this test's tickets are due (demo data may have some)
        cls.env["crm.ticket.sla.status"].search([]).write({"next_escalation_at": False})
        cls.complaint = cls.env.ref("crm_ticketing.type_complaint")

    def _status(self, ticket, clock, sla=None):
        sla = sla or self.sla
        return ticket.sla_status_ids.filtered(lambda s: s.clock == clock and s.sla_id == sla)

    def _running(self, ticket):
        return ticket.sla_status_ids.filtered(lambda s: not s.reached_datetime)

    def _escalations(self, ticket):
        subtype = self.env.ref("crm_ticketing.mt_ticket_escalated")
        return ticket.message_ids.filtered(lambda m: m.subtype_id == subtype)

    def _run_cron(self, moment):
        with freeze_time(moment):
            return self.env["crm.ticket.sla.status"]._cron_escalate()

    # pauses ------------------------------------------------------------------------------

    def test_auto_close_from_waiting_counts_the_pause(self):
        """Closed straight from "Waiting for customer": the wait moves the deadline before
        the resolution clock is judged."""
        self.team.auto_close_days = 3
        ticket = self._ticket(user_id=self.agent.id)
        with freeze_time("2026-03-02 09:00:00"):
            self._agent_reply(ticket)
        with freeze_time("2026-03-02 10:00:00"):
            ticket.stage_id = self.stage_waiting
        with freeze_time("2026-03-06 09:00:00"):
            self.env["crm.ticket"]._cron_auto_close()
        self.assertEqual(ticket.stage_id, self.stage_closed)
        resolution = self._status(ticket, "resolution")
        # Monday 10-16, Tuesday to Thursday, Friday 8-9
        self.assertAlmostEqual(resolution.paused_hours, 31.0)
        self.assertEqual(resolution.deadline, datetime(2026, 3, 9, 15))
        self.assertEqual(resolution.status, "reached")
        self.assertFalse(ticket.sla_failed)
        self.assertEqual(ticket.sla_state, "reached")

    def test_agent_closing_a_waiting_ticket_counts_the_pause(self):
        ticket = self._ticket(user_id=self.agent.id)
        with freeze_time("2026-03-02 09:00:00"):
            self._agent_reply(ticket)
        with freeze_time("2026-03-02 10:00:00"):
            ticket.stage_id = self.stage_waiting
        with freeze_time("2026-03-04 10:00:00"):
            ticket.stage_id = self.stage_resolved
        resolution = self._status(ticket, "resolution")
        self.assertAlmostEqual(resolution.paused_hours, 16.0)
        self.assertEqual(resolution.status, "reached")

    def test_agent_reply_while_waiting_counts_the_pause(self):
        """The first reply comes while the ticket waits (e.g. after a phone call): the
        paused time is not held against the first-response clock."""
        ticket = self._ticket(user_id=self.agent.id)
        with freeze_time("2026-03-02 09:00:00"):
            ticket.stage_id = self.stage_waiting
        with freeze_time("2026-03-03 10:00:00"):
            self._agent_reply(ticket)
        first = self._status(ticket, "first_response")
        self.assertAlmostEqual(first.paused_hours, 9.0)
        self.assertEqual(first.status, "reached")

    # edits -------------------------------------------------------------------------------

    def test_edit_keeps_failed_clocks(self):
        """A policy leaves the ticket: its running clock goes, its failed one stays."""
        policy = self.env["crm.ticket.sla"].create(
            {
                "name": "Complaints",
                "team_id": self.team.id,
                "type_ids": [(6, 0, self.complaint.ids)],
                "first_response_hours": 1,
                "resolution_hours": 40,
            }
        )
        ticket = self._ticket(type_id=self.complaint.id)
        self._run_cron("2026-03-02 09:30:00")
        failed = self._status(ticket, "first_response", policy)
        running = self._status(ticket, "resolution", policy)
        self.assertEqual(failed.status, "failed")
        self.assertFalse(failed.reached_datetime, "failed by the cron, not stopped")
        self.assertTrue(ticket.sla_failed)
        ticket.type_id = self.env.ref("crm_ticketing.type_question")
        self.assertTrue(failed.exists(), "the failure is kept")
        self.assertFalse(running.exists(), "the ongoing clock of the policy left goes")
        self.assertTrue(ticket.sla_failed)
        self.assertEqual(ticket.sla_state, "failed")
        ticket.priority = "2"
        self.assertTrue(failed.exists())

    def test_escalated_clock_survives_later_edits(self):
        """The breach raises a Normal ticket out of a policy for Normal tickets: the clock
        it escalates stays through later edits, and its 2x level still applies."""
        self.sla.priority_ids = self.env.ref("crm_ticketing.priority_normal")
        ticket = self._ticket(user_id=self.agent.id, priority="1")
        first = self._status(ticket, "first_response")
        self._run_cron("2026-03-02 12:00:00")
        self.assertEqual(ticket.priority, "2")
        tag = self.env["crm.ticket.tag"].create({"name": "چاپگر"})
        ticket.tag_ids = [(4, tag.id)]
        ticket.type_id = self.complaint
        self.assertTrue(first.exists())
        self.assertEqual(first.status, "failed")
        self.assertTrue(ticket.sla_failed)
        self._run_cron("2026-03-02 16:00:00")
        self.assertEqual(first.escalation_level, 200)
        self.assertIn(self.manager.partner_id, self._escalations(ticket)[0].partner_ids)

    def test_clock_escalated_before_breach_survives_an_edit(self):
        """A level before the breach raises the priority out of the policy: the escalated
        clock is still ongoing, and an edit does not drop it either."""
        self.sla.write(
            {
                "priority_ids": [(6, 0, self.env.ref("crm_ticketing.priority_normal").ids)],
                "escalation_rule_ids": [(0, 0, {"percent": 50, "raise_priority": True})],
            }
        )
        ticket = self._ticket(user_id=self.agent.id, priority="1")
        first = self._status(ticket, "first_response")
        resolution = self._status(ticket, "resolution")
        self._run_cron("2026-03-02 10:00:00")
        self.assertEqual(ticket.priority, "2")
        self.assertEqual(first.status, "ongoing")
        ticket.tag_ids = [(0, 0, {"name": "فوری"})]
        self.assertTrue(first.exists(), "escalated: kept")
        self.assertFalse(resolution.exists(), "never escalated: the policy left, so did it")
        self._run_cron("2026-03-02 11:00:00")
        self.assertEqual(first.escalation_level, 75)
        self.assertIn(self.agent.partner_id, self._escalations(ticket)[0].partner_ids)

    # cancelled, merged, archived ---------------------------------------------------------

    def test_cancelled_ticket_stops_its_clocks_and_is_not_escalated(self):
        ticket = self._ticket(user_id=self.agent.id, priority="1")
        with freeze_time("2026-03-02 09:00:00"):
            ticket.stage_id = self.stage_cancelled
        self.assertFalse(self._running(ticket))
        self.assertFalse(ticket.sla_deadline)
        self.assertFalse(ticket.sla_failed)
        self.assertEqual(self._run_cron("2026-03-04 12:00:00"), 0)
        self.assertFalse(self._escalations(ticket))
        self.assertEqual(ticket.user_id, self.agent)
        self.assertEqual(ticket.priority, "1")
        self.assertFalse(ticket.sla_failed)

    def test_cancelled_after_a_deadline_keeps_the_failure(self):
        ticket = self._ticket(user_id=self.agent.id)
        with freeze_time("2026-03-02 13:00:00"):
            ticket.stage_id = self.stage_cancelled
        first = self._status(ticket, "first_response")
        self.assertEqual(first.status, "failed")
        self.assertEqual(first.reached_datetime, datetime(2026, 3, 2, 13))
        self.assertFalse(self._status(ticket, "resolution"), "not due any more, not judged")
        self.assertTrue(ticket.sla_failed)

    def test_merged_and_archived_tickets_are_not_escalated(self):
        keep = self._ticket(user_id=self.agent.id, name="پرینتر")
        duplicate = self._ticket(user_id=self.agent.id, name="پرینتر (تکراری)")
        archived = self._ticket(user_id=self.agent.id, name="بایگانی")
        with freeze_time("2026-03-02 09:00:00"):
            (
                self.env["crm.ticket.merge"]
                .with_user(self.agent)
                .create(
                    {
                        "ticket_ids": [(6, 0, (keep | duplicate).ids)],
                        "target_ticket_id": keep.id,
                    }
                )
                .action_merge()
            )
            archived.action_archive()
        self.assertFalse(duplicate.active)
        self.assertFalse(self._running(duplicate))
        self.assertFalse(self._running(archived))
        self._run_cron("2026-03-04 12:00:00")
        self.assertFalse(self._escalations(duplicate))
        self.assertFalse(self._escalations(archived))
        self.assertEqual(archived.priority, "1")
        self.assertTrue(self._escalations(keep), "the kept ticket is still followed")

    def test_restored_ticket_restarts_its_clocks(self):
        ticket = self._ticket(user_id=self.agent.id)
        with freeze_time("2026-03-02 09:00:00"):
            ticket.action_archive()
        with freeze_time("2026-03-03 09:00:00"):
            ticket.action_unarchive()
        first = self._running(ticket).filtered(lambda s: s.clock == "first_response")
        self.assertEqual(first.start, datetime(2026, 3, 3, 9))
        self.assertEqual(first.deadline, datetime(2026, 3, 3, 13))

    def test_writing_active_on_an_active_ticket_keeps_its_clocks(self):
        """An import or a form that writes ``active`` on tickets that were never archived
        does not restart their clocks."""
        ticket = self._ticket(user_id=self.agent.id)
        first = self._running(ticket).filtered(lambda s: s.clock == "first_response")
        deadline = first.deadline
        with freeze_time("2026-03-03 09:00:00"):
            ticket.write({"active": True})
        self.assertEqual(
            self._running(ticket).filtered(lambda s: s.clock == "first_response"), first
        )
        self.assertEqual(first.deadline, deadline)

    def test_escalation_skips_closed_and_archived_tickets(self):
        """Clocks left running on closed or archived tickets (as tickets closed or archived
        before this rule have them) are not escalated."""
        closed = self._ticket(user_id=self.agent.id, priority="1")
        archived = self._ticket(user_id=self.agent.id, priority="1")
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE crm_ticket SET stage_id = %s, is_closed = TRUE WHERE id = %s",
            (self.stage_resolved.id, closed.id),
        )
        self.env.cr.execute("UPDATE crm_ticket SET active = FALSE WHERE id = %s", (archived.id,))
        self.env.invalidate_all()
        (closed | archived).sla_status_ids.write({"next_escalation_at": MONDAY_8})
        self.assertEqual(self._run_cron("2026-03-02 12:00:00"), 0)
        self.assertFalse(self._escalations(closed) | self._escalations(archived))
        self.assertEqual((closed | archived).mapped("priority"), ["1", "1"])

    # closed and reopened tickets ---------------------------------------------------------

    def test_ticket_created_closed_runs_no_clock(self):
        for stage in (self.stage_resolved, self.stage_closed, self.stage_cancelled):
            ticket = self._ticket(user_id=self.agent.id, stage_id=stage.id)
            self.assertTrue(ticket.is_closed)
            self.assertFalse(ticket.sla_status_ids, stage.name)
            self.assertEqual(ticket.sla_state, "none")
            self._customer_message(ticket)
            self.assertFalse(ticket.sla_status_ids, "a closed ticket expects no answer")

    def test_reopened_ticket_gets_a_new_resolution_clock(self):
        ticket = self._ticket(user_id=self.agent.id)
        with freeze_time("2026-03-02 10:00:00"):
            self._agent_reply(ticket)
            ticket.stage_id = self.stage_resolved
        solved = self._status(ticket, "resolution")
        self.assertEqual(solved.status, "reached")
        with freeze_time("2026-03-03 09:00:00"):
            ticket.stage_id = self.stage_progress
        again = self._status(ticket, "resolution") - solved
        self.assertEqual(len(again), 1)
        self.assertEqual(again.start, datetime(2026, 3, 3, 9))
        self.assertEqual(again.deadline, datetime(2026, 3, 5, 9))
        self.assertEqual(ticket.sla_deadline, datetime(2026, 3, 5, 9))
        self.assertEqual(ticket.sla_state, "ongoing")
        self.assertEqual(len(self._status(ticket, "first_response")), 1, "answered already")
        with freeze_time("2026-03-03 12:00:00"):
            ticket.priority = "2"
            ticket.stage_id = self.stage_resolved
        self.assertEqual(len(self._status(ticket, "resolution")), 2, "an edit adds none")
        self.assertEqual(again.status, "reached")

    # policy criteria ---------------------------------------------------------------------

    def test_policy_with_only_a_next_response_clock(self):
        chat = self.env["crm.ticket.sla"].create(
            {"name": "Replies", "team_id": self.team.id, "next_response_hours": 2}
        )
        ticket = self._ticket()
        with freeze_time("2026-03-02 09:00:00"):
            self._customer_message(ticket)
        clock = self._status(ticket, "next_response", chat)
        self.assertEqual(len(clock), 1)
        self.assertEqual(clock.deadline, datetime(2026, 3, 2, 11))
        self.assertFalse(
            self._status(ticket, "next_response"), "the first-response clock covers it"
        )
        with freeze_time("2026-03-02 10:00:00"):
            self._agent_reply(ticket)
        self.assertEqual(clock.status, "reached")
        with freeze_time("2026-03-02 13:00:00"):
            self._customer_message(ticket)
        self.assertEqual(len(self._status(ticket, "next_response", chat)), 2)
        self.assertEqual(len(self._status(ticket, "next_response")), 1)

    def test_target_stage_stops_the_resolution_clock(self):
        pickup = self.env["crm.ticket.sla"].create(
            {
                "name": "Picked up",
                "team_id": self.team.id,
                "stage_id": self.stage_progress.id,
                "resolution_hours": 2,
            }
        )
        ticket = self._ticket(user_id=self.agent.id)
        clock = self._status(ticket, "resolution", pickup)
        self.assertEqual(clock.deadline, datetime(2026, 3, 2, 10))
        with freeze_time("2026-03-02 09:00:00"):
            ticket.stage_id = self.stage_progress
        self.assertEqual(clock.status, "reached")
        self.assertEqual(
            self._status(ticket, "resolution").status, "ongoing", "the others wait for closing"
        )
        late = self._ticket(user_id=self.agent.id)
        with freeze_time("2026-03-02 11:00:00"):
            late.stage_id = self.stage_waiting  # a later stage reaches it too
        self.assertEqual(self._status(late, "resolution", pickup).status, "failed")
        past = self._ticket(stage_id=self.stage_waiting.id)
        self.assertFalse(self._status(past, "resolution", pickup), "created past the target")
        self.assertTrue(self._status(past, "resolution"))

    def test_tag_criterion(self):
        vip, other = self.env["crm.ticket.tag"].create([{"name": "VIP"}, {"name": "عادی"}])
        policy = self.env["crm.ticket.sla"].create(
            {
                "name": "VIP",
                "team_id": self.team.id,
                "tag_ids": [(6, 0, vip.ids)],
                "first_response_hours": 1,
            }
        )
        ticket = self._ticket(tag_ids=[(6, 0, other.ids)])
        self.assertNotIn(policy, ticket.sla_status_ids.sla_id)
        ticket.tag_ids = [(4, vip.id)]
        clock = self._status(ticket, "first_response", policy)
        self.assertEqual(clock.deadline, datetime(2026, 3, 2, 9))
        self.assertEqual(ticket.sla_deadline, datetime(2026, 3, 2, 9))
        ticket.tag_ids = [(3, vip.id)]
        self.assertFalse(clock.exists())
        self.assertIn(policy, self._ticket(tag_ids=[(6, 0, vip.ids)]).sla_status_ids.sla_id)

    def test_team_change_recomputes_the_clocks(self):
        short_days = self.calendar.copy({"name": "9-13 UTC"})
        short_days.attendance_ids.write({"hour_from": 9, "hour_to": 13})
        self.team_private.resource_calendar_id = short_days
        key = self.env["crm.ticket.sla"].create(
            {
                "name": "Key accounts",
                "team_id": self.team_private.id,
                "first_response_hours": 2,
                "resolution_hours": 8,
            }
        )
        ticket = self._ticket()
        standard = ticket.sla_status_ids
        ticket.team_id = self.team_private
        self.assertFalse(standard.exists())
        self.assertEqual(ticket.sla_status_ids.sla_id, key)
        # counted in the new team's calendar from the reception
        self.assertEqual(
            self._status(ticket, "first_response", key).deadline, datetime(2026, 3, 2, 11)
        )
        self.assertEqual(self._status(ticket, "resolution", key).deadline, datetime(2026, 3, 3, 13))
        self.assertEqual(ticket.sla_deadline, datetime(2026, 3, 2, 11))
        ticket.team_id = self.team
        self.assertEqual(ticket.sla_status_ids.sla_id, self.sla)
        self.assertEqual(ticket.sla_deadline, datetime(2026, 3, 2, 12))

    def test_type_change_recomputes_the_clocks(self):
        policy = self.env["crm.ticket.sla"].create(
            {
                "name": "Complaints",
                "team_id": self.team.id,
                "type_ids": [(6, 0, self.complaint.ids)],
                "resolution_hours": 2,
            }
        )
        ticket = self._ticket()
        self.assertEqual(ticket.sla_deadline, datetime(2026, 3, 2, 12))
        ticket.type_id = self.complaint
        self.assertEqual(
            self._status(ticket, "resolution", policy).deadline, datetime(2026, 3, 2, 10)
        )
        self.assertEqual(ticket.sla_deadline, datetime(2026, 3, 2, 10))
        ticket.type_id = False
        self.assertNotIn(policy, ticket.sla_status_ids.sla_id)
        self.assertEqual(ticket.sla_deadline, datetime(2026, 3, 2, 12))
