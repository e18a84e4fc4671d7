# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

# Changing these changes which leads a page view counts for, or how much.
SCORED_FIELDS = {"visitor_id", "url", "visit_datetime"}


class WebsiteTrack(models.Model):
    _inherit = "website.track"

    @api.model_create_multi
    def create(self, vals_list):
        tracks = super().create(vals_list)
        Lead = self.env["crm.lead"].sudo()
        if Lead._score_page_visit_rules():
            Lead._score_register_page_visits(
                [(track.visitor_id.id, track.url, track.visit_datetime) for track in tracks]
            )
        return tracks

    def write(self, vals):
        Lead = self.env["crm.lead"].sudo()
        if not (SCORED_FIELDS & set(vals) and Lead._score_page_visit_rules()):
            return super().write(vals)
        # e.g. a visitor merged into another one when they log in
        leads = self.sudo().visitor_id.lead_ids
        res = super().write(vals)
        (leads | self.sudo().visitor_id.lead_ids)._score_recompute()
        return res

    def unlink(self):
        Lead = self.env["crm.lead"].sudo()
        leads = self.sudo().visitor_id.lead_ids if Lead._score_page_visit_rules() else Lead
        res = super().unlink()
        leads._score_recompute()
        return res
