# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Campaign results: what a campaign cost and what it brought."""

from odoo import api, fields, models


class UtmCampaign(models.Model):
    _inherit = "utm.campaign"

    company_currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id, readonly=True
    )
    crm_budget = fields.Monetary(
        "Budget",
        currency_field="company_currency_id",
        help="What the campaign may spend. Glossary: Campaign management.",
    )
    crm_cost = fields.Monetary(
        "Cost",
        currency_field="company_currency_id",
        help="What the campaign has spent, for its ROI. Glossary: Campaign management.",
    )
    crm_result_lead_count = fields.Integer("Leads", compute="_compute_crm_results")
    crm_result_mql_count = fields.Integer("MQLs", compute="_compute_crm_results")
    crm_result_won_count = fields.Integer("Won Deals", compute="_compute_crm_results")
    crm_attributed_revenue = fields.Monetary(
        "Attributed Revenue",
        currency_field="company_currency_id",
        compute="_compute_crm_results",
        help="Revenue of won deals credited to the campaign with the linear attribution model "
        "(every touchpoint of a deal earns the same share). Glossary: First touch, Last touch.",
    )
    crm_conversion_rate = fields.Float(
        "Conversion Rate (%)",
        compute="_compute_crm_results",
        help="Won deals per lead of the campaign. Glossary: Conversion rate.",
    )
    crm_roi = fields.Float(
        "ROI (%)",
        compute="_compute_crm_results",
        help="(Attributed revenue − cost) ÷ cost. Glossary: Campaign management.",
    )

    @api.depends("crm_cost")
    def _compute_crm_results(self):
        Lead = self.env["crm.lead"].with_context(active_test=False)
        domain = [("campaign_id", "in", self.ids)]
        leads = dict(Lead._read_group(domain, ["campaign_id"], ["__count"]))
        mqls = dict(
            Lead._read_group([*domain, ("mql_date", "!=", False)], ["campaign_id"], ["__count"])
        )
        won = dict(
            Lead._read_group(
                [*domain, ("stage_id.is_won", "=", True), ("active", "=", True)],
                ["campaign_id"],
                ["__count"],
            )
        )
        revenue = dict(
            self.env["crm.attribution.report"]._read_group(
                domain, ["campaign_id"], ["linear_revenue:sum"]
            )
        )
        for campaign in self:
            lead_count = leads.get(campaign, 0)
            campaign.crm_result_lead_count = lead_count
            campaign.crm_result_mql_count = mqls.get(campaign, 0)
            campaign.crm_result_won_count = won.get(campaign, 0)
            campaign.crm_attributed_revenue = revenue.get(campaign, 0.0)
            campaign.crm_conversion_rate = (
                100.0 * won.get(campaign, 0) / lead_count if lead_count else 0.0
            )
            campaign.crm_roi = (
                100.0 * (campaign.crm_attributed_revenue - campaign.crm_cost) / campaign.crm_cost
                if campaign.crm_cost
                else 0.0
            )
