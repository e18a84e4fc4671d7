# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TicketingCommon


@tagged("post_install", "-at_install")
class TestSecurity(TicketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket_a = cls._ticket(name="A", partner_id=cls.contact_a.id)
        cls.ticket_b = cls._ticket(name="B", partner_id=cls.contact_b.id)
        cls.ticket_private = cls._ticket(name="Key account", team_id=cls.team_private.id)
        cls.ticket_other_company = (
            cls.env["crm.ticket"]
            .with_user(cls.other_company_user)
            .create({"name": "Other company", "company_id": cls.company_2.id})
            .sudo(False)
        )
        cls.all_tickets = (
            cls.ticket_a | cls.ticket_b | cls.ticket_private | cls.ticket_other_company
        )

    def _visible(self, user):
        return self.env["crm.ticket"].with_user(user).search([("id", "in", self.all_tickets.ids)])

    def test_team_member_sees_team_tickets(self):
        self.assertEqual(
            self._visible(self.agent), self.ticket_a | self.ticket_b | self.ticket_private
        )

    def test_non_member_does_not_see_invited_members_team(self):
        visible = self._visible(self.outsider)
        self.assertEqual(visible, self.ticket_a | self.ticket_b)
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            self.ticket_private.with_user(self.outsider).read(["name"])
        self.ticket_private.user_id = self.outsider
        self.assertIn(self.ticket_private, self._visible(self.outsider), "own tickets")

    def test_manager_sees_all_of_his_companies(self):
        self.assertEqual(
            self._visible(self.manager), self.ticket_a | self.ticket_b | self.ticket_private
        )

    def test_multi_company(self):
        self.assertEqual(self._visible(self.other_company_user), self.ticket_other_company)
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            self.ticket_a.with_user(self.other_company_user).read(["name"])

    def test_user_cannot_configure(self):
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_model"):
            self.env["crm.ticket.sla"].with_user(self.agent).create(
                {"name": "x", "team_id": self.team.id, "first_response_hours": 1}
            )
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_model"):
            self.ticket_a.with_user(self.agent).unlink()
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_model"):
            self.team.with_user(self.agent).write({"name": "renamed"})

    def test_user_works_tickets_without_sla_rights(self):
        """Agents move tickets and reply: the SLA clocks, counters and time per stage follow
        although agents cannot write those models."""
        ticket = self.ticket_a.with_user(self.agent)
        ticket.message_post(body="پاسخ", message_type="comment", subtype_xmlid="mail.mt_comment")
        ticket.write({"stage_id": self.stage_waiting.id})
        ticket.write({"stage_id": self.stage_progress.id, "priority": "3"})
        ticket.write({"stage_id": self.stage_resolved.id, "user_id": self.agent.id})
        self.assertTrue(ticket.date_first_response)
        self.assertEqual(len(ticket.stage_time_ids), 3)

    def test_portal_sees_only_own_company_tickets(self):
        Ticket = self.env["crm.ticket"].with_user(self.portal_a)
        own = self.ticket_a | self.ticket_private  # both reported by Arya's contact
        self.assertEqual(Ticket.search([]), own)
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            self.ticket_b.with_user(self.portal_a).read(["name"])
        colleague = self.env["res.partner"].create(
            {"name": "همکار آریا", "parent_id": self.customer_a.id}
        )
        colleague_ticket = self._ticket(partner_id=colleague.id)
        self.assertIn(colleague_ticket, Ticket.search([]), "company's tickets too")

    def test_portal_cannot_write_or_message_others(self):
        other = self.ticket_b.with_user(self.portal_a)
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_model"):
            other.write({"name": "hacked"})
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_model"):
            self.ticket_a.with_user(self.portal_a).write({"stage_id": self.stage_closed.id})
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            other.message_post(body="spam", message_type="comment")
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_model"):
            other.unlink()
        self.assertEqual(self.ticket_b.name, "B")

    def test_portal_reads_only_published_articles(self):
        Article = self.env["crm.ticket.article"]
        published = Article.create({"name": "Public", "is_published": True})
        internal = Article.create({"name": "Internal"})
        visible = Article.with_user(self.portal_a).search(
            [("id", "in", (published | internal).ids)]
        )
        self.assertEqual(visible, published)
