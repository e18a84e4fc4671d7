# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Settings of customer value (RFM window, CLV, churn, tiers) and of the KPI digest."""

from odoo import api, fields, models

from .crm_dashboard import DIGEST_PERIOD_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_rfm_window_months = fields.Integer(
        related="company_id.crm_rfm_window_months", readonly=False
    )
    crm_clv_horizon_years = fields.Float(related="company_id.crm_clv_horizon_years", readonly=False)
    crm_clv_retention_rate = fields.Float(
        related="company_id.crm_clv_retention_rate", readonly=False
    )
    crm_clv_discount_rate = fields.Float(related="company_id.crm_clv_discount_rate", readonly=False)
    crm_clv_default_margin = fields.Float(
        related="company_id.crm_clv_default_margin", readonly=False
    )
    crm_expected_purchase_interval = fields.Integer(
        related="company_id.crm_expected_purchase_interval", readonly=False
    )
    crm_tier_basis = fields.Selection(related="company_id.crm_tier_basis", readonly=False)
    crm_tier_gold_threshold = fields.Monetary(
        related="company_id.crm_tier_gold_threshold", readonly=False
    )
    crm_tier_silver_threshold = fields.Monetary(
        related="company_id.crm_tier_silver_threshold", readonly=False
    )
    crm_kpi_digest_period = fields.Selection(
        [("weekly", "Weekly"), ("monthly", "Monthly")],
        "KPI Digest",
        default="weekly",
        config_parameter=DIGEST_PERIOD_PARAM,
        help="How often sales managers receive the KPI digest by email. Glossary: KPI, Dashboard.",
    )

    def set_values(self):
        res = super().set_values()
        cron = self.env.ref("crm_glossary_core.ir_cron_crm_kpi_digest", raise_if_not_found=False)
        if cron:
            interval = "weeks" if self.crm_kpi_digest_period != "monthly" else "months"
            if cron.sudo().interval_type != interval or cron.sudo().interval_number != 1:
                cron.sudo().write({"interval_type": interval, "interval_number": 1})
        return res

    @api.model
    def action_crm_recompute_customer_values(self):
        """Recompute the customer values of the current company now."""
        self.env["crm.customer.value"].sudo()._compute_values(company_ids=self.env.company.ids)
        return {"type": "ir.actions.client", "tag": "reload"}
