# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class WebsiteVisitor(models.Model):
    _inherit = "website.visitor"

    def _upsert_visitor(self, access_token, force_track_values=None):
        """Page views of the website are written by this SQL upsert, not by ``create``:
        count them here."""
        result = super()._upsert_visitor(access_token, force_track_values=force_track_values)
        if force_track_values:
            self.env["crm.lead"].sudo()._score_register_page_visits(
                [(result[0], force_track_values.get("url"), None)]
            )
        return result

    def write(self, vals):
        Lead = self.env["crm.lead"].sudo()
        if "lead_ids" not in vals or not Lead._score_page_visit_rules():
            return super().write(vals)
        # a website form links its visitor to the new lead: the visitor's earlier page views
        # now count for that lead
        leads = self.sudo().lead_ids
        res = super().write(vals)
        (leads | self.sudo().lead_ids)._score_recompute()
        return res

    def unlink(self):
        Lead = self.env["crm.lead"].sudo()
        leads = self.sudo().lead_ids if Lead._score_page_visit_rules() else Lead
        res = super().unlink()
        leads._score_recompute()
        return res
