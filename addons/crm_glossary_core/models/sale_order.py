# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _message_post_after_hook(self, message, msg_vals):
        """A quotation sent by email, or viewed by the customer on the portal, is a
        touchpoint of its opportunity."""
        res = super()._message_post_after_hook(message, msg_vals)
        if not self.opportunity_id:
            return res
        if self.env.context.get("mark_so_as_sent"):
            channel, direction, summary = "email", "outbound", _("Quotation sent: %s", self.name)
        # Odoo's portal posts this note (once a day per visitor) when the customer opens the
        # quotation with its link
        elif msg_vals.get("subtype_id", message.subtype_id.id) == self.env[
            "ir.model.data"
        ]._xmlid_to_res_id("sale.mt_order_viewed"):
            channel, direction, summary = "other", "inbound", _("Quotation viewed: %s", self.name)
        else:
            return res
        self.env["crm.touchpoint"]._log(
            self.opportunity_id,
            channel,
            direction,
            summary=summary,
            date=message.date,
            res_model=self._name,
            res_id=self.id,
        )
        return res
