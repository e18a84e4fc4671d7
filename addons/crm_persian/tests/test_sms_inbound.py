# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""SMS received on a Kavenegar line, fetched from a real HTTP server on the loopback
interface that keeps an inbox as Kavenegar does (unread messages are handed over once)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CrmPersianCase

API_KEY = "INBOX-KEY-9"
LINE = "10004346"


class FakeInbox(BaseHTTPRequestHandler):
    """``/v1/<key>/sms/receive.json``: the unread messages of ``linenumber``, then none."""

    inbox = []
    requests = []
    status = 200

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        params = {key: values[0] for key, values in parse_qs(body).items()}
        path = urlsplit(self.path).path
        FakeInbox.requests.append({"path": path, "params": params})
        if f"/{API_KEY}/" not in path or FakeInbox.status != 200:
            status = FakeInbox.status if FakeInbox.status != 200 else 403
            payload = {"return": {"status": status, "message": "دسترسی غیرمجاز"}, "entries": None}
            code = status
        else:
            unread = [
                sms
                for sms in FakeInbox.inbox
                if sms["receptor"] == params.get("linenumber") and not sms.get("read")
            ]
            if params.get("isread") == "0":
                for sms in unread:
                    sms["read"] = True
            entries = [{k: v for k, v in sms.items() if k != "read"} for sms in unread]
            payload = {"return": {"status": 200, "message": "تایید شد"}, "entries": entries}
            code = 200
        data = json.dumps(payload).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _sms(message_id, sender, text, date=1764000000, receptor=LINE):
    return {
        "messageid": message_id,
        "message": text,
        "sender": sender,
        "receptor": receptor,
        "date": date,
    }


@tagged("post_install", "-at_install")
class TestSmsInbound(CrmPersianCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), FakeInbox)
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.addClassCleanup(cls.server.server_close)
        cls.addClassCleanup(cls.server.shutdown)
        cls.env["crm.sms.panel"].search([]).active = False
        # followers are notified of the replies by email
        cls.env.company.alias_domain_id = cls.env["mail.alias.domain"].create(
            {"name": "sms.example.ir", "bounce_alias": "bounce", "catchall_alias": "catchall"}
        )
        cls.team = cls.env["crm.team"].create({"name": "SMS desk", "user_id": cls.salesman.id})
        cls.panel = cls.env["crm.sms.panel"].create(
            {
                "name": "Kavenegar inbox",
                "provider": "kavenegar",
                "url": f"http://127.0.0.1:{cls.server.server_address[1]}/v1",
                "api_key": API_KEY,
                "sender": LINE,
                "timeout": 2,
                "receive_inbound": True,
                "inbound_team_id": cls.team.id,
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Reza Karimi", "mobile": "0912 345 6789", "country_id": cls.iran.id}
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Carpets for Reza",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
            }
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Mina Rahimi", "mobile": "+98 935 987 6512", "country_id": cls.iran.id}
        )

    def setUp(self):
        super().setUp()
        FakeInbox.inbox = []
        FakeInbox.requests = []
        FakeInbox.status = 200

    def _fetch(self):
        return self.env["crm.sms.panel"]._cron_fetch_inbound()

    def _inbound(self):
        return self.env["crm.sms.inbound"].search([("panel_id", "=", self.panel.id)])

    def test_reply_lands_on_the_open_lead_as_an_inbound_sms_touch(self):
        # the panel gives the sender in international digits; the lead's partner typed 0912…
        FakeInbox.inbox = [_sms(501, "989123456789", "بله، پیش‌فاکتور را بفرستید")]
        self._fetch()
        [request] = FakeInbox.requests
        self.assertTrue(request["path"].endswith(f"/{API_KEY}/sms/receive.json"))
        self.assertEqual(request["params"], {"linenumber": LINE, "isread": "0"})
        sms = self._inbound()
        self.assertEqual(sms.state, "assigned")
        self.assertEqual(sms.lead_id, self.lead)
        self.assertEqual(sms.number_e164, "+989123456789")
        message = sms.message_id
        self.assertEqual((message.model, message.res_id), ("crm.lead", self.lead.id))
        self.assertEqual(message.message_type, "sms")
        self.assertEqual(message.author_id, self.customer)
        self.assertIn("پیش‌فاکتور", message.body)
        touch = self.env["crm.touchpoint"].search(
            [("lead_id", "=", self.lead.id), ("res_model", "=", "mail.message")]
        )
        self.assertEqual((touch.channel, touch.direction), ("sms", "inbound"))
        self.assertEqual(str(sms.date), "2025-11-24 16:00:00", "Kavenegar's Unix time, in UTC")

    def test_sms_sent_from_the_chatter_stays_outbound(self):
        # by a salesman, and by OdooBot (an automated action or a scheduled action)
        self.lead.with_user(self.salesman).message_post(body="Offer attached", message_type="sms")
        self.lead.message_post(body="Reminder", message_type="sms")
        touches = self.env["crm.touchpoint"].search(
            [("lead_id", "=", self.lead.id), ("channel", "=", "sms")]
        )
        self.assertEqual(touches.mapped("direction"), ["outbound", "outbound"])

    def test_reply_of_a_contact_without_open_lead_goes_to_the_contact(self):
        FakeInbox.inbox = [_sms(502, "09359876512", "ممنون")]
        self._fetch()
        sms = self._inbound()
        self.assertFalse(sms.lead_id)
        self.assertEqual(sms.partner_id, self.contact)
        self.assertEqual(sms.message_id.model, "res.partner")
        touch = self.env["crm.touchpoint"].search([("partner_id", "=", self.contact.id)])
        self.assertEqual((touch.channel, touch.direction), ("sms", "inbound"))

    def test_unknown_number_becomes_a_lead_of_the_panel_team(self):
        FakeInbox.inbox = [
            _sms(503, "09191234567", "قیمت فرش ۱۲ متری؟"),
            _sms(504, "09191234567", "ممنون می‌شوم زودتر"),
        ]
        self._fetch()
        messages = self._inbound()
        self.assertEqual(len(messages), 2)
        lead = messages.lead_id
        self.assertEqual(len(lead), 1, "two SMS of one unknown number make one lead")
        self.assertEqual((lead.team_id, lead.user_id), (self.team, self.salesman))
        self.assertEqual(lead.phone_sanitized, "+989191234567")
        self.assertIn("09191234567", lead.name.replace(" ", ""))
        self.assertEqual(len(lead.message_ids.filtered(lambda m: m.message_type == "sms")), 2)
        self.assertFalse(messages.message_id.author_id, "not the user who ran the fetch")
        self.assertFalse(messages.message_id.filtered(lambda m: m.email_from))
        touches = self.env["crm.touchpoint"].search([("lead_id", "=", lead.id)])
        self.assertEqual(set(touches.mapped("channel")), {"sms"})
        self.assertEqual(set(touches.mapped("direction")), {"inbound"})

    def test_a_message_is_received_once(self):
        FakeInbox.inbox = [_sms(505, "09123456789", "سلام")]
        self._fetch()
        # the panel hands the same message over again (e.g. marked unread in its panel)
        FakeInbox.inbox[0]["read"] = False
        self._fetch()
        self.assertEqual(len(self._inbound()), 1)
        self.assertEqual(len(self.lead.message_ids.filtered(lambda m: m.message_type == "sms")), 1)

    def test_panel_error_creates_nothing_and_does_not_raise(self):
        FakeInbox.status = 403
        FakeInbox.inbox = [_sms(506, "09123456789", "سلام")]
        with self.assertLogs("odoo.addons.crm_persian.models.crm_sms_panel", "WARNING") as logs:
            self._fetch()
        self.assertIn("دسترسی غیرمجاز", logs.output[0])
        self.assertFalse(self._inbound())

    def test_panels_without_fetch_replies_are_not_asked(self):
        self.panel.receive_inbound = False
        FakeInbox.inbox = [_sms(507, "09123456789", "سلام")]
        self._fetch()
        self.assertFalse(FakeInbox.requests)

    def test_stored_message_that_could_not_be_posted_is_posted_later(self):
        stored = self.env["crm.sms.inbound"]._store_entries(
            self.panel,
            [{"message_id": "508", "number": "09123456789", "body": "سلام", "line": LINE}],
        )
        self.assertEqual(stored.state, "received")
        self._fetch()
        self.assertEqual(stored.state, "assigned")
        self.assertEqual(stored.lead_id, self.lead)

    def test_sms_reply_counts_in_lead_scoring(self):
        rule = self.env["crm.scoring.rule"].create(
            {
                "name": "Replied by SMS",
                "rule_type": "engagement",
                "channel": "sms",
                "direction": "inbound",
                "points": 15,
            }
        )
        Line = self.env["crm.lead.score.line"]
        domain = [("lead_id", "=", self.lead.id), ("rule_id", "=", rule.id)]
        self.assertFalse(Line.search(domain))
        FakeInbox.inbox = [_sms(509, "+989123456789", "بله")]
        self._fetch()
        line = Line.search(domain)
        self.assertEqual(line.points, 15.0, "the reply is in the lead's score breakdown")

    def test_only_managers_see_received_sms(self):
        FakeInbox.inbox = [_sms(510, "09123456789", "سلام")]
        self._fetch()
        Inbound = self.env["crm.sms.inbound"]
        self.assertEqual(len(Inbound.with_user(self.sales_manager).search([])), 1)
        with self.assertRaises(AccessError):
            Inbound.with_user(self.salesman).search([])
        # the salesman reads the reply where he works: in the lead's chatter
        messages = self.lead.with_user(self.salesman).message_ids
        self.assertIn("sms", messages.mapped("message_type"))
