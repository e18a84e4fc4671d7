# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import api, models

_logger = logging.getLogger(__name__)

# Headers only automatic answers carry (RFC 3834 and the common vendor headers). Bounces are
# recognised by Odoo itself before routing. Not here on purpose: "X-Auto-Response-Suppress"
# (a sender asking not to be auto-answered, set by Outlook on ordinary mail) and
# "Precedence: bulk/list/junk" (mailing lists and newsletters, which are kept as tickets).
AUTO_REPLY_HEADERS = {
    "auto-submitted": lambda v: v.strip().lower() not in ("", "no"),
    "x-autoreply": lambda v: v.strip().lower() not in ("", "no", "false", "0"),
    "x-autorespond": lambda v: v.strip().lower() not in ("", "no", "false", "0"),
    "precedence": lambda v: v.strip().lower() == "auto_reply",
}


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def _crm_ticket_is_auto_reply(self, message):
        """Whether ``message`` (an email.message) is an automatic answer (RFC 3834)."""
        for header, test in AUTO_REPLY_HEADERS.items():
            value = message.get(header)
            if value and test(str(value)):
                return True
        return False

    @api.model
    def message_route(self, message, message_dict, model=None, thread_id=None, custom_values=None):
        """Auto-replies (out-of-office, vacation notices) never open a ticket.

        They still reach an existing ticket they answer, so nothing is lost.
        """
        routes = super().message_route(
            message, message_dict, model=model, thread_id=thread_id, custom_values=custom_values
        )
        if not self._crm_ticket_is_auto_reply(message):
            return routes
        kept = [route for route in routes if route[0] != "crm.ticket" or route[1]]
        if len(kept) != len(routes):
            _logger.info(
                "Auto-reply %s from %s: no ticket created",
                message_dict.get("message_id"),
                message_dict.get("email_from"),
            )
        return kept

    def _message_route_process(self, message, message_dict, routes):
        """An auto-reply reaching an existing ticket is kept, flagged so that the ticket does
        not count it as the customer's answer (``crm_ticket_auto_reply``)."""
        thread = self
        if self._crm_ticket_is_auto_reply(message):
            thread = self.with_context(crm_ticket_auto_reply=True)
        return super(MailThread, thread)._message_route_process(message, message_dict, routes)
