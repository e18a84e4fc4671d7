# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _message_post_after_hook(self, message, msg_vals):
        res = super()._message_post_after_hook(message, msg_vals)
        if self.env.context.get("mark_so_as_sent") and self.opportunity_id:
            self.env["crm.touchpoint"]._log(
                self.opportunity_id,
                "email",
                "outbound",
                summary=_("Quotation sent: %s", self.name),
                date=message.date,
                res_model=self._name,
                res_id=self.id,
            )
        return res
