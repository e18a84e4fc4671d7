# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.models import check_method_name
from odoo.tests import tagged

from .common import TicketingCommon


@tagged("post_install", "-at_install")
class TestTicket(TicketingCommon):
    def test_number_from_a_sequence_per_company(self):
        first = self._ticket()
        second = self._ticket()
        self.assertRegex(first.number, r"^TCK/\d{4}/\d{5}$")
        year = str(fields.Date.today().year)
        self.assertIn(f"/{year}/", first.number)
        n1, n2 = (int(t.number.rsplit("/", 1)[1]) for t in (first, second))
        self.assertEqual(n2, n1 + 1)
        other = (
            self.env["crm.ticket"]
            .with_user(self.other_company_user)
            .create({"name": "Other company", "company_id": self.company_2.id})
        )
        self.assertEqual(other.number.rsplit("/", 1)[1], "00001", "own sequence per company")
        self.assertEqual(first.display_name, f"{first.number} - {first.name}")

    def test_number_hook_receives_company_and_date(self):
        number = self.env["crm.ticket"]._get_ticket_number(self.company, date(2030, 5, 1))
        self.assertTrue(number.startswith("TCK/2030/"), number)

    def test_customer_contact_details_and_touchpoint(self):
        ticket = self._ticket()
        self.assertEqual(ticket.partner_email, "ali@arya.example.ir")
        # the customer's number as the customer has it (crm_persian stores it in national form)
        self.assertTrue(ticket.partner_phone)
        self.assertEqual(ticket.partner_phone, ticket.partner_id.phone)
        self.assertEqual(ticket.commercial_partner_id, self.customer_a)
        self.assertIn(self.contact_a, ticket.message_partner_ids)
        touchpoint = self.env["crm.touchpoint"].search(
            [("res_model", "=", "crm.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(touchpoint.channel, "ticket")
        self.assertEqual(touchpoint.direction, "inbound")
        self.assertEqual(touchpoint.partner_id, self.contact_a)

    def test_default_stage_is_first_open_stage(self):
        self.assertEqual(self._ticket().stage_id, self.stage_new)

    def test_round_robin_assignment(self):
        self.team.assignment_method = "round_robin"
        users = [self._ticket().user_id for _i in range(4)]
        self.assertEqual(users[0], users[2])
        self.assertEqual(users[1], users[3])
        self.assertNotEqual(users[0], users[1])
        self.assertEqual(set(users), {self.agent, self.agent_2})

    def test_least_open_assignment_and_leaves(self):
        self.team.assignment_method = "least_open"
        self._ticket(user_id=self.agent.id)
        self._ticket(user_id=self.agent.id)
        self.assertEqual(self._ticket().user_id, self.agent_2)
        resource = self.env["resource.resource"].create(
            {"name": self.agent_2.name, "user_id": self.agent_2.id, "calendar_id": self.calendar.id}
        )
        now = fields.Datetime.now()
        self.env["resource.calendar.leaves"].create(
            {
                "name": "مرخصی",
                "resource_id": resource.id,
                "calendar_id": self.calendar.id,
                "date_from": now - timedelta(days=1),
                "date_to": now + timedelta(days=1),
            }
        )
        self.assertEqual(self._ticket().user_id, self.agent, "members on leave are skipped")

    def test_manual_assignment_leaves_ticket_unassigned(self):
        self.team.assignment_method = "manual"
        self.assertFalse(self._ticket().user_id)

    def test_closing_requires_the_stage_fields(self):
        self.team.assignment_method = "manual"
        ticket = self._ticket()
        with self.assertRaisesRegex(UserError, "Assigned to"):
            ticket.stage_id = self.stage_resolved
        self.assertEqual(ticket.stage_id, self.stage_new, "nothing changed")
        ticket.write({"stage_id": self.stage_resolved.id, "user_id": self.agent.id})
        self.assertTrue(ticket.is_closed)

    def test_counters_and_first_contact_resolution(self):
        ticket = self._ticket(user_id=self.agent.id)
        self._agent_reply(ticket)
        self._customer_message(ticket)
        ticket.stage_id = self.stage_resolved
        self.assertEqual(ticket.agent_reply_count, 1)
        self.assertEqual(ticket.customer_message_count, 1)
        self.assertTrue(ticket.date_resolved)
        self.assertTrue(ticket.first_contact_resolution)
        ticket.stage_id = self.stage_progress
        self.assertEqual(ticket.reopen_count, 1)
        self.assertFalse(ticket.date_resolved)
        self.assertFalse(ticket.first_contact_resolution)
        ticket.stage_id = self.stage_resolved
        self.assertFalse(ticket.first_contact_resolution, "reopened tickets never count")

    def test_internal_note_is_not_a_reply(self):
        ticket = self._ticket()
        ticket.with_user(self.agent).message_post(body="یادداشت", subtype_xmlid="mail.mt_note")
        self.assertEqual(ticket.agent_reply_count, 0)
        self.assertFalse(ticket.date_first_response)

    def test_cancelled_is_not_resolved(self):
        ticket = self._ticket(user_id=self.agent.id)
        ticket.stage_id = self.stage_cancelled
        self.assertTrue(ticket.is_closed)
        self.assertTrue(ticket.date_closed)
        self.assertFalse(ticket.date_resolved)

    def test_time_per_stage(self):
        with freeze_time("2026-03-02 08:00:00"):
            ticket = self._ticket(user_id=self.agent.id)
        with freeze_time("2026-03-02 10:00:00"):
            ticket.stage_id = self.stage_progress
        with freeze_time("2026-03-02 13:00:00"):
            ticket.stage_id = self.stage_waiting
        with freeze_time("2026-03-02 14:30:00"):
            ticket.stage_id = self.stage_progress
        times = {line.stage_id: line.hours for line in ticket.stage_time_ids}
        self.assertAlmostEqual(times[self.stage_new], 2.0)
        self.assertAlmostEqual(times[self.stage_progress], 3.0)
        self.assertAlmostEqual(times[self.stage_waiting], 1.5)
        self.assertAlmostEqual(ticket.time_paused_hours, 1.5)

    def test_auto_close_after_waiting(self):
        self.team.auto_close_days = 3
        with freeze_time("2026-03-02 08:00:00"):
            stale = self._ticket(user_id=self.agent.id)
            fresh = self._ticket(user_id=self.agent.id)
            stale.stage_id = self.stage_waiting
        with freeze_time("2026-03-04 08:00:00"):
            fresh.stage_id = self.stage_waiting
        with freeze_time("2026-03-06 09:00:00"):
            self.env["crm.ticket"]._cron_auto_close()
            self.env["crm.ticket"]._cron_auto_close()
        self.assertEqual(stale.stage_id, self.stage_closed)
        self.assertEqual(fresh.stage_id, self.stage_waiting)
        self.assertIn("Closed automatically", "".join(stale.message_ids.mapped("body")))

    def test_customer_close_and_reopen(self):
        ticket = self._ticket()
        ticket.action_customer_close()
        self.assertEqual(ticket.stage_id, self.stage_closed)
        ticket.action_customer_reopen()
        self.assertFalse(ticket.is_closed)
        self.assertEqual(ticket.reopen_count, 1)

    def test_rating_request_on_resolution(self):
        ticket = self._ticket(user_id=self.agent.id)
        ticket.stage_id = self.stage_resolved
        rating = ticket.rating_ids
        self.assertEqual(len(rating), 1)
        self.assertEqual(rating.partner_id, self.contact_a)
        ticket.rating_apply(5, token=rating.access_token, feedback="عالی")
        self.assertEqual(ticket.rating_last_value, 5)
        self.assertEqual(self.team.rating_count, 1)
        self.assertEqual(self.team.rating_percentage_satisfaction, 100)

    def test_customer_satisfaction_on_partner(self):
        for rate in (5, 3):
            ticket = self._ticket(user_id=self.agent.id)
            ticket.stage_id = self.stage_resolved
            ticket.rating_apply(rate, token=ticket.rating_ids.access_token)
        self.assertAlmostEqual(self.customer_a.with_user(self.agent).ticket_rating_avg, 4.0)
        self.assertAlmostEqual(self.contact_a.with_user(self.agent).ticket_rating_avg, 4.0)
        self.assertEqual(self.customer_b.with_user(self.agent).ticket_rating_avg, 0.0)

    def test_backlog_report_counts_open_days(self):
        with freeze_time("2026-03-02 08:00:00"):
            ticket = self._ticket(user_id=self.agent.id)
        with freeze_time("2026-03-05 08:00:00"):
            ticket.stage_id = self.stage_resolved
        self.env.flush_all()
        rows = self.env["crm.ticket.report.backlog"].search([("ticket_id", "=", ticket.id)])
        self.assertEqual(
            sorted(rows.mapped("date")), [date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)]
        )
        groups = self.env["crm.ticket.report.backlog"]._read_group(
            [("ticket_id", "=", ticket.id)], ["team_id"], ["__count"]
        )
        self.assertEqual(groups, [(self.team, 3)])

    def test_merge_moves_messages_attachments_followers(self):
        keep = self._ticket(name="پرینتر")
        duplicate = self._ticket(name="پرینتر (تکراری)", partner_id=self.contact_b.id)
        self._customer_message(duplicate, "پیام روی تکراری")
        attachment = self.env["ir.attachment"].create(
            {"name": "photo.jpg", "raw": b"jpg", "res_model": "crm.ticket", "res_id": duplicate.id}
        )
        wizard = (
            self.env["crm.ticket.merge"]
            .with_user(self.agent)
            .with_context(active_model="crm.ticket", active_ids=(keep | duplicate).ids)
            .create({})
        )
        self.assertEqual(wizard.target_ticket_id, keep)
        wizard.action_merge()
        self.assertFalse(duplicate.active)
        self.assertEqual(duplicate.merged_into_id, keep)
        self.assertIn("پیام روی تکراری", "".join(keep.message_ids.mapped("body")))
        self.assertEqual(attachment.res_id, keep.id)
        self.assertIn(self.contact_b, keep.message_partner_ids)

    def test_merge_needs_two_tickets(self):
        ticket = self._ticket()
        wizard = self.env["crm.ticket.merge"].create(
            {"ticket_ids": [(6, 0, ticket.ids)], "target_ticket_id": ticket.id}
        )
        with self.assertRaises(UserError):
            wizard.action_merge()

    def test_split_message_into_new_ticket(self):
        ticket = self._ticket()
        message = self._customer_message(ticket, "یک موضوع جدا: فاکتور اشتباه است")
        wizard = (
            self.env["crm.ticket.split"]
            .with_context(active_model="crm.ticket", active_id=ticket.id)
            .create({"message_id": message.id, "name": "فاکتور اشتباه"})
        )
        action = wizard.action_split()
        new = self.env["crm.ticket"].browse(action["res_id"])
        self.assertEqual(new.name, "فاکتور اشتباه")
        self.assertNotEqual(new.number, ticket.number)
        self.assertEqual(message.res_id, new.id)
        self.assertIn("فاکتور اشتباه", new.description)
        self.assertNotIn(message, ticket.message_ids)

    def test_reply_with_article(self):
        article = self.env["crm.ticket.article"].create(
            {"name": "راه‌اندازی مجدد", "body": "<p>دکمه را ده ثانیه نگه دارید</p>"}
        )
        ticket = self._ticket(article_id=article.id)
        action = ticket.action_reply_with_article()
        self.assertEqual(action["res_model"], "mail.compose.message")
        self.assertIn("ده ثانیه", action["context"]["default_body"])
        self.assertEqual(article.ticket_count, 1)
        with self.assertRaises(UserError):
            self._ticket().action_reply_with_article()

    def test_counts_on_team_and_partner_with_one_query(self):
        self._ticket(user_id=False, priority="3")
        self._ticket(user_id=self.agent.id)
        closed = self._ticket(user_id=self.agent.id)
        closed.stage_id = self.stage_resolved
        self._ticket(partner_id=self.contact_b.id)
        self.env.invalidate_all()
        self.assertEqual(self.team.open_ticket_count, 3)
        self.assertEqual(self.team.urgent_ticket_count, 1)
        partners = (self.customer_a | self.contact_a | self.customer_b).with_user(self.manager)
        self.env.invalidate_all()
        partners.mapped("commercial_partner_id")
        # the grouped ticket query, plus the access rules of the manager, once for all
        with self.assertQueryCount(4):
            counts = [p.ticket_count for p in partners]
        self.assertEqual(counts, [3, 3, 1])
        more = partners | self.env["res.partner"].with_user(self.manager).create(
            [{"name": f"مشتری {i}"} for i in range(5)]
        )
        self.env.invalidate_all()
        more.mapped("commercial_partner_id")
        with self.assertQueryCount(4):
            more.mapped("ticket_count")

    def test_customer_360_extension_points(self):
        self._ticket()
        failed = self._ticket()
        with freeze_time("2026-03-02 15:00:00"):
            self._agent_reply(failed)
        closed = self._ticket(user_id=self.agent.id)
        closed.stage_id = self.stage_resolved
        stats = self.customer_a._crm_360_ticket_stats()
        self.assertEqual(
            stats[self.customer_a.id],
            {"open": 2, "closed": 1, "sla_failed": 2},
            "the closed ticket was closed long after its first-response deadline",
        )
        events = self.env["res.partner"]._crm_360_timeline_events(self.customer_a, limit=50)
        tickets = [e for e in events if e["kind"] == "ticket"]
        self.assertEqual(len(tickets), 3)
        self.assertEqual({e["res_model"] for e in tickets}, {"crm.ticket"})
        self.assertTrue(re.match(r"Ticket TCK/", str(tickets[0]["title"])))
        self.assertFalse(
            [e for e in events if e["kind"] != "ticket" and e["res_model"] == "crm.ticket"],
            "the ticket touchpoints are not shown a second time",
        )
        self.assertEqual(
            [e["date"] for e in events], sorted((e["date"] for e in events), reverse=True)
        )

    def test_manager_dashboard_support_kpis(self):
        ticket = self._ticket(user_id=self.agent.id)
        with freeze_time("2026-03-02 10:00:00"):
            self._agent_reply(ticket)
        with freeze_time("2026-03-03 09:00:00"):
            ticket.stage_id = self.stage_resolved
        ticket.rating_ids.write({"rating": 5, "consumed": True})
        kpis = self.env["crm.dashboard"]._dashboard_support_kpis("2026-03-01", "2026-03-31")
        values = {item["label"]: item["value"] for item in kpis["items"]}
        self.assertEqual(values["SLA success rate"], 100.0)
        self.assertEqual(values["Average first response"], 2.0)
        self.assertGreaterEqual(values["Open tickets"], 0)

    def test_glossary_terms_point_at_ticketing(self):
        term = self.env.ref("crm_glossary_core.term_sla")
        self.assertEqual(term.action_id.id, self.env.ref("crm_ticketing.action_crm_ticket_sla").id)

    def test_action_view_tickets_of_partner(self):
        ticket = self._ticket()
        action = self.contact_a.action_view_tickets()
        self.assertIn(ticket, self.env["crm.ticket"].search(action["domain"]))

    def test_warranty_from_delivery_date(self):
        product = self.env["product.product"].create(
            {"name": "چاپگر", "is_storable": True, "tracking": "serial", "warranty_months": 12}
        )
        lot = self.env["stock.lot"].create({"name": "SN-0001", "product_id": product.id})
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.company.id)], limit=1
        )
        self.env["stock.quant"]._update_available_quantity(
            product, warehouse.lot_stock_id, 1, lot_id=lot
        )
        picking = self.env["stock.picking"].create(
            {
                "partner_id": self.customer_a.id,
                "picking_type_id": warehouse.out_type_id.id,
                "location_id": warehouse.lot_stock_id.id,
                "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": 1,
                            "location_id": warehouse.lot_stock_id.id,
                            "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.move_line_ids.write({"lot_id": lot.id, "quantity": 1})
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        ticket = self._ticket(lot_id=lot.id, product_id=product.id, picking_id=picking.id)
        self.assertTrue(ticket.lot_delivery_date)
        self.assertEqual(ticket.warranty_state, "valid")
        self.assertEqual(picking.crm_ticket_count, 1)
        product.warranty_months = 0
        ticket.invalidate_recordset()
        self.assertEqual(ticket.warranty_state, "none")
        action = ticket.action_create_return()
        self.assertEqual(action["res_model"], "stock.return.picking")
        wizard = self.env["stock.return.picking"].with_context(**action["context"]).create({})
        self.assertEqual(wizard.picking_id, picking)
        self.assertEqual(wizard.product_return_moves.product_id, product)

    def test_return_needs_done_delivery(self):
        with self.assertRaises(UserError):
            self._ticket().action_create_return()

    def test_upsell_opportunity(self):
        ticket = self._ticket()
        action = ticket.with_user(self.manager).action_create_opportunity()
        self.assertTrue(ticket.lead_id)
        self.assertEqual(ticket.lead_id.type, "opportunity")
        self.assertEqual(ticket.lead_id.partner_id, self.contact_a)
        self.assertEqual(action["res_id"], ticket.lead_id.id)
        self.assertEqual(ticket.lead_id.ticket_ids, ticket)

    def test_credit_note_from_invoice(self):
        product = self.env["product.product"].create({"name": "خدمات", "list_price": 1000})
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer_a.id,
                "invoice_date": date(2026, 3, 1),
                "invoice_line_ids": [(0, 0, {"product_id": product.id, "price_unit": 1000})],
            }
        )
        ticket = self._ticket(invoice_id=invoice.id)
        with self.assertRaisesRegex(UserError, "posted"):
            ticket.action_create_credit_note()
        invoice.action_post()
        action = ticket.action_create_credit_note()
        reversal = (
            self.env["account.move.reversal"]
            .with_context(**action["context"])
            .create({"journal_id": invoice.journal_id.id})
        )
        result = reversal.refund_moves()
        refund = self.env["account.move"].browse(result["res_id"])
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.state, "draft")
        self.assertEqual(refund.reversed_entry_id, invoice)
        self.assertEqual(invoice.crm_ticket_count, 1)
        self.assertTrue(ticket.partner_receivable > 0)

    def test_credit_warning_and_overdue(self):
        product = self.env["product.product"].create({"name": "خدمات", "list_price": 1000})
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer_a.id,
                "invoice_date": date(2020, 1, 1),
                "invoice_date_due": date(2020, 1, 31),
                "invoice_line_ids": [(0, 0, {"product_id": product.id, "price_unit": 5000})],
            }
        )
        invoice.action_post()
        ticket = self._ticket()
        self.assertAlmostEqual(ticket.partner_overdue, invoice.amount_total)
        self.assertIn("overdue", ticket.partner_credit_warning)
        self.assertEqual(datetime(2026, 3, 2, 8), ticket.date_received)


@tagged("post_install", "-at_install")
class TestTicketLifecycle(TicketingCommon):
    """Who counts as the customer answering, and closing by the customer or by the cron."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        alias_domain = cls.env["mail.alias.domain"].create(
            {"name": "support.example.ir", "bounce_alias": "bounce", "catchall_alias": "catchall"}
        )
        cls.env.company.alias_domain_id = alias_domain
        cls.team.alias_domain_id = alias_domain
        cls.alias_email = f"tck-tech@{alias_domain.name}"

    def _email(self, email_from, subject="چاپگر", body="سلام", reply_to=None):
        message = EmailMessage()
        message["From"] = email_from
        message["To"] = self.alias_email
        message["Subject"] = subject
        message["Message-Id"] = make_msgid(domain="example.ir")
        if reply_to:
            message["In-Reply-To"] = reply_to
            message["References"] = reply_to
        message.set_content(body)
        return self.env["mail.thread"].message_process(None, message.as_bytes())

    def _waiting_ticket_from_email(self):
        ticket = self.env["crm.ticket"].browse(
            self._email("Ali Rezaei <ali@arya.example.ir>", body="دستگاه روشن نمی‌شود")
        )
        ticket.user_id = self.agent
        self._agent_reply(ticket)
        ticket.stage_id = self.stage_waiting
        return ticket

    def _next_response_clocks(self, ticket):
        return ticket.sla_status_ids.filtered(
            lambda s: s.clock == "next_response" and not s.reached_datetime
        )

    def test_reply_from_a_colleague_of_the_customer_counts(self):
        """Someone else at the customer's company answers from their own address (a
        contact of the company, not a follower of the ticket)."""
        colleague = self.env["res.partner"].create(
            {"name": "رضا کریمی", "parent_id": self.customer_a.id, "email": "reza@arya.example.ir"}
        )
        ticket = self._waiting_ticket_from_email()
        self.assertNotIn(colleague, ticket.message_partner_ids)
        reply = self._email(
            "Reza Karimi <reza@arya.example.ir>",
            subject=f"Re: {ticket.name}",
            body="کابل را عوض کردیم، باز هم روشن نمی‌شود",
            reply_to=ticket.message_ids[-1].message_id,
        )
        self.assertEqual(reply, ticket.id)
        self.assertEqual(ticket.customer_message_count, 2)
        self.assertEqual(ticket.stage_id, self.stage_progress)
        self.assertEqual(len(self._next_response_clocks(ticket)), 1)

    def test_reply_from_an_unknown_address_counts(self):
        ticket = self._waiting_ticket_from_email()
        reply = self._email(
            "Office <office@unknown.example.ir>",
            subject=f"Re: {ticket.name}",
            body="آقای رضایی در مرخصی است؛ مشکل هنوز هست",
            reply_to=ticket.message_ids[-1].message_id,
        )
        self.assertEqual(reply, ticket.id)
        self.assertFalse(ticket.message_ids[0].author_id, "an address nobody knows")
        self.assertEqual(ticket.customer_message_count, 2)
        self.assertEqual(ticket.stage_id, self.stage_progress)
        self.assertEqual(len(self._next_response_clocks(ticket)), 1)

    def test_auto_reply_is_not_a_customer_reply(self):
        """An out-of-office answer (flagged ``crm_ticket_auto_reply`` by the mail gateway)
        neither resumes work nor starts a clock, and the ticket still auto-closes."""
        self.team.auto_close_days = 3
        with freeze_time("2026-03-02 09:00:00"):
            ticket = self._ticket(user_id=self.agent.id)
            self._agent_reply(ticket)
            ticket.stage_id = self.stage_waiting
        with freeze_time("2026-03-02 09:05:00"):
            ticket.with_context(crm_ticket_auto_reply=True).message_post(
                body="I am out of the office until Monday.",
                message_type="email",
                subtype_xmlid="mail.mt_comment",
                author_id=self.contact_a.id,
            )
        self.assertEqual(ticket.stage_id, self.stage_waiting)
        self.assertEqual(ticket.customer_message_count, 0)
        self.assertFalse(ticket.date_last_customer_message)
        self.assertFalse(self._next_response_clocks(ticket))
        with freeze_time("2026-03-06 09:00:00"):
            self.env["crm.ticket"]._cron_auto_close()
        self.assertEqual(ticket.stage_id, self.stage_closed)

    def test_system_messages_are_no_replies(self):
        """Anybody but an internal user counts as the customer, except the system itself
        (OdooBot, an archived internal user), e.g. a scheduled action posting a comment."""
        ticket = self._ticket()
        self.assertEqual(self.env.user, self.env.ref("base.user_root"))
        ticket.message_post(
            body="Posted by a scheduled action",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertEqual(ticket.message_ids[0].author_id, self.env.ref("base.partner_root"))
        self.assertEqual(ticket.customer_message_count, 0)
        self.assertEqual(ticket.agent_reply_count, 0)

    def test_customer_close_asks_for_a_rating(self):
        """Closed by the customer: the closing stage asks for no rating, the customer is
        asked all the same, once while the request awaits an answer."""
        self.assertFalse(self.stage_closed.rating_request)
        ticket = self._ticket()
        ticket._action_customer_close()
        self.assertEqual(ticket.stage_id, self.stage_closed)
        rating = ticket.rating_ids
        self.assertEqual(len(rating), 1)
        self.assertEqual(rating.partner_id, self.contact_a)
        requests = ticket.message_ids.filtered(lambda m: rating.access_token in (m.body or ""))
        self.assertEqual(len(requests), 1)
        ticket.action_customer_reopen()
        ticket._action_customer_close()
        requests = ticket.message_ids.filtered(lambda m: rating.access_token in (m.body or ""))
        self.assertEqual(len(requests), 1, "not asked twice")
        ticket.rating_apply(4, token=rating.access_token)
        self.assertEqual(ticket.rating_last_value, 4)

    def test_auto_close_asks_for_a_rating(self):
        self.team.auto_close_days = 3
        with freeze_time("2026-03-02 09:00:00"):
            ticket = self._ticket(user_id=self.agent.id)
            ticket.stage_id = self.stage_waiting
            quiet = self._ticket(user_id=self.agent.id, team_id=self.team_private.id)
            quiet.stage_id = self.stage_waiting
        self.team_private.write({"auto_close_days": 3, "use_rating": False})
        with freeze_time("2026-03-06 09:00:00"):
            self.env["crm.ticket"]._cron_auto_close()
        self.assertEqual(ticket.stage_id, self.stage_closed)
        self.assertEqual(len(ticket.rating_ids), 1)
        self.assertEqual(ticket.rating_ids.partner_id, self.contact_a)
        self.assertEqual(quiet.stage_id, self.stage_closed)
        self.assertFalse(quiet.rating_ids, "the team asks for no ratings")

    def test_resolved_then_closed_by_the_customer_is_asked_once(self):
        ticket = self._ticket(user_id=self.agent.id)
        ticket.stage_id = self.stage_resolved
        ticket.action_customer_reopen()
        ticket._action_customer_close()
        self.assertEqual(len(ticket.rating_ids), 1)
        token = ticket.rating_ids.access_token
        requests = ticket.message_ids.filtered(lambda m: token in (m.body or ""))
        self.assertEqual(len(requests), 1)

    def test_only_the_portal_skips_the_required_fields(self):
        """The exemption from the closing stage's required fields is private: an agent
        calling the public method or writing with the context key over RPC gets none."""
        category = self.env["crm.ticket.category"].create({"name": "سخت‌افزار"})
        category_field = self.env["ir.model.fields"]._get("crm.ticket", "category_id")
        self.stage_closed.required_field_ids = [(4, category_field.id)]
        ticket = self._ticket(user_id=self.agent.id)
        as_agent = ticket.with_user(self.agent)
        with self.assertRaisesRegex(UserError, category_field.field_description):
            as_agent.action_customer_close()
        with self.assertRaisesRegex(UserError, category_field.field_description):
            as_agent.with_context(crm_ticket_skip_required=True).write(
                {"stage_id": self.stage_closed.id}
            )
        self.assertFalse(ticket.is_closed)
        with self.assertRaises(AccessError):
            check_method_name("_action_customer_close")
        # the portal route, after its access check, closes as the customer
        ticket.sudo()._action_customer_close()
        self.assertEqual(ticket.stage_id, self.stage_closed)
        self.assertFalse(ticket.category_id)
        # filled in, the agent may close as the customer asked
        other = self._ticket(user_id=self.agent.id, category_id=category.id)
        other.with_user(self.agent).action_customer_close()
        self.assertEqual(other.stage_id, self.stage_closed)
