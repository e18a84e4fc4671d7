# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Per-company parameters of customer value (RFM, CLV, churn risk, tier) and the KPI digest."""

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_rfm_window_months = fields.Integer(
        "RFM Window (months)",
        default=24,
        help="Purchases of the last N months count for the frequency and monetary scores. "
        "Glossary: RFM.",
    )
    crm_clv_horizon_years = fields.Float(
        "CLV Horizon (years)",
        default=3.0,
        help="How many years ahead the predicted customer lifetime value looks. Glossary: CLV.",
    )
    crm_clv_retention_rate = fields.Float(
        "Yearly Retention Rate (%)",
        default=60.0,
        help="The share of customers who still buy the next year, used by the predicted "
        "CLV. Glossary: Retention rate, CLV.",
    )
    crm_clv_discount_rate = fields.Float(
        "Yearly Discount Rate (%)",
        default=0.0,
        help="Discounts future margin to today's money in the predicted CLV (e.g. the "
        "inflation or the cost of capital). Glossary: CLV.",
    )
    crm_clv_default_margin = fields.Float(
        "Default Gross Margin (%)",
        default=30.0,
        help="The gross margin rate used when the cost of the products a customer bought is "
        "unknown. Glossary: CLV.",
    )
    crm_expected_purchase_interval = fields.Integer(
        "Expected Purchase Interval (days)",
        default=90,
        help="The interval between purchases expected from a customer who has bought only "
        "once; churn risk compares the days since the last purchase with it. Glossary: "
        "Churn.",
    )
    crm_tier_basis = fields.Selection(
        [("net_revenue", "Net revenue"), ("predicted_clv", "Predicted CLV")],
        "Tier Based On",
        default="net_revenue",
        required=True,
        help="The figure the customer tier thresholds apply to. Glossary: Customer tier.",
    )
    crm_tier_gold_threshold = fields.Monetary(
        "Gold Tier From",
        currency_field="currency_id",
        default=1_000_000_000.0,
        help="Customers at or above this amount are gold. Glossary: Customer tier.",
    )
    crm_tier_silver_threshold = fields.Monetary(
        "Silver Tier From",
        currency_field="currency_id",
        default=200_000_000.0,
        help="Customers at or above this amount (and below gold) are silver; the others "
        "bronze. Glossary: Customer tier.",
    )
    crm_value_computed_date = fields.Date(
        "Customer Values Computed On",
        readonly=True,
        copy=False,
        help="When the nightly recompute last refreshed the customer values of the company.",
    )

    @api.constrains(
        "crm_rfm_window_months",
        "crm_clv_horizon_years",
        "crm_clv_retention_rate",
        "crm_clv_discount_rate",
        "crm_clv_default_margin",
        "crm_expected_purchase_interval",
        "crm_tier_gold_threshold",
        "crm_tier_silver_threshold",
    )
    def _check_crm_value_parameters(self):
        for company in self:
            if company.crm_rfm_window_months < 1:
                raise ValidationError(_("The RFM window must be at least one month."))
            if company.crm_clv_horizon_years <= 0:
                raise ValidationError(_("The CLV horizon must be more than zero years."))
            if not 0 <= company.crm_clv_retention_rate <= 100:
                raise ValidationError(_("The retention rate must be between 0% and 100%."))
            if company.crm_clv_discount_rate <= -100:
                raise ValidationError(_("The discount rate must be above -100%."))
            if not -100 <= company.crm_clv_default_margin <= 100:
                raise ValidationError(_("The default gross margin must be between -100% and 100%."))
            if company.crm_expected_purchase_interval < 1:
                raise ValidationError(_("The expected purchase interval must be at least a day."))
            if company.crm_tier_silver_threshold > company.crm_tier_gold_threshold:
                raise ValidationError(
                    _("The silver tier threshold cannot be above the gold tier threshold.")
                )

    def _crm_value_params(self):
        """The parameters of :mod:`..tools.customer_value` for this company."""
        self.ensure_one()
        return {
            "default_margin": self.crm_clv_default_margin / 100.0,
            "horizon_years": self.crm_clv_horizon_years,
            "retention_rate": self.crm_clv_retention_rate / 100.0,
            "discount_rate": self.crm_clv_discount_rate / 100.0,
            "expected_interval": self.crm_expected_purchase_interval,
        }
