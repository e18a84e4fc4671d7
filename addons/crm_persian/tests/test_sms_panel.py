# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The SMS panels talk to a real HTTP server started on the loopback interface."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import CrmPersianCase

OK = "09120000001"
NO_CREDIT = "09120000002"
SERVER_DOWN = "09120000003"
SLOW = "09120000004"
BLOCKED = "09120000005"
API_KEY = "TEST-KEY-123"


def _kavenegar(status, message, entries=None):
    return {"return": {"status": status, "message": message}, "entries": entries}


class FakePanel(BaseHTTPRequestHandler):
    """Answers like Kavenegar (``/v1/<key>/sms/send.json``, ``status.json``) and like a
    generic panel (``/generic/send``), depending on the receptor."""

    requests = []

    def log_message(self, *args):  # keep the test log clean
        pass

    def _params(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        if self.headers.get("Content-Type", "").startswith("application/json"):
            params = json.loads(body or "{}")
        else:
            params = {key: values[0] for key, values in parse_qs(body).items()}
        query = {key: values[0] for key, values in parse_qs(urlsplit(self.path).query).items()}
        return {**query, **params}

    def _answer(self, code, payload, content_type="application/json"):
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        try:
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up waiting (timeout test)

    def do_GET(self):
        self._handle()

    def do_POST(self):
        self._handle()

    def _handle(self):
        path = urlsplit(self.path).path
        params = self._params()
        FakePanel.requests.append({"method": self.command, "path": path, "params": params})
        if path.endswith("/sms/status.json"):
            ids = params["messageid"].split(",")
            entries = [{"messageid": int(i), "status": 10 if i == "1001" else 11} for i in ids]
            return self._answer(200, _kavenegar(200, "تایید شد", entries))
        if path.startswith("/v1/") and f"/{API_KEY}/" not in path:
            return self._answer(403, _kavenegar(403, "کلید API نامعتبر است"))
        receptors = (params.get("receptor") or params.get("to") or "").split(",")
        if SLOW in receptors:
            time.sleep(2)
        if NO_CREDIT in receptors:
            return self._answer(418, _kavenegar(418, "اعتبار حساب شما کافی نیست"))
        if SERVER_DOWN in receptors:
            return self._answer(502, b"Bad Gateway", "text/plain")
        if path.startswith("/generic"):
            return self._answer(200, {"ok": "yes", "id": "G-77"})
        entries = [
            {
                "messageid": 1001 + index,
                "receptor": receptor,
                "status": 14 if receptor == BLOCKED else 1,
                "statustext": "مسدود شده" if receptor == BLOCKED else "در صف ارسال",
            }
            for index, receptor in enumerate(receptors)
        ]
        return self._answer(200, _kavenegar(200, "تایید شد", entries))


@tagged("post_install", "-at_install")
class TestSmsPanel(CrmPersianCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), FakePanel)
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.addClassCleanup(cls.server.server_close)
        cls.addClassCleanup(cls.server.shutdown)
        cls.base_url = f"http://127.0.0.1:{cls.server.server_address[1]}"
        cls.env["crm.sms.panel"].search([]).active = False
        cls.panel = (
            cls.env["crm.sms.panel"]
            .with_user(cls.sales_manager)
            .create(
                {
                    "name": "Kavenegar test",
                    "provider": "kavenegar",
                    "url": f"{cls.base_url}/v1",
                    "api_key": API_KEY,
                    "sender": "10004346",
                    "timeout": 1,
                }
            )
        )

    def setUp(self):
        super().setUp()
        FakePanel.requests.clear()

    def _sms(self, number, body="سلام"):
        return self.env["sms.sms"].sudo().create({"number": number, "body": body})

    def test_accepted_sms_is_sent_with_panel_id(self):
        sms = self._sms("۰۹۱۲ ۰۰۰ ۰۰۰۱", "کد تخفیف شما: ۱۲۳")
        sms.send(unlink_sent=False)
        self.assertEqual(sms.state, "pending")
        self.assertFalse(sms.failure_type)
        self.assertEqual(sms.panel_message_id, "1001")
        self.assertEqual(len(FakePanel.requests), 1)
        request = FakePanel.requests[0]
        self.assertEqual(request["method"], "POST")
        self.assertEqual(request["path"], f"/v1/{API_KEY}/sms/send.json")
        self.assertEqual(
            request["params"],
            {"receptor": OK, "sender": "10004346", "message": "کد تخفیف شما: ۱۲۳"},
        )

    def test_same_text_to_many_recipients_is_one_request(self):
        numbers = [OK, "09120000006", BLOCKED]
        batch = (
            self.env["sms.sms"]
            .sudo()
            .create(
                [{"number": number, "body": "حراج پاییزه"} for number in numbers]
                + [{"number": OK, "body": "متن دیگر"}]
            )
        )
        batch.send(unlink_sent=False, unlink_failed=False)
        self.assertEqual(len(FakePanel.requests), 2)
        self.assertEqual(FakePanel.requests[0]["params"]["receptor"], ",".join(numbers))
        self.assertEqual(batch.mapped("state"), ["pending", "pending", "error", "pending"])
        self.assertEqual(batch[:2].mapped("panel_message_id"), ["1001", "1002"])
        self.assertEqual(batch[2].failure_type, "unknown")
        self.assertEqual(batch[2].panel_error, "مسدود شده")

    def test_panel_error_maps_to_failure_type_with_its_text(self):
        sms = self._sms(NO_CREDIT)
        sms.send(unlink_failed=False)
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.failure_type, "sms_credit")
        self.assertIn("اعتبار حساب شما کافی نیست", sms.panel_error)
        self.assertIn("418", sms.panel_error)

    def test_wrong_api_key_is_an_account_error(self):
        self.panel.sudo().api_key = "WRONG"
        sms = self._sms(OK)
        sms.send()
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.failure_type, "sms_acc")
        self.assertIn("کلید API نامعتبر است", sms.panel_error)

    def test_http_error_is_a_server_error(self):
        sms = self._sms(SERVER_DOWN)
        sms.send()
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.failure_type, "sms_server")
        self.assertIn("502", sms.panel_error)
        self.assertIn("Bad Gateway", sms.panel_error)

    def test_timeout_is_a_server_error_and_nothing_is_marked_sent(self):
        sms = self._sms(SLOW)
        sms.send()
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.failure_type, "sms_server")
        self.assertIn("1 seconds", sms.panel_error)
        again = self._sms(SLOW)
        with self.assertRaises(UserError):
            again.send(raise_exception=True)
        self.assertEqual(again.state, "outgoing")

    def test_invalid_number_is_not_sent(self):
        sms = self._sms("12")
        sms.send()
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.failure_type, "sms_number_format")
        self.assertFalse(FakePanel.requests)

    def test_chatter_sms_updates_notification_and_touchpoint(self):
        partner = self.env["res.partner"].create({"name": "مشتری پیامکی", "mobile": OK})
        partner.with_user(self.salesman)._message_sms("یادآوری جلسه", partner_ids=partner.ids)
        self.env["sms.sms"].sudo().search([("number", "=", partner.phone_sanitized)]).send(
            unlink_sent=False
        )
        notification = self.env["mail.notification"].search(
            [("res_partner_id", "=", partner.id), ("notification_type", "=", "sms")]
        )
        self.assertEqual(notification.notification_status, "pending")
        touchpoints = self.env["crm.touchpoint"].search(
            [("partner_id", "=", partner.id), ("channel", "=", "sms")]
        )
        self.assertEqual(len(touchpoints), 1)
        self.assertEqual(touchpoints.direction, "outbound")
        tracker = self.env["sms.tracker"].search([("mail_notification_id", "=", notification.id)])
        self.assertEqual(tracker.panel_message_id, "1001")
        # delivery report polled from the panel's status service
        self.env["crm.sms.panel"]._cron_poll_delivery()
        self.assertEqual(notification.notification_status, "sent")
        self.assertTrue(tracker.panel_delivery_final)
        self.assertTrue(any(r["path"].endswith("/sms/status.json") for r in FakePanel.requests))

    def test_failed_chatter_sms_keeps_panel_reason(self):
        partner = self.env["res.partner"].create({"name": "بی‌اعتبار", "mobile": NO_CREDIT})
        partner._message_sms("پیام", partner_ids=partner.ids)
        self.env["sms.sms"].sudo().search([("number", "=", partner.phone_sanitized)]).send()
        notification = self.env["mail.notification"].search(
            [("res_partner_id", "=", partner.id), ("notification_type", "=", "sms")]
        )
        self.assertEqual(notification.notification_status, "exception")
        self.assertEqual(notification.failure_type, "sms_credit")
        self.assertIn("اعتبار", notification.failure_reason)
        self.assertFalse(
            self.env["crm.touchpoint"].search(
                [("partner_id", "=", partner.id), ("channel", "=", "sms")]
            )
        )

    def test_generic_panel_with_get_and_success_path(self):
        self.panel.active = False
        generic = self.env["crm.sms.panel"].create(
            {
                "name": "Generic",
                "provider": "generic",
                "url": f"{self.base_url}/generic/send",
                "http_method": "get",
                "param_receptor": "to",
                "param_message": "text",
                "param_sender": "from",
                "param_api_key": "token",
                "api_key": "SECRET",
                "sender": "3000",
                "number_format": "e164",
                "success_path": "ok",
                "success_value": "yes",
                "message_id_path": "id",
            }
        )
        sms = self._sms("09121234567", "hello")
        sms.send(unlink_sent=False)
        self.assertEqual(sms.state, "pending")
        self.assertEqual(sms.panel_id, generic)
        self.assertEqual(sms.panel_message_id, "G-77")
        self.assertEqual(
            FakePanel.requests[0]["params"],
            {"to": "+989121234567", "text": "hello", "from": "3000", "token": "SECRET"},
        )
        generic.success_value = "no"
        refused = self._sms("09121234567", "hello")
        refused.send()
        self.assertEqual(refused.state, "error")
        self.assertEqual(refused.failure_type, "unknown")

    def test_each_company_sends_through_its_own_panel(self):
        """The queue is sent by the cron user; each SMS goes through its own company's panel."""
        other = self.env["res.company"].create({"name": "شرکت دوم"})
        self.panel.company_id = self.company
        self.panel.copy({"name": "Kavenegar second company", "company_id": other.id}).write(
            {"api_key": API_KEY, "sender": "20002000"}
        )
        here = self.env["res.partner"].create({"name": "مشتری اول", "mobile": OK})
        there = self.env["res.partner"].create(
            {"name": "مشتری دوم", "mobile": "09120000006", "company_id": other.id}
        )
        # posted on a document of the second company, not posted on anything, logged in batch
        there._message_sms("از شرکت دوم", partner_ids=there.ids, put_in_queue=True)
        here._message_sms("از شرکت اول", partner_ids=here.ids, put_in_queue=True)
        unposted = self._sms("09120000007", "بی‌سند")
        unposted.partner_id = there
        logged = self._sms("09120000008", "ثبت گروهی")
        logged.mail_message_id = there._message_log_batch(bodies={there.id: "ثبت گروهی"})
        self.assertFalse(logged.mail_message_id.record_company_id)
        queue = self.env["sms.sms"].sudo().search([("state", "=", "outgoing")])
        self.assertEqual(self.env.company, self.company)
        queue.send(unlink_sent=False)
        senders = {
            request["params"]["message"]: request["params"]["sender"]
            for request in FakePanel.requests
        }
        self.assertEqual(
            senders,
            {
                "از شرکت دوم": "20002000",
                "از شرکت اول": "10004346",
                "بی‌سند": "20002000",
                "ثبت گروهی": "20002000",
            },
        )
        self.assertEqual(set(queue.mapped("state")), {"pending"})

    def test_without_panel_odoo_service_is_used(self):
        self.panel.active = False
        self.assertFalse(self.env["crm.sms.panel"]._get_for_company(self.env.company))

    def test_only_managers_configure_panels(self):
        with self.assertRaises(AccessError):
            self.env["crm.sms.panel"].with_user(self.salesman).search([])
        with self.assertRaises(AccessError):
            self.env["crm.sms.panel"].with_user(self.salesman).create(
                {"name": "x", "url": "https://a.example"}
            )
        self.assertEqual(self.panel.with_user(self.sales_manager).api_key, API_KEY)
        self.assertIn("base.group_system", self.env["crm.sms.panel"]._fields["api_key"].groups)

    def test_url_must_be_https(self):
        with self.assertRaisesRegex(ValidationError, "https://"):
            self.env["crm.sms.panel"].create(
                {"name": "Plain", "url": "http://sms.example.com/send"}
            )
        self.env["crm.sms.panel"].create({"name": "Secure", "url": "https://sms.example.com/send"})


@tagged("post_install", "-at_install")
class TestKavenegarDeliveryReport(HttpCase):
    def setUp(self):
        super().setUp()
        self.env["crm.sms.panel"].search([]).active = False
        self.panel = self.env["crm.sms.panel"].create({"name": "Kavenegar", "api_key": "K"})
        partners = self.env["res.partner"].create(
            [{"name": "گیرنده ۱", "mobile": "09121234567"}, {"name": "گیرنده ۲"}]
        )
        message = partners[0].message_post(body="سلام", message_type="sms")
        self.notifications = self.env["mail.notification"].create(
            [
                {
                    "mail_message_id": message.id,
                    "res_partner_id": partner.id,
                    "notification_type": "sms",
                    "notification_status": "pending",
                }
                for partner in partners
            ]
        )
        self.trackers = self.env["sms.tracker"].create(
            [
                {
                    "sms_uuid": f"uuid-{index}",
                    "mail_notification_id": notification.id,
                    "panel_id": self.panel.id,
                    "panel_message_id": str(555 + index),
                }
                for index, notification in enumerate(self.notifications)
            ]
        )

    def test_pushed_report_updates_notifications(self):
        self.assertIn(self.panel.delivery_token, self.panel.delivery_url)
        response = self.url_open(
            f"/crm_persian/sms/kavenegar/{self.panel.delivery_token}",
            data={"messageid": "555,556", "status": "10,11"},
        )
        self.assertEqual(response.status_code, 200)
        delivered, failed = self.notifications
        self.assertEqual(delivered.notification_status, "sent")
        self.assertEqual(failed.notification_status, "exception")
        self.assertEqual(failed.failure_type, "sms_not_delivered")
        self.assertTrue(all(self.trackers.mapped("panel_delivery_final")))

    def test_intermediate_and_unknown_statuses(self):
        """Kavenegar states 1, 2, 4, 5 are not final; 100 (unknown message ID) stops the
        polling without changing the notification."""
        queued, unknown = self.trackers
        for status in (1, 2, 4, 5):
            queued._apply_panel_statuses({"555": status})
            self.assertFalse(queued.panel_delivery_final, status)
        unknown._apply_panel_statuses({"556": 100})
        self.assertTrue(unknown.panel_delivery_final)
        self.assertEqual(self.notifications.mapped("notification_status"), ["pending"] * 2)
        waiting = self.env["sms.tracker"].search(
            [("id", "in", self.trackers.ids), ("panel_delivery_final", "=", False)]
        )
        self.assertEqual(waiting, queued)

    def test_unknown_token_is_refused(self):
        response = self.url_open(
            "/crm_persian/sms/kavenegar/not-the-token", data={"messageid": "555", "status": "10"}
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.notifications[0].notification_status, "pending")
        old = self.panel.delivery_token
        self.panel.action_renew_delivery_token()
        self.assertNotEqual(self.panel.delivery_token, old)
