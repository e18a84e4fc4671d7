# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A quotation viewed by the customer on the portal is an engagement of its opportunity."""

from odoo import _, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _message_post_after_hook(self, message, msg_vals):
        res = super()._message_post_after_hook(message, msg_vals)
        # Odoo's portal posts this note (once a day per visitor) when the customer opens the
        # quotation with its link
        viewed = self.env["ir.model.data"]._xmlid_to_res_id("sale.mt_order_viewed")
        if (
            self.opportunity_id
            and viewed
            and msg_vals.get("subtype_id", message.subtype_id.id) == viewed
        ):
            self.env["crm.touchpoint"]._log(
                self.opportunity_id,
                "other",
                "inbound",
                summary=_("Quotation viewed: %s", self.name),
                date=message.date,
                res_model=self._name,
                res_id=self.id,
            )
        return res
