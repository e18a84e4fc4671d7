# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Delivery reports pushed by Kavenegar to the address set in its panel."""

from odoo import http
from odoo.http import request


class SmsPanelController(http.Controller):
    @http.route(
        "/crm_persian/sms/kavenegar/<string:token>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        csrf=False,
        save_session=False,
    )
    def kavenegar_delivery(self, token, messageid=None, status=None, **kwargs):
        """Kavenegar calls this address with ``messageid`` and ``status`` (comma-separated
        lists are accepted) each time an SMS reaches a final state. The token in the address,
        shown on the panel, is the only credential: unknown tokens get a 404."""
        panel = (
            request.env["crm.sms.panel"]
            .sudo()
            .search([("delivery_token", "=", token), ("provider", "=", "kavenegar")], limit=1)
        )
        if not token or not panel:
            return request.not_found()
        ids = [part.strip() for part in (messageid or "").split(",")]
        codes = [part.strip() for part in (status or "").split(",")]
        statuses = {
            message_id: int(code)
            for message_id, code in zip(ids, codes, strict=False)
            if message_id and code.isdigit()
        }
        if statuses:
            trackers = (
                request.env["sms.tracker"]
                .sudo()
                .search([("panel_id", "=", panel.id), ("panel_message_id", "in", list(statuses))])
            )
            trackers._apply_panel_statuses(statuses)
        return request.make_response("OK", headers=[("Content-Type", "text/plain")])
