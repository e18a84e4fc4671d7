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
