# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import TicketingCommon


@tagged("post_install", "-at_install")
class TestVisibility(TicketingCommon):
    """What the 360° view, the dashboard and the reports show, and to whom."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_company_2 = cls.env["crm.ticket.team"].create(
            {"name": "Support of the second company", "company_id": cls.company_2.id}
        )
        cls.ticket_open = cls._ticket(name="Open ticket")
        cls.ticket_private = cls._ticket(name="Key account", team_id=cls.team_private.id)
        cls.ticket_company_2 = cls._ticket(
            name="Second company",
            team_id=cls.team_company_2.id,
            company_id=cls.company_2.id,
        )
        cls.salesman = new_test_user(
            cls.env,
            login="tck_salesman",
            name="فروشنده",
            groups="sales_team.group_sale_salesman",
        )

    def _as(self, user):
        """``res.partner`` as ``user`` working in the first company only."""
        return (
            self.env["res.partner"]
            .with_user(user)
            .with_context(allowed_company_ids=self.company.ids)
        )

    def _timeline_tickets(self, user):
        events = self._as(user)._crm_360_timeline_events(self.customer_a, limit=50)
        return {e["res_id"] for e in events if e["res_model"] == "crm.ticket"}

    # ------------------------------------------------------------------
    # Customer 360°
    # ------------------------------------------------------------------

    def test_360_ticket_figures_stay_in_the_allowed_companies(self):
        stats = self._as(self.manager).browse(self.customer_a.id)._crm_360_ticket_stats()
        self.assertEqual(stats[self.customer_a.id]["open"], 2, "not the second company's")
        self.assertEqual(
            self._timeline_tickets(self.manager), {self.ticket_open.id, self.ticket_private.id}
        )
        both = self.env["res.partner"].with_context(
            allowed_company_ids=(self.company | self.company_2).ids
        )
        self.assertEqual(
            both.browse(self.customer_a.id)._crm_360_ticket_stats()[self.customer_a.id]["open"], 3
        )

    def test_360_ticket_figures_follow_the_ticket_rules(self):
        salesman_group = self.env.ref("sales_team.group_sale_salesman")
        (self.agent | self.agent_2).groups_id = [(4, salesman_group.id)]
        stats = self._as(self.agent_2).browse(self.customer_a.id)._crm_360_ticket_stats()
        self.assertEqual(stats[self.customer_a.id]["open"], 1, "not the invited-only team's")
        self.assertEqual(self._timeline_tickets(self.agent_2), {self.ticket_open.id})
        stats = self._as(self.agent).browse(self.customer_a.id)._crm_360_ticket_stats()
        self.assertEqual(stats[self.customer_a.id]["open"], 2, "a member sees both")

    def test_360_without_ticket_rights_shows_no_ticket(self):
        partner = self._as(self.salesman).browse(self.customer_a.id)
        self.assertNotIn(self.customer_a.id, partner._crm_360_ticket_stats())
        self.assertFalse(self._timeline_tickets(self.salesman))

    # ------------------------------------------------------------------
    # Dashboard and reports
    # ------------------------------------------------------------------

    def _action(self, xmlid):
        return self.env["ir.actions.act_window"]._for_xml_id(xmlid)

    def _rate(self, ticket, value):
        return self.env["rating.rating"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("crm.ticket"),
                "res_id": ticket.id,
                "partner_id": ticket.partner_id.id,
                "rating": value,
                "consumed": True,
            }
        )

    def _dashboard_values(self, companies):
        today = fields.Date.context_today(self.env.user)
        kpis = (
            self.env["crm.dashboard"]
            .with_context(allowed_company_ids=companies.ids)
            ._dashboard_support_kpis(today, today)
        )
        return {item["label"]: item["value"] for item in kpis["items"]}

    def test_dashboard_csat_of_the_allowed_companies(self):
        self.env["rating.rating"].search([("res_model", "=", "crm.ticket")]).unlink()
        self._rate(self.ticket_open, 5)
        self._rate(self.ticket_private, 1)
        self._rate(self.ticket_company_2, 5)
        csat = "Customer satisfaction (CSAT)"
        self.assertEqual(self._dashboard_values(self.company)[csat], 50.0)
        self.assertEqual(self._dashboard_values(self.company_2)[csat], 100.0)
        self.assertAlmostEqual(
            self._dashboard_values(self.company | self.company_2)[csat], 66.7, places=1
        )
        # the CSAT report counts the same ratings
        action = self._action("crm_ticketing.action_crm_ticket_rating")
        groups = dict(
            self.env["rating.rating"]._read_group(
                [*safe_eval(action["domain"]), ("res_id", "in", self.ticket_open.ids)],
                ["rating_text"],
                ["__count"],
            )
        )
        self.assertEqual(groups, {"top": 1})

    def test_first_contact_resolution_rate_report(self):
        first_contact = self._ticket(name="Solved at once", user_id=self.agent.id)
        self._agent_reply(first_contact)
        first_contact.stage_id = self.stage_resolved
        two_replies = self._ticket(name="Solved later", user_id=self.agent.id)
        self._agent_reply(two_replies)
        self._agent_reply(two_replies, body="یک پاسخ دیگر")
        two_replies.stage_id = self.stage_resolved
        self.assertTrue(first_contact.first_contact_resolution)
        self.assertFalse(two_replies.first_contact_resolution)
        action = self._action("crm_ticketing.action_crm_ticket_fcr")
        context = safe_eval(action["context"])
        groups = dict(
            self.env["crm.ticket"]._read_group(
                [
                    *safe_eval(action["domain"]),
                    ("id", "in", (first_contact | two_replies | self.ticket_open).ids),
                ],
                context["group_by"],
                [context["graph_measure"]],
            )
        )
        self.assertEqual(groups, {True: 1, False: 1}, "an open ticket is not counted")
        rate = 100.0 * groups[True] / sum(groups.values())
        self.assertEqual(rate, 50.0)

    def test_ticket_analysis_leaves_merged_tickets_out(self):
        duplicate = self._ticket(name="Duplicate")
        duplicate.write({"merged_into_id": self.ticket_open.id, "active": False})
        action = self._action("crm_ticketing.action_crm_ticket_analysis")
        context = safe_eval(action.get("context") or "{}")
        domain = safe_eval(action.get("domain") or "[]")

        def counted(tickets):
            return (
                self.env["crm.ticket"]
                .with_context(**context)
                ._read_group([*domain, ("id", "in", tickets.ids)], [], ["__count"])
            )

        self.assertEqual(counted(self.ticket_open | duplicate), [(1,)])
        # a ticket archived by hand is still one the team handled
        archived = self._ticket(name="Archived by hand")
        archived.active = False
        self.assertEqual(counted(self.ticket_open | duplicate | archived), [(2,)])

    # ------------------------------------------------------------------
    # Finance on the ticket form
    # ------------------------------------------------------------------

    def test_credit_warning_only_for_invoicing_users(self):
        def form_arch(user):
            views = self.env["crm.ticket"].with_user(user).get_views([(False, "form")])
            return views["views"]["form"]["arch"]

        self.assertFalse(self.agent.has_group("account.group_account_invoice"))
        self.assertNotIn("partner_credit_warning", form_arch(self.agent))
        # nor through RPC
        with self.assertRaises(AccessError):
            self.ticket_open.with_user(self.agent).read(["partner_overdue"])
        self.agent.groups_id = [(4, self.env.ref("account.group_account_invoice").id)]
        self.assertIn("partner_credit_warning", form_arch(self.agent))
