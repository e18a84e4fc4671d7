# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Iranian SMS panels: the HTTP services that deliver Odoo's SMS in Iran."""

import logging
import secrets
import threading
from datetime import datetime, timezone
from urllib.parse import urlsplit

import psycopg2
import requests

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import phone as phone_tools

_logger = logging.getLogger(__name__)

KAVENEGAR_URL = "https://api.kavenegar.com/v1"
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")

# Kavenegar "return.status" codes (https://kavenegar.com/rest.html) → Odoo SMS failure types
KAVENEGAR_FAILURES = {
    401: "sms_acc",  # account deactivated
    403: "sms_acc",  # invalid API key
    407: "sms_acc",  # access denied (IP or permissions)
    412: "sms_acc",  # sender line invalid or not owned
    416: "sms_acc",  # caller IP not allowed
    418: "sms_credit",  # insufficient credit
    411: "sms_number_format",  # receptor invalid
    409: "sms_server",  # server unable to answer
    424: "unknown",
}
# Kavenegar message states ("status" of send.json and status.json entries and of delivery
# reports), as Kavenegar's own SDK names them (github.com/kavenegar/kavenegar-go, message.go
# MessageStatusType): 1 queued, 2 scheduled, 4 sent to the telecom centre, 5 sent to the
# operator, 6 failed, 10 delivered, 11 undelivered, 13 cancelled, 14 filtered (blocked),
# 50 received (incoming SMS), 100 incorrect (unknown message ID).
KAVENEGAR_ACCEPTED = {1, 2, 4, 5}  # queued, scheduled, sent to the centre or operator
KAVENEGAR_DELIVERED = 10
KAVENEGAR_FAILED = {6: "not_delivered", 11: "not_delivered", 13: "not_delivered", 14: "rejected"}
KAVENEGAR_UNKNOWN_ID = 100  # Kavenegar does not know the message: no report will come
KAVENEGAR_BATCH = 200  # receptors per send.json request (Kavenegar's limit)


def _json_path(data, path):
    """Value at dotted ``path`` of decoded JSON ``data`` (``entries.0.messageid``), or None."""
    for part in (path or "").split("."):
        if not part:
            continue
        if isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        elif isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return None
    return data


class CrmSmsPanel(models.Model):
    """An SMS panel account. When a panel is active for the current company, every SMS that
    Odoo sends (chatter, templates, marketing, automated actions) goes through it instead of
    Odoo's IAP service (see ``sms.sms._send``)."""

    _name = "crm.sms.panel"
    _description = "SMS Panel"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=False)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Company whose SMS go through this panel; empty for every company.",
    )
    provider = fields.Selection(
        [("kavenegar", "Kavenegar"), ("generic", "Generic HTTP panel")],
        required=True,
        default="kavenegar",
        help="Kavenegar uses its REST API; a generic panel is described by its URL, method "
        "and parameter names.",
    )
    url = fields.Char(
        "API URL",
        required=True,
        default=KAVENEGAR_URL,
        help="Kavenegar: the API base address (the API key and /sms/send.json are added). "
        "Generic panel: the full send address. HTTPS is required.",
    )
    http_method = fields.Selection(
        [("get", "GET"), ("post", "POST")], "HTTP Method", required=True, default="post"
    )
    payload_format = fields.Selection(
        [("form", "Form fields"), ("json", "JSON body")],
        required=True,
        default="form",
        help="How POST parameters are sent (GET always uses the query string).",
    )
    param_receptor = fields.Char("Receptor Parameter", default="receptor", required=True)
    param_message = fields.Char("Message Parameter", default="message", required=True)
    param_sender = fields.Char("Sender Parameter", default="sender")
    param_api_key = fields.Char(
        "API Key Parameter",
        default="apikey",
        help="Generic panel: name of the parameter carrying the API key (empty: none).",
    )
    api_key = fields.Char(
        "API Key",
        groups="base.group_system,sales_team.group_sale_manager",
        copy=False,
        help="Secret key of the panel account.",
    )
    sender = fields.Char(
        "Sender Line",
        help="The panel's line number the SMS are sent from (e.g. 10004346).",
    )
    timeout = fields.Integer(
        "Timeout (seconds)",
        default=10,
        required=True,
        help="How long to wait for the panel; an SMS the panel did not accept in time is "
        "marked as failed (server error) and can be resent.",
    )
    number_format = fields.Selection(
        [
            ("national", "National (09121234567)"),
            ("e164", "International with + (+989121234567)"),
            ("digits", "International digits (989121234567)"),
        ],
        required=True,
        default="national",
        help="How the recipient number is written for the panel.",
    )
    success_path = fields.Char(
        help="Generic panel: dotted path, in the JSON answer, of the field telling whether "
        "the panel accepted the SMS (e.g. return.status); empty: any HTTP 2xx answer counts.",
    )
    success_value = fields.Char(
        help="Generic panel: value of that field when the SMS is accepted (e.g. 200)."
    )
    message_id_path = fields.Char(
        "Message ID Path",
        help="Generic panel: dotted path of the panel's message identifier (e.g. "
        "entries.0.messageid).",
    )
    error_path = fields.Char(
        help="Generic panel: dotted path of the panel's error text (e.g. return.message)."
    )
    delivery_token = fields.Char(
        default=lambda self: secrets.token_urlsafe(24),
        copy=False,
        groups="base.group_system,sales_team.group_sale_manager",
        help="Secret part of the delivery report address given to Kavenegar.",
    )
    delivery_url = fields.Char(
        "Delivery Report URL",
        compute="_compute_delivery_url",
        groups="base.group_system,sales_team.group_sale_manager",
        help="Kavenegar: paste this address as the delivery report (callback) address in the "
        "Kavenegar panel, so that Odoo learns at once which SMS were delivered.",
    )
    poll_delivery = fields.Boolean(
        "Poll Delivery Reports",
        default=True,
        help="Kavenegar: ask the panel for the delivery status of sent SMS (scheduled "
        "action), so that Odoo shows 'Delivered' or the delivery failure.",
    )

    receive_inbound = fields.Boolean(
        "Fetch Replies",
        help="Kavenegar: bring the SMS that customers send to the receiving line into Odoo "
        "(scheduled action): each one is posted on the sender's open lead, else on the "
        "contact with that number, else on a new lead.",
    )
    receive_line = fields.Char(
        "Receiving Line",
        help="The panel line whose received SMS are fetched; empty: the sender line.",
    )
    inbound_team_id = fields.Many2one(
        "crm.team",
        "Team for New Leads",
        help="Sales team (and its leader) of the leads created for SMS from unknown numbers.",
    )
    inbound_count = fields.Integer("Received SMS", compute="_compute_inbound_count")

    def _compute_inbound_count(self):
        counts = dict(
            self.env["crm.sms.inbound"]._read_group(
                [("panel_id", "in", self.ids)], ["panel_id"], ["__count"]
            )
        )
        for panel in self:
            panel.inbound_count = counts.get(panel, 0)

    @api.depends("delivery_token", "provider")
    def _compute_delivery_url(self):
        base_url = self.get_base_url() if self else ""
        for panel in self:
            panel.delivery_url = (
                f"{base_url}/crm_persian/sms/kavenegar/{panel.delivery_token}"
                if panel.provider == "kavenegar" and panel.delivery_token
                else False
            )

    def action_renew_delivery_token(self):
        """Give the panel a new delivery report address (the old one stops working)."""
        for panel in self:
            panel.delivery_token = secrets.token_urlsafe(24)

    @api.constrains("url")
    def _check_url(self):
        for panel in self:
            parts = urlsplit(panel.url or "")
            if parts.scheme == "https" and parts.hostname:
                continue
            if parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS:
                continue  # a panel proxy or a test server on this machine
            raise ValidationError(
                _(
                    "The address of the SMS panel “%(panel)s” must start with https:// "
                    "(the API key travels with every request).",
                    panel=panel.name,
                )
            )

    @api.constrains("timeout")
    def _check_timeout(self):
        if any(panel.timeout <= 0 or panel.timeout > 120 for panel in self):
            raise ValidationError(_("The panel timeout must be between 1 and 120 seconds."))

    @api.onchange("provider")
    def _onchange_provider(self):
        if self.provider == "kavenegar":
            self.url = KAVENEGAR_URL
            self.http_method = "post"
            self.param_receptor, self.param_message, self.param_sender = (
                "receptor",
                "message",
                "sender",
            )

    @api.model
    def _get_for_company(self, company):
        """The active panel serving ``company`` (its own before a shared one), if any."""
        panels = self.search([("company_id", "in", [company.id, False])], order="sequence, id")
        return (panels.filtered("company_id") or panels)[:1]

    # ------------------------------------------------------------------ sending
    def _receptor(self, number):
        """The recipient as the panel expects it; raises tools.phone.InvalidPhone."""
        self.ensure_one()
        parsed = phone_tools.parse(number)
        if self.number_format == "e164":
            return parsed.e164
        if self.number_format == "digits" or parsed.region != phone_tools.REGION:
            return parsed.e164.lstrip("+")
        return phone_tools.clean(parsed.national)

    def _http(self, url, params):
        """Call the panel; returns (response or None, error text or None)."""
        self.ensure_one()
        kwargs = {"headers": {"Accept": "application/json"}}
        if self.http_method == "get":
            kwargs["params"] = params
        elif self.payload_format == "json":
            kwargs["json"] = params
        else:
            kwargs["data"] = params
        try:
            response = requests.request(
                self.http_method.upper(), url, timeout=self.timeout, **kwargs
            )
            return response, None
        except requests.Timeout:
            return None, _(
                "The SMS panel did not answer within %(seconds)s seconds.", seconds=self.timeout
            )
        except requests.RequestException as error:
            return None, _("The SMS panel could not be reached: %(error)s", error=error)

    @staticmethod
    def _decode(response):
        try:
            return response.json()
        except ValueError:
            return None

    def _send_message(self, number, body):
        """Send one SMS. Returns a dict: ``accepted`` (bool), ``message_id``, ``failure_type``
        (an ``sms.sms`` failure type), ``error`` (the panel's text) and ``unreachable``
        (True when the panel did not answer: nothing is known to have been sent)."""
        return self._send_messages([(0, number, body)])[0]

    def _send_messages(self, messages):
        """Send ``messages``, a list of ``(key, number, body)``; returns ``{key: outcome}``
        (see :meth:`_send_message`). Kavenegar receives the recipients of a same text in one
        request (up to ``KAVENEGAR_BATCH`` of them); a generic panel one request per SMS."""
        self.ensure_one()
        outcomes, valid = {}, []
        for key, number, body in messages:
            try:
                valid.append((key, self._receptor(number), body or ""))
            except phone_tools.InvalidPhone:
                outcomes[key] = {
                    "accepted": False,
                    "failure_type": "sms_number_format",
                    "error": _("“%(number)s” is not a valid phone number.", number=number or ""),
                }
        if self.provider != "kavenegar":
            for key, receptor, body in valid:
                outcomes[key] = self._generic_send(receptor, body)
            return outcomes
        by_body = {}
        for key, receptor, body in valid:
            by_body.setdefault(body, []).append((key, receptor))
        for body, recipients in by_body.items():
            for start in range(0, len(recipients), KAVENEGAR_BATCH):
                chunk = recipients[start : start + KAVENEGAR_BATCH]
                outcomes.update(self._kavenegar_send(chunk, body))
        return outcomes

    def _generic_send(self, receptor, body):
        sudo = self.sudo()
        params = {self.param_receptor: receptor, self.param_message: body}
        if self.param_sender and self.sender:
            params[self.param_sender] = self.sender
        if self.param_api_key and sudo.api_key:
            params[self.param_api_key] = sudo.api_key
        response, error = self._http(self.url, params)
        if response is None:
            return self._unreachable(error)
        return self._generic_outcome(response, self._decode(response))

    @staticmethod
    def _unreachable(error):
        return {
            "accepted": False,
            "unreachable": True,
            "failure_type": "sms_server",
            "error": error,
        }

    def _kavenegar_send(self, recipients, body):
        """One ``send.json`` request for ``recipients`` (``[(key, receptor)]``) of ``body``."""
        url = f"{self.url.rstrip('/')}/{self.sudo().api_key or ''}/sms/send.json"
        params = {"receptor": ",".join(receptor for _key, receptor in recipients), "message": body}
        if self.sender:
            params["sender"] = self.sender
        response, error = self._http(url, params)
        if response is None:
            return {key: self._unreachable(error) for key, _receptor in recipients}
        data = self._decode(response)
        status = _json_path(data, "return.status")
        if not (response.ok and status == 200):
            if isinstance(status, int):
                failure_type = KAVENEGAR_FAILURES.get(status, "unknown")
            else:
                failure_type = "sms_server" if response.status_code >= 500 else "unknown"
            failure = {
                "accepted": False,
                "failure_type": failure_type,
                "error": self._error_text(response, _json_path(data, "return.message"), status),
            }
            return {key: dict(failure) for key, _receptor in recipients}
        entries = _json_path(data, "entries") or []
        outcomes = {}
        # Kavenegar answers one entry per receptor, in the order they were sent
        for index, (key, _receptor) in enumerate(recipients):
            entry = entries[index] if index < len(entries) else None
            entry_status = entry.get("status") if isinstance(entry, dict) else None
            if isinstance(entry, dict) and entry_status in KAVENEGAR_ACCEPTED:
                outcomes[key] = {"accepted": True, "message_id": str(entry.get("messageid") or "")}
            else:
                text = entry.get("statustext") if isinstance(entry, dict) else None
                outcomes[key] = {
                    "accepted": False,
                    "failure_type": "unknown",
                    "error": text or _("Rejected by the SMS panel."),
                }
        return outcomes

    def _generic_outcome(self, response, data):
        accepted = response.ok
        if accepted and self.success_path:
            value = _json_path(data, self.success_path)
            accepted = value is not None and str(value) == (self.success_value or "")
        if accepted:
            message_id = _json_path(data, self.message_id_path) if self.message_id_path else None
            return {"accepted": True, "message_id": str(message_id or "")}
        text = _json_path(data, self.error_path) if self.error_path else None
        if response.status_code >= 500:
            failure_type = "sms_server"
        elif response.status_code in (401, 403):
            failure_type = "sms_acc"
        elif response.status_code == 402:
            failure_type = "sms_credit"
        else:
            failure_type = "unknown"
        return {
            "accepted": False,
            "failure_type": failure_type,
            "error": self._error_text(response, text),
        }

    @staticmethod
    def _error_text(response, text=None, status=None):
        if not text:
            text = (response.text or "").strip()[:300] or response.reason or ""
        code = status if status not in (None, response.status_code) else None
        prefix = f"HTTP {response.status_code}" + (f" / {code}" if code else "")
        return f"{prefix}: {text}" if text else prefix

    # ------------------------------------------------------------------ delivery reports
    def _kavenegar_statuses(self, message_ids):
        """{message id: Kavenegar status} for ``message_ids`` (empty on any panel error)."""
        self.ensure_one()
        url = f"{self.url.rstrip('/')}/{self.sudo().api_key or ''}/sms/status.json"
        response, error = self._http(url, {"messageid": ",".join(message_ids)})
        data = self._decode(response) if response is not None else None
        if error or not response.ok or _json_path(data, "return.status") != 200:
            _logger.info("SMS panel %s: status request failed: %s", self.name, error or data)
            return {}
        return {
            str(entry.get("messageid")): entry.get("status")
            for entry in (_json_path(data, "entries") or [])
            if isinstance(entry, dict)
        }

    @api.model
    def _cron_poll_delivery(self, batch_size=200):
        """Update SMS notifications (sent → delivered or failed) from Kavenegar's status
        service. Safe to run twice: only trackers still waiting for a final status are read."""
        trackers = self.env["sms.tracker"].search(
            [
                ("panel_message_id", "!=", False),
                ("panel_delivery_final", "=", False),
                ("panel_id.provider", "=", "kavenegar"),
                ("panel_id.poll_delivery", "=", True),
            ],
            limit=batch_size * 10,
        )
        done = 0
        for panel, panel_trackers in trackers.grouped("panel_id").items():
            for start in range(0, len(panel_trackers), batch_size):
                batch = panel_trackers[start : start + batch_size]
                statuses = panel._kavenegar_statuses(batch.mapped("panel_message_id"))
                batch._apply_panel_statuses(statuses)
                done += len(batch)
        self.env["ir.cron"]._notify_progress(done=done, remaining=0)

    # ------------------------------------------------------------------ received SMS
    def _kavenegar_receive(self):
        """The unread SMS of the receiving line, as ``_store_entries`` dicts; Kavenegar marks
        them read once given. Returns None when the panel answered with an error."""
        self.ensure_one()
        url = f"{self.url.rstrip('/')}/{self.sudo().api_key or ''}/sms/receive.json"
        line = self.receive_line or self.sender or ""
        response, error = self._http(url, {"linenumber": line, "isread": 0})
        data = self._decode(response) if response is not None else None
        if error or not response.ok or _json_path(data, "return.status") != 200:
            _logger.warning(
                "SMS panel %s: fetching received SMS failed: %s",
                self.name,
                error or self._error_text(response, _json_path(data, "return.message")),
            )
            return None
        entries = []
        for entry in _json_path(data, "entries") or []:
            if not isinstance(entry, dict):
                continue
            stamp = entry.get("date")
            date = (
                datetime.fromtimestamp(stamp, tz=timezone.utc).replace(tzinfo=None)
                if isinstance(stamp, int | float)
                else None
            )
            entries.append(
                {
                    "message_id": str(entry.get("messageid") or ""),
                    "number": str(entry.get("sender") or ""),
                    "line": str(entry.get("receptor") or line),
                    "body": entry.get("message") or "",
                    "date": date,
                }
            )
        return entries

    def _fetch_inbound(self, auto_commit=False):
        """Fetch, store and post the SMS received on the panels' lines; returns the number
        of messages stored. The panel marks what it hands over as read: with ``auto_commit``
        (the scheduled action) what was fetched is committed before it is posted, so that a
        failure while posting loses nothing. A message that cannot be posted stays
        "Received" and is posted at the next run."""
        auto_commit = auto_commit and not getattr(threading.current_thread(), "testing", False)
        Inbound = self.env["crm.sms.inbound"].sudo()
        stored = 0
        panels = self.filtered(lambda p: p.provider == "kavenegar" and p.receive_inbound)
        for panel in panels:
            entries = panel._kavenegar_receive()
            if entries:
                stored += len(Inbound._store_entries(panel, entries))
                if auto_commit:
                    # as Odoo's own mail queue does: what the panel handed over is kept
                    self.env.cr.commit()  # pylint: disable=invalid-commit
        pending = Inbound.search([("state", "=", "received"), ("panel_id", "in", panels.ids)])
        for sms in pending:
            try:
                with self.env.cr.savepoint():
                    sms._assign()
            except (UserError, ValidationError, psycopg2.Error) as error:
                _logger.warning("Received SMS %s not posted, retried later: %s", sms.id, error)
        return stored

    @api.model
    def _cron_fetch_inbound(self, auto_commit=True):
        panels = self.search([("provider", "=", "kavenegar"), ("receive_inbound", "=", True)])
        stored = panels._fetch_inbound(auto_commit=auto_commit)
        self.env["ir.cron"]._notify_progress(done=stored, remaining=0)

    def action_fetch_inbound(self):
        """Fetch the received SMS now and show them."""
        self._fetch_inbound()
        return self.action_view_inbound()

    def action_view_inbound(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_persian.crm_sms_inbound_action")
        action["domain"] = [("panel_id", "in", self.ids)]
        return action

    def action_send_test(self):
        """Send a test SMS to the number given in the context (``test_number``) or to the
        current user's mobile, and report what the panel answered."""
        self.ensure_one()
        number = self.env.context.get("test_number") or self.env.user.partner_id.mobile
        if not number:
            raise UserError(_("Set a mobile number on your user to send yourself a test SMS."))
        outcome = self._send_message(number, _("Test SMS from Odoo"))
        if not outcome["accepted"]:
            raise UserError(
                _("The SMS panel refused the test SMS: %(error)s", error=outcome.get("error"))
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _("The SMS panel accepted the test SMS to %(number)s.", number=number),
            },
        }
