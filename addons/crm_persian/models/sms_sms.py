# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every SMS Odoo sends goes through its company's Iranian SMS panel when one is set."""

import logging
import textwrap
from collections import defaultdict

from odoo import _, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class SmsSms(models.Model):
    _inherit = "sms.sms"

    panel_id = fields.Many2one("crm.sms.panel", "SMS Panel", readonly=True, index="btree_not_null")
    panel_message_id = fields.Char("Panel Message ID", readonly=True, copy=False)
    panel_error = fields.Text(
        "Panel Answer",
        readonly=True,
        copy=False,
        help="What the SMS panel answered when it refused the SMS.",
    )

    def _send(self, unlink_failed=False, unlink_sent=True, raise_exception=False):
        """Send each SMS through the SMS panel of its company (see :meth:`_get_companies`)
        when that company has one, else through Odoo's IAP service. Nothing is marked sent
        unless the panel accepted it."""
        Panel = self.env["crm.sms.panel"].sudo()
        result = None
        for company, sms_batch in self._group_by_company().items():
            panel = Panel._get_for_company(company)
            if not panel:
                result = super(SmsSms, sms_batch)._send(
                    unlink_failed=unlink_failed,
                    unlink_sent=unlink_sent,
                    raise_exception=raise_exception,
                )
            else:
                sms_batch._send_with_panel(panel, unlink_failed, unlink_sent, raise_exception)
        self.sudo().exists().filtered(
            lambda sms: sms.state in ("process", "pending", "sent")
        )._log_sms_touchpoints()
        return result

    def _get_companies(self):
        """The company each SMS is sent for, ``{sms id: res.company}``: the company of the
        document it was posted on (the one its message records, else the document's own),
        else its recipient's company, else the current company. The SMS queue is sent by
        the cron user, whose company says nothing about the SMS."""
        companies = {}
        posted_on = defaultdict(list)  # model: SMS of a message without company
        for sms in self.sudo():
            message = sms.mail_message_id
            if message.record_company_id:
                companies[sms.id] = message.record_company_id
            elif message.model in self.env and message.res_id:
                posted_on[message.model].append(sms)
        for model, sms_list in posted_on.items():
            documents = (
                self.env[model].sudo().browse({sms.mail_message_id.res_id for sms in sms_list})
            )
            document_companies = documents.exists()._mail_get_companies()
            for sms in sms_list:
                companies[sms.id] = document_companies.get(sms.mail_message_id.res_id)
        for sms in self.sudo():
            companies[sms.id] = (
                companies.get(sms.id) or sms.partner_id.company_id or self.env.company
            )
        return companies

    def _group_by_company(self):
        """``{res.company: sms.sms}``: the SMS of ``self`` grouped by their company."""
        companies = self._get_companies()
        groups = defaultdict(list)
        for sms in self:
            groups[companies[sms.id]].append(sms.id)
        return {company: self.browse(ids) for company, ids in groups.items()}

    def _send_with_panel(self, panel, unlink_failed, unlink_sent, raise_exception):
        outcomes = panel._send_messages([(sms.id, sms.number, sms.body) for sms in self])
        if raise_exception and outcomes and all(o.get("unreachable") for o in outcomes.values()):
            # like Odoo's own service: raise when the provider could not be reached at all;
            # once the panel accepted some SMS, their states must be recorded instead
            raise UserError(next(iter(outcomes.values()))["error"])
        _logger.info(
            "SMS panel %s: sent %s SMS, %s accepted",
            panel.name,
            len(self),
            sum(1 for outcome in outcomes.values() if outcome["accepted"]),
        )
        all_sms_sudo = self.sudo().with_context(sms_skip_msg_notification=True)
        for sms in all_sms_sudo:
            outcome = outcomes[sms.id]
            tracker = sms.sms_tracker_id
            if outcome["accepted"]:
                tracker._action_update_from_sms_state("pending")
                if outcome.get("message_id"):
                    tracker.write({"panel_id": panel.id, "panel_message_id": outcome["message_id"]})
                sms.write(
                    {
                        "state": "pending",
                        "failure_type": False,
                        "panel_id": panel.id,
                        "panel_message_id": outcome.get("message_id") or False,
                        "panel_error": False,
                        **({"to_delete": True} if unlink_sent else {}),
                    }
                )
            else:
                tracker._action_update_from_sms_state(
                    "error",
                    failure_type=outcome["failure_type"],
                    failure_reason=outcome["error"],
                )
                sms.write(
                    {
                        "state": "error",
                        "failure_type": outcome["failure_type"],
                        "panel_id": panel.id,
                        "panel_error": outcome["error"],
                        **({"to_delete": True} if unlink_failed else {}),
                    }
                )
        all_sms_sudo.mail_message_id._notify_message_notification_update()

    def _log_sms_touchpoints(self):
        """An SMS sent to a contact is an outbound touchpoint of its customer journey.

        SMS posted on a lead are already logged by the lead's own chatter hook
        (``crm_glossary_core``); the others are logged on the document's contact, or on the
        recipient."""
        Touchpoint = self.env["crm.touchpoint"].sudo()
        for sms in self.sudo():
            message = sms.mail_message_id
            if message.model == "crm.lead":
                continue
            record = self.env["res.partner"]
            if message.model and message.res_id and message.model in self.env:
                document = self.env[message.model].sudo().browse(message.res_id).exists()
                if document and (
                    document._name == "res.partner" or "partner_id" in document._fields
                ):
                    record = document
            if not record and sms.partner_id:
                record = sms.partner_id
            if record:
                Touchpoint._log(
                    record,
                    "sms",
                    "outbound",
                    summary=_("SMS: %s", textwrap.shorten(sms.body or "", 80)),
                )
