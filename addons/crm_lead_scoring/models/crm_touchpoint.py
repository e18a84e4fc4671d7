# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class CrmTouchpoint(models.Model):
    _inherit = "crm.touchpoint"

    @api.model_create_multi
    def create(self, vals_list):
        touchpoints = super().create(vals_list)
        self.env["crm.lead"]._score_register_touchpoints(touchpoints)
        return touchpoints
