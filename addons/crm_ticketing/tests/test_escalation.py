# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common import MONDAY_8, TicketingCommon


@tagged("post_install", "-at_install")
class TestEscalation(TicketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # only the clocks of this test's tickets are due (demo data may have some)
        cls.env["crm.ticket.sla.status"].search([]).write({"next_escalation_at": False})

    def _escalations(self, ticket):
        subtype = self.env.ref("crm_ticketing.mt_ticket_escalated")
        return ticket.message_ids.filtered(lambda m: m.subtype_id == subtype)

    def _run_cron(self, moment):
        with freeze_time(moment):
            return self.env["crm.ticket.sla.status"]._cron_escalate()

    def test_next_escalation_is_scheduled_at_the_first_level(self):
        ticket = self._ticket(user_id=self.agent.id)
        first = ticket.sla_status_ids.filtered(lambda s: s.clock == "first_response")
        # 75% of 4 working hours from Monday 08:00
        self.assertEqual(first.next_escalation_at, datetime(2026, 3, 2, 11))

    def test_levels_apply_once_and_in_order(self):
        ticket = self._ticket(user_id=self.agent.id, priority="1")
        self._run_cron("2026-03-02 10:59:00")
        self.assertFalse(self._escalations(ticket), "nothing before 75%")

        self._run_cron("2026-03-02 11:00:00")
        reminder = self._escalations(ticket)
        self.assertEqual(len(reminder), 1)
        self.assertIn(self.agent.partner_id, reminder.partner_ids)
        self.assertEqual(ticket.user_id, self.agent)

        self._run_cron("2026-03-02 11:30:00")
        self.assertEqual(len(self._escalations(ticket)), 1, "running twice changes nothing")

        self._run_cron("2026-03-02 12:00:00")
        first = ticket.sla_status_ids.filtered(lambda s: s.clock == "first_response")
        self.assertEqual(first.status, "failed")
        self.assertTrue(ticket.sla_failed)
        self.assertEqual(ticket.user_id, self.manager, "breach: reassigned to the leader")
        self.assertEqual(ticket.priority, "2", "breach: priority raised")
        self.assertEqual(first.next_escalation_at, datetime(2026, 3, 2, 16))

        self._run_cron("2026-03-02 16:00:00")
        last = self._escalations(ticket)[0]
        self.assertIn(self.manager.partner_id, last.partner_ids, "2x breach: managers")
        self.assertFalse(first.next_escalation_at)
        self.assertEqual(first.escalation_level, 200)

    def test_raised_priority_keeps_the_escalated_clock(self):
        """The breach raises a Normal ticket to High, out of a policy for Normal tickets only:
        the failed clock stays on the ticket and its last level still applies."""
        self.sla.priority_ids = self.env.ref("crm_ticketing.priority_normal")
        ticket = self._ticket(user_id=self.agent.id, priority="1")
        first = ticket.sla_status_ids.filtered(lambda s: s.clock == "first_response")
        self._run_cron("2026-03-02 12:00:00")
        self.assertEqual(ticket.priority, "2")
        self.assertTrue(first.exists())
        self.assertEqual(first.status, "failed")
        self.assertTrue(ticket.sla_failed)
        self._run_cron("2026-03-02 16:00:00")
        self.assertEqual(first.escalation_level, 200)
        self.assertIn(self.manager.partner_id, self._escalations(ticket)[0].partner_ids)

    def test_reply_stops_escalation(self):
        ticket = self._ticket(user_id=self.agent.id)
        with freeze_time("2026-03-02 09:00:00"):
            self._agent_reply(ticket)
        first = ticket.sla_status_ids.filtered(lambda s: s.clock == "first_response")
        self.assertFalse(first.next_escalation_at)
        self._run_cron("2026-03-02 13:00:00")
        self.assertEqual(first.status, "reached")

    def test_cron_reads_only_tickets_near_a_threshold(self):
        """The cron's cost does not depend on the open tickets far from any threshold."""
        Status = self.env["crm.ticket.sla.status"]
        self._ticket()
        Status.flush_model()
        with freeze_time("2026-03-02 09:00:00"), self.assertQueryCount(1):
            self.assertEqual(Status._cron_escalate(), 0)
        for offset in range(30):
            self._ticket(date_received=MONDAY_8 + timedelta(minutes=offset))
        Status.flush_model()
        with freeze_time("2026-03-02 09:00:00"), self.assertQueryCount(1):
            self.assertEqual(Status._cron_escalate(), 0)

    def test_cron_batches_and_reports_progress(self):
        for _index in range(3):
            self._ticket(user_id=self.agent.id)
        with freeze_time("2026-03-02 11:00:00"):
            done = self.env["crm.ticket.sla.status"]._cron_escalate(batch_size=2)
        self.assertEqual(done, 2)
        with freeze_time("2026-03-02 11:00:00"):
            done = self.env["crm.ticket.sla.status"]._cron_escalate(batch_size=2)
        self.assertEqual(done, 1, "the third ticket's clock in the next run")
        with freeze_time("2026-03-02 11:00:00"):
            done = self.env["crm.ticket.sla.status"]._cron_escalate(batch_size=2)
        self.assertEqual(done, 0)
