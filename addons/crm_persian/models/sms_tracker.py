# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Delivery reports of SMS sent through an Iranian panel."""

from odoo import fields, models

from .crm_sms_panel import KAVENEGAR_DELIVERED, KAVENEGAR_FAILED, KAVENEGAR_UNKNOWN_ID


class SmsTracker(models.Model):
    _inherit = "sms.tracker"

    panel_id = fields.Many2one("crm.sms.panel", "SMS Panel", index="btree_not_null")
    panel_message_id = fields.Char("Panel Message ID", index="btree_not_null")
    panel_delivery_final = fields.Boolean(
        help="The panel reported a final delivery status (delivered or failed)."
    )

    def _apply_panel_statuses(self, statuses):
        """Apply ``{panel message id: Kavenegar status}`` to the SMS notifications."""
        for tracker in self:
            status = statuses.get(tracker.panel_message_id)
            if status == KAVENEGAR_DELIVERED:
                tracker._action_update_from_sms_state("sent")
                tracker.panel_delivery_final = True
            elif status in KAVENEGAR_FAILED:
                tracker._action_update_from_provider_error(KAVENEGAR_FAILED[status])
                tracker.panel_delivery_final = True
            elif status == KAVENEGAR_UNKNOWN_ID:
                # No report will ever come (e.g. a message older than Kavenegar keeps): stop
                # asking, and leave the notification as it is.
                tracker.panel_delivery_final = True
