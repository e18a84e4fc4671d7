# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Posting, resetting or cancelling a customer invoice may move the customer's lifecycle."""

from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _lifecycle_partners(self):
        return self.filtered(lambda move: move.move_type == "out_invoice").commercial_partner_id

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        posted._lifecycle_partners()._update_lifecycle_stage()
        return posted

    def button_draft(self):
        partners = self._lifecycle_partners()
        res = super().button_draft()
        partners._update_lifecycle_stage()
        return res

    def button_cancel(self):
        partners = self._lifecycle_partners()
        res = super().button_cancel()
        partners._update_lifecycle_stage()
        return res
