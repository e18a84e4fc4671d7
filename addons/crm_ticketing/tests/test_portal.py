# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import json
import re
from datetime import date
from unittest.mock import patch

from odoo import http
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from ..controllers.portal import CrmTicketPortal
from .common import TicketingCommon


@tagged("post_install", "-at_install")
class TestPortal(HttpCase, TicketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket_a = cls._ticket(name="Own ticket of Arya", partner_id=cls.contact_a.id)
        cls.ticket_b = cls._ticket(name="Secret of Alborz", partner_id=cls.contact_b.id)
        cls.env["crm.ticket.article"].create(
            {
                "name": "Reset the device",
                "summary": "Hold the button ten seconds to reset.",
                "body": "<p>Hold the power button for ten seconds.</p>",
                "is_published": True,
            }
        )

    def _post(self, url, data=None, **kw):
        values = {"csrf_token": http.Request.csrf_token(self)}
        values.update(data or {})
        return self.url_open(url, data=values, **kw)

    def test_list_shows_only_own_tickets(self):
        self.authenticate("tck_portal_a", "tck_portal_a")
        response = self.url_open("/my/tickets?filterby=all")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.ticket_a.number, response.text)
        self.assertNotIn(self.ticket_b.number, response.text)
        self.assertNotIn("Secret of Alborz", response.text)

    def test_list_search_and_filters(self):
        self.authenticate("tck_portal_a", "tck_portal_a")
        self._ticket(name="Second question about invoices", partner_id=self.contact_a.id)
        response = self.url_open("/my/tickets?search=invoices&search_in=name")
        self.assertIn("Second question about invoices", response.text)
        self.assertNotIn("Own ticket of Arya", response.text)
        self.ticket_a.action_customer_close()
        response = self.url_open("/my/tickets?filterby=closed")
        self.assertIn("Own ticket of Arya", response.text)
        self.assertNotIn("Second question", response.text)

    def test_ticket_page_of_another_customer_is_refused(self):
        self.authenticate("tck_portal_a", "tck_portal_a")
        own = self.url_open(f"/my/tickets/{self.ticket_a.id}")
        self.assertIn(self.ticket_a.number, own.text)
        other = self.url_open(f"/my/tickets/{self.ticket_b.id}")
        self.assertNotIn(self.ticket_b.number, other.text)
        self.assertTrue(other.url.endswith("/my"), other.url)
        missing = self.url_open("/my/tickets/999999")
        self.assertTrue(missing.url.endswith("/my"))

    def test_close_and_reopen_routes_check_access(self):
        self.authenticate("tck_portal_a", "tck_portal_a")
        self._post(f"/my/tickets/{self.ticket_b.id}/close")
        self.assertFalse(self.ticket_b.is_closed, "another customer's ticket stays open")
        self._post(f"/my/tickets/{self.ticket_a.id}/close")
        self.assertTrue(self.ticket_a.is_closed)
        self.ticket_b.action_customer_close()
        self._post(f"/my/tickets/{self.ticket_b.id}/reopen")
        self.assertTrue(self.ticket_b.is_closed, "nor can it be reopened")
        self._post(f"/my/tickets/{self.ticket_a.id}/reopen")
        self.assertFalse(self.ticket_a.is_closed)

    def test_access_token_grants_the_page_not_the_id(self):
        self.authenticate("tck_portal_a", "tck_portal_a")
        self.ticket_b._portal_ensure_token()
        wrong = self.url_open(f"/my/tickets/{self.ticket_b.id}?access_token=wrong")
        self.assertNotIn(self.ticket_b.number, wrong.text)
        self._post(f"/my/tickets/{self.ticket_b.id}/close", {"access_token": "wrong"})
        self.assertFalse(self.ticket_b.is_closed)

    def test_cannot_message_another_customers_ticket(self):
        self.authenticate("tck_portal_a", "tck_portal_a")
        before = len(self.ticket_b.message_ids)
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                "/mail/message/post",
                {
                    "thread_model": "crm.ticket",
                    "thread_id": self.ticket_b.id,
                    "post_data": {"body": "spam", "message_type": "comment"},
                },
            )
        self.assertEqual(len(self.ticket_b.message_ids), before)
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "crm.ticket",
                "thread_id": self.ticket_a.id,
                "post_data": {
                    "body": "Still broken",
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_comment",
                },
            },
        )
        self.assertIn("Still broken", "".join(self.ticket_a.message_ids.mapped("body")))
        self.assertEqual(self.ticket_a.customer_message_count, 1)

    def test_rpc_read_of_another_customers_ticket_fails(self):
        self.authenticate("tck_portal_a", "tck_portal_a")
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/crm.ticket/read",
                {
                    "model": "crm.ticket",
                    "method": "read",
                    "args": [[self.ticket_b.id], ["name"]],
                    "kwargs": {},
                },
            )
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/crm.ticket/action_customer_close",
                {
                    "model": "crm.ticket",
                    "method": "action_customer_close",
                    "args": [[self.ticket_b.id]],
                    "kwargs": {},
                },
            )
        self.assertFalse(self.ticket_b.is_closed)

    def test_rating_only_with_the_token(self):
        self.ticket_a.write({"user_id": self.agent.id, "stage_id": self.stage_resolved.id})
        rating = self.ticket_a.rating_ids
        self.assertTrue(rating)
        self.authenticate("tck_portal_b", "tck_portal_b")
        response = self.url_open("/rate/not-a-token/1")
        self.assertNotEqual(response.status_code, 200)
        self.assertFalse(rating.consumed)
        self.url_open(f"/rate/{rating.access_token}/5")
        self._post(f"/rate/{rating.access_token}/submit_feedback", {"rate": 5, "feedback": "ok"})
        self.assertTrue(rating.consumed)
        self.assertEqual(self.ticket_a.rating_last_value, 5)

    def test_submit_ticket_with_attachment(self):
        self.authenticate("tck_portal_a", "tck_portal_a")
        response = self._post(
            "/my/tickets/new",
            {"name": "New printer problem", "description": "Paper jam\nagain"},
            files={"attachments": ("photo.jpg", b"jpgdata", "image/jpeg")},
        )
        ticket = self.env["crm.ticket"].search([("name", "=", "New printer problem")])
        self.assertEqual(ticket.partner_id, self.contact_a)
        self.assertEqual(ticket.channel, "portal")
        self.assertIn(ticket.number, response.text)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "crm.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(base64.b64decode(attachment.datas), b"jpgdata")
        self.assertEqual(ticket.customer_message_count, 1)

    def test_submit_refuses_foreign_serial_and_keeps_text(self):
        product = self.env["product.product"].create({"name": "Device", "is_storable": True})
        lot = self.env["stock.lot"].create({"name": "SN-FOREIGN", "product_id": product.id})
        self.authenticate("tck_portal_a", "tck_portal_a")
        response = self._post(
            "/my/tickets/new",
            {"name": "Serial question", "description": "Keep me", "lot_id": str(lot.id)},
        )
        self.assertFalse(self.env["crm.ticket"].search([("name", "=", "Serial question")]))
        self.assertIn("Keep me", response.text)

    def test_submit_without_subject_or_text_is_refused(self):
        self.authenticate("tck_portal_a", "tck_portal_a")
        count = self.env["crm.ticket"].search_count([])
        response = self._post("/my/tickets/new", {"name": "", "description": ""})
        self.assertIn("is-invalid", response.text)
        self.assertEqual(self.env["crm.ticket"].search_count([]), count)

    def test_huge_portal_attachment_is_refused_with_text_kept(self):
        self.env["ir.config_parameter"].sudo().set_param("crm_ticketing.max_attachment_mb", "0.001")
        self.authenticate("tck_portal_a", "tck_portal_a")
        response = self._post(
            "/my/tickets/new",
            {"name": "Big file", "description": "My long explanation"},
            files={"attachments": ("big.bin", b"0" * 5000, "application/octet-stream")},
        )
        self.assertIn("big.bin", response.text)
        self.assertIn("My long explanation", response.text)
        self.assertFalse(self.env["crm.ticket"].search([("name", "=", "Big file")]))

    def test_portal_html_description_is_escaped(self):
        self.authenticate("tck_portal_a", "tck_portal_a")
        self._post(
            "/my/tickets/new",
            {"name": "Script", "description": "<script>alert(1)</script>"},
        )
        ticket = self.env["crm.ticket"].search([("name", "=", "Script")])
        self.assertNotIn("<script", ticket.description)
        self.assertNotIn("<script", "".join(ticket.message_ids.mapped("body")))

    def test_home_counter_and_kb_votes(self):
        self.authenticate("tck_portal_a", "tck_portal_a")
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["ticket_count"]})
        self.assertEqual(counters["ticket_count"], 1)
        article = self.env["crm.ticket.article"].search([("name", "=", "Reset the device")])
        page = self.url_open("/my/kb?search=reset")
        self.assertIn("Reset the device", page.text)
        self._post(f"/my/kb/{article.id}/vote", {"helpful": "1"})
        self._post(f"/my/kb/{article.id}/vote", {"helpful": "1"})
        self.assertEqual(article.helpful_count, 1, "one vote per session")
        internal = self.env["crm.ticket.article"].create({"name": "Internal only"})
        self.assertTrue(self.url_open(f"/my/kb/{internal.id}").url.endswith("/my/kb"))

    def test_portal_tour(self):
        self.start_tour("/my/tickets", "crm_ticketing_portal_tour", login="tck_portal_a")
        ticket = self.env["crm.ticket"].search([("name", "=", "The screen stays black")])
        self.assertEqual(ticket.partner_id, self.contact_a)
        self.assertEqual(ticket.reopen_count, 1)

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    @classmethod
    def _serial_product(cls, name):
        return cls.env["product.product"].create(
            {"name": name, "is_storable": True, "tracking": "serial"}
        )

    @classmethod
    def _deliver(cls, partner, product, serials=()):
        """A done delivery of ``product`` (one unit per serial, else one unit) to
        ``partner``; returns the picking and the serial numbers."""
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        customers = cls.env.ref("stock.stock_location_customers")
        lots = cls.env["stock.lot"].create(
            [{"name": serial, "product_id": product.id} for serial in serials]
        )
        for lot in lots:
            cls.env["stock.quant"]._update_available_quantity(
                product, warehouse.lot_stock_id, 1, lot_id=lot
            )
        if not lots:
            cls.env["stock.quant"]._update_available_quantity(product, warehouse.lot_stock_id, 1)
        picking = cls.env["stock.picking"].create(
            {
                "partner_id": partner.id,
                "picking_type_id": warehouse.out_type_id.id,
                "location_id": warehouse.lot_stock_id.id,
                "location_dest_id": customers.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": len(lots) or 1,
                            "location_id": warehouse.lot_stock_id.id,
                            "location_dest_id": customers.id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.picked = True
        picking.button_validate()
        assert picking.state == "done", picking.state
        return picking, lots

    # ------------------------------------------------------------------
    # List: search and pagination
    # ------------------------------------------------------------------

    def test_search_in_messages_skips_internal_notes(self):
        self.ticket_a.with_user(self.agent).message_post(
            body="zirconinternal", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        self._customer_message(self.ticket_a, body="quartzpublic")
        self.authenticate("tck_portal_a", "tck_portal_a")
        for search_in in ("message", "all"):
            url = f"/my/tickets?filterby=all&search_in={search_in}&search="
            found = self.url_open(url + "quartzpublic")
            self.assertIn(self.ticket_a.number, found.text, search_in)
            hidden = self.url_open(url + "zirconinternal")
            self.assertEqual(hidden.status_code, 200)
            self.assertNotIn(self.ticket_a.number, hidden.text, f"internal note ({search_in})")

    def test_list_pagination(self):
        for index in range(24):
            self._ticket(name=f"Paged ticket {index:02d}", partner_id=self.contact_a.id)
        self._ticket(name="Paged ticket of Alborz", partner_id=self.contact_b.id)
        self.authenticate("tck_portal_a", "tck_portal_a")
        first = self.url_open("/my/tickets?filterby=all&sortby=number")
        rows = re.findall(r"o_portal_ticket_row", first.text)
        self.assertEqual(len(rows), 20, "20 tickets a page")
        self.assertIn("/my/tickets/page/2", first.text)
        self.assertNotIn("/my/tickets/page/3", first.text, "25 own tickets: two pages")
        second = self.url_open("/my/tickets/page/2?filterby=all&sortby=number")
        self.assertEqual(len(re.findall(r"o_portal_ticket_row", second.text)), 5)
        self.assertNotIn("Paged ticket of Alborz", first.text + second.text)
        shown = set(re.findall(r"Paged ticket \d\d|Own ticket of Arya", first.text + second.text))
        self.assertEqual(len(shown), 25, "each own ticket on exactly one of the pages")

    # ------------------------------------------------------------------
    # Ticket page and chatter
    # ------------------------------------------------------------------

    def test_ticket_page_shows_linked_invoice_and_delivery(self):
        product = self.env["product.product"].create({"name": "Toner", "list_price": 100})
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer_a.id,
                "invoice_date": date(2026, 3, 1),
                "invoice_line_ids": [(0, 0, {"product_id": product.id, "price_unit": 100})],
            }
        )
        invoice.action_post()
        storable = self.env["product.product"].create({"name": "Printer", "is_storable": True})
        picking, _lots = self._deliver(self.customer_a, storable)
        self.ticket_a.write({"invoice_id": invoice.id, "picking_id": picking.id})
        self.authenticate("tck_portal_a", "tck_portal_a")
        page = self.url_open(f"/my/tickets/{self.ticket_a.id}")
        self.assertIn(invoice.name, page.text)
        self.assertIn(f'href="{invoice.get_portal_url()}"'.replace("&", "&amp;"), page.text)
        self.assertIn(picking.name, page.text)

    def test_portal_reply_with_attachment_through_the_chatter(self):
        self.authenticate("tck_portal_a", "tck_portal_a")
        response = self.url_open(
            "/mail/attachment/upload",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "is_pending": True,
                "thread_id": self.ticket_a.id,
                "thread_model": "crm.ticket",
            },
            files={"ufile": ("error.png", b"pngdata", "image/png")},
        )
        self.assertEqual(response.status_code, 200)
        uploaded = json.loads(response.content)["data"]["ir.attachment"][0]
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "crm.ticket",
                "thread_id": self.ticket_a.id,
                "post_data": {
                    "body": "Photo of the error attached",
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_comment",
                    "attachment_ids": [uploaded["id"]],
                },
                "attachment_tokens": [uploaded["access_token"]],
            },
        )
        message = self.ticket_a.message_ids.filtered(
            lambda m: "Photo of the error" in (m.body or "")
        )
        self.assertEqual(message.author_id, self.contact_a)
        self.assertEqual(message.attachment_ids.mapped("name"), ["error.png"])
        self.assertEqual(base64.b64decode(message.attachment_ids.datas), b"pngdata")
        self.assertEqual(message.attachment_ids.res_id, self.ticket_a.id)
        self.assertEqual(self.ticket_a.customer_message_count, 1)

    def test_message_routes_refuse_another_customers_ticket(self):
        self._customer_message(self.ticket_b, body="alborzsecretmessage")
        self.authenticate("tck_portal_a", "tck_portal_a")
        for route, params in (
            ("/mail/chatter_fetch", {"thread_model": "crm.ticket", "thread_id": self.ticket_b.id}),
            (
                "/mail/thread/messages",
                {"thread_model": "crm.ticket", "thread_id": self.ticket_b.id},
            ),
            (
                "/mail/thread/data",
                {
                    "thread_model": "crm.ticket",
                    "thread_id": self.ticket_b.id,
                    "request_list": ["attachments", "followers"],
                },
            ),
        ):
            try:
                with mute_logger("odoo.http"):
                    result = self.make_jsonrpc_request(route, params)
            except JsonRpcException:
                continue
            self.assertNotIn("alborzsecretmessage", json.dumps(result), route)
            self.assertNotIn("Secret of Alborz", json.dumps(result), route)
        own = self.make_jsonrpc_request(
            "/mail/chatter_fetch", {"thread_model": "crm.ticket", "thread_id": self.ticket_a.id}
        )
        self.assertNotIn("alborzsecretmessage", json.dumps(own))

    def test_reverse_direction_portal_b_cannot_touch_portal_a_ticket(self):
        self.ticket_a.write({"user_id": self.agent.id, "stage_id": self.stage_resolved.id})
        rating = self.ticket_a.rating_ids
        self.assertTrue(rating)
        self.ticket_a.action_customer_reopen()
        self.assertFalse(self.ticket_a.is_closed)
        messages_before = len(self.ticket_a.message_ids)
        self.authenticate("tck_portal_b", "tck_portal_b")
        page = self.url_open(f"/my/tickets/{self.ticket_a.id}")
        self.assertNotIn(self.ticket_a.number, page.text)
        self.assertNotIn("Own ticket of Arya", page.text)
        listing = self.url_open("/my/tickets?filterby=all")
        self.assertIn(self.ticket_b.number, listing.text)
        self.assertNotIn(self.ticket_a.number, listing.text)
        self._post(f"/my/tickets/{self.ticket_a.id}/close")
        self.assertFalse(self.ticket_a.is_closed)
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                "/mail/message/post",
                {
                    "thread_model": "crm.ticket",
                    "thread_id": self.ticket_a.id,
                    "post_data": {"body": "spam from b", "message_type": "comment"},
                },
            )
        for method, args in (
            ("read", [[self.ticket_a.id], ["name"]]),
            ("action_customer_close", [[self.ticket_a.id]]),
            ("rating_apply", [[self.ticket_a.id], 1]),
        ):
            with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
                self.make_jsonrpc_request(
                    f"/web/dataset/call_kw/crm.ticket/{method}",
                    {"model": "crm.ticket", "method": method, "args": args, "kwargs": {}},
                )
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/rating.rating/write",
                {
                    "model": "rating.rating",
                    "method": "write",
                    "args": [rating.ids, {"rating": 1, "consumed": True}],
                    "kwargs": {},
                },
            )
        self.assertFalse(self.ticket_a.is_closed)
        self.assertFalse(rating.consumed)
        self.assertEqual(len(self.ticket_a.message_ids), messages_before)

    # ------------------------------------------------------------------
    # Knowledge base
    # ------------------------------------------------------------------

    def test_kb_vote_on_an_unpublished_article_redirects(self):
        internal = self.env["crm.ticket.article"].create({"name": "Internal only"})
        self.authenticate("tck_portal_a", "tck_portal_a")
        for article_id in (internal.id, 999999):
            response = self._post(f"/my/kb/{article_id}/vote", {"helpful": "1"})
            self.assertEqual(response.status_code, 200)
            self.assertTrue(response.url.endswith("/my/kb"), response.url)
        self.assertEqual(internal.helpful_count, 0)

    # ------------------------------------------------------------------
    # New ticket: products and serial numbers
    # ------------------------------------------------------------------

    def test_submit_with_own_serial_chosen_team_and_type(self):
        ticket_type = self.env["crm.ticket.type"].create({"name": "Repair request"})
        product = self._serial_product("Scanner")
        _picking, lots = self._deliver(self.customer_a, product, ["SN-ARYA-1", "SN-ARYA-2"])
        self.authenticate("tck_portal_a", "tck_portal_a")
        form = self.url_open("/my/tickets/new")
        self.assertIn("SN-ARYA-1", form.text, "the customer's serials are suggested")
        self.assertIn("Scanner", form.text)
        response = self._post(
            "/my/tickets/new",
            {
                "name": "Scanner makes noise",
                "description": "Since yesterday",
                "team_id": str(self.team_private.id),
                "type_id": str(ticket_type.id),
                "product_id": str(product.id),
                "lot_name": " sn-arya-2 ",
            },
        )
        ticket = self.env["crm.ticket"].search([("name", "=", "Scanner makes noise")])
        self.assertEqual(len(ticket), 1)
        self.assertIn(ticket.number, response.text)
        self.assertEqual(ticket.team_id, self.team_private)
        self.assertEqual(ticket.type_id, ticket_type)
        self.assertEqual(ticket.product_id, product)
        self.assertEqual(ticket.lot_id, lots[1])
        self.assertEqual(ticket.partner_id, self.contact_a)
        # the serial alone names its product
        self._post("/my/tickets/new", {"name": "Serial only", "lot_name": "SN-ARYA-1"})
        ticket = self.env["crm.ticket"].search([("name", "=", "Serial only")])
        self.assertEqual((ticket.lot_id, ticket.product_id), (lots[0], product))

    def test_submit_refuses_unknown_product_and_serial_of_another_product(self):
        scanner = self._serial_product("Scanner")
        printer = self._serial_product("Printer")
        self._deliver(self.customer_a, scanner, ["SN-SCAN-1"])
        self._deliver(self.customer_a, printer, ["SN-PRINT-1"])
        never_delivered = self.env["product.product"].create({"name": "Never delivered"})
        _picking, other_lots = self._deliver(self.customer_b, scanner, ["SN-ALBORZ-1"])
        self.authenticate("tck_portal_a", "tck_portal_a")
        cases = (
            ({"product_id": str(never_delivered.id)}, "was not delivered to you"),
            ({"product_id": "not-a-number"}, "was not delivered to you"),
            ({"product_id": str(printer.id), "lot_name": "SN-SCAN-1"}, "is not one of"),
            ({"lot_name": "SN-ALBORZ-1"}, "SN-ALBORZ-1 was not delivered to you"),
            ({"lot_name": "SN-TYPO"}, "SN-TYPO was not delivered to you"),
            ({"lot_id": str(other_lots.id)}, "was not delivered to you"),
        )
        for data, message in cases:
            response = self._post(
                "/my/tickets/new",
                {"name": "Refused request", "description": "Keep my words", **data},
            )
            self.assertFalse(
                self.env["crm.ticket"].search([("name", "=", "Refused request")]), data
            )
            self.assertIn(message, response.text, data)
            self.assertIn("Keep my words", response.text, data)
            self.assertIn("is-invalid", response.text, data)
            if data.get("lot_name"):
                self.assertIn(f'value="{data["lot_name"]}"', response.text, "serial kept")

    def test_submit_accepts_serials_older_than_the_suggestions(self):
        product = self._serial_product("Router")
        _picking, old = self._deliver(self.customer_a, product, ["SN-OLD"])
        _picking, new = self._deliver(self.customer_a, product, ["SN-NEW"])
        self.authenticate("tck_portal_a", "tck_portal_a")
        with patch.object(CrmTicketPortal, "_portal_choices", 1):
            form = self.url_open("/my/tickets/new")
            self.assertEqual(len(re.findall(r"SN-(OLD|NEW)", form.text)), 1, "one suggestion")
            for lot in old | new:
                self._post("/my/tickets/new", {"name": f"About {lot.name}", "lot_name": lot.name})
                ticket = self.env["crm.ticket"].search([("name", "=", f"About {lot.name}")])
                self.assertEqual(ticket.lot_id, lot)
