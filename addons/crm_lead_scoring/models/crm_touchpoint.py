# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.osv import expression

# Touchpoint fields the engagement rules (or the leads a touchpoint counts for) depend on.
SCORED_FIELDS = {
    "lead_id",
    "partner_id",
    "commercial_partner_id",
    "channel",
    "direction",
    "date",
    "activity_type_id",
    "res_model",
    "company_id",
}


class CrmTouchpoint(models.Model):
    _inherit = "crm.touchpoint"

    @api.model_create_multi
    def create(self, vals_list):
        touchpoints = super().create(vals_list)
        self.env["crm.lead"]._score_register_touchpoints(touchpoints)
        return touchpoints

    def write(self, vals):
        if not SCORED_FIELDS & set(vals):
            return super().write(vals)
        before = self._score_lead_domain()
        res = super().write(vals)
        self._score_rescore(expression.OR([before, self._score_lead_domain()]))
        return res

    def unlink(self):
        before = self._score_lead_domain()
        res = super().unlink()
        self._score_rescore(before)
        return res

    def _score_lead_domain(self):
        """Leads whose engagement score counts these touchpoints: their lead, or the leads of
        their customer for a touchpoint with no lead."""
        touchpoints = self.sudo()
        parts = []
        if lead_ids := touchpoints.lead_id.ids:
            parts.append([("id", "in", lead_ids)])
        customers = touchpoints.filtered(lambda tp: not tp.lead_id).commercial_partner_id
        if customers:
            parts.append([("partner_id", "child_of", customers.ids)])
        return expression.OR(parts) if parts else expression.FALSE_DOMAIN

    def _score_rescore(self, domain):
        if domain != expression.FALSE_DOMAIN:
            self.env["crm.lead"].sudo()._score_recompute(domain=domain)
