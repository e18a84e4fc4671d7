# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Customer value on the contact: segment, churn risk, tier and phase for the current company."""

from odoo import api, fields, models

from ..tools import customer_value as cv

# The value figures follow the access rules of crm.customer.value: a salesman sees those of
# his customers, accountants and all-leads users those of every customer.
VALUE_GROUPS = "sales_team.group_sale_salesman,account.group_account_invoice"


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Company-dependent (a jsonb column in Odoo 18): filterable and groupable on the contact
    # list for the current company; written by crm.customer.value's set-based recompute.
    rfm_segment = fields.Selection(
        cv.RFM_SEGMENTS,
        "RFM Segment",
        company_dependent=True,
        groups=VALUE_GROUPS,
        readonly=True,
        copy=False,
        help="The customer's RFM segment in the current company. Glossary: RFM, Segmentation.",
    )
    churn_risk = fields.Selection(
        cv.CHURN_RISKS,
        company_dependent=True,
        groups=VALUE_GROUPS,
        readonly=True,
        copy=False,
        help="Days since the last purchase compared with the customer's own purchase "
        "interval. Glossary: Churn.",
    )
    customer_tier = fields.Selection(
        cv.TIERS,
        company_dependent=True,
        groups=VALUE_GROUPS,
        readonly=True,
        copy=False,
        help="Gold, silver or bronze from the company's thresholds. Glossary: Customer tier.",
    )
    relationship_phase = fields.Selection(
        cv.RELATIONSHIP_PHASES,
        company_dependent=True,
        groups=VALUE_GROUPS,
        readonly=True,
        copy=False,
        help="Awareness, exploration, expansion, commitment or dissolution. Glossary: "
        "Relationship phase.",
    )
    customer_value_id = fields.Many2one(
        "crm.customer.value",
        compute="_compute_customer_value",
        groups=VALUE_GROUPS,
        help="The customer's value figures in the current company. Glossary: CLV, RFM.",
    )
    crm_value_currency_id = fields.Many2one(
        "res.currency", "Value Currency", compute="_compute_customer_value", groups=VALUE_GROUPS
    )
    crm_net_revenue = fields.Monetary(
        "Net Revenue",
        compute="_compute_customer_value",
        groups=VALUE_GROUPS,
        currency_field="crm_value_currency_id",
        help="Untaxed invoices minus credit notes. Glossary: Revenue.",
    )
    crm_predicted_clv = fields.Monetary(
        "Predicted CLV",
        compute="_compute_customer_value",
        groups=VALUE_GROUPS,
        currency_field="crm_value_currency_id",
        help="Glossary: CLV.",
    )
    crm_historical_clv = fields.Monetary(
        "Historical CLV",
        compute="_compute_customer_value",
        groups=VALUE_GROUPS,
        currency_field="crm_value_currency_id",
        help="Glossary: CLV.",
    )
    crm_rfm_score = fields.Char(
        "RFM Score",
        compute="_compute_customer_value",
        groups=VALUE_GROUPS,
        help="Glossary: RFM.",
    )

    @api.depends("commercial_partner_id")
    @api.depends_context("company")
    def _compute_customer_value(self):
        commercial = self.commercial_partner_id
        values = self.env["crm.customer.value"].search_fetch(
            [("partner_id", "in", commercial.ids), ("company_id", "=", self.env.company.id)],
            ["partner_id", "net_revenue", "predicted_clv", "historical_clv", "rfm_score"],
        )
        by_partner = {value.partner_id.id: value for value in values}
        currency = self.env.company.currency_id
        for partner in self:
            value = by_partner.get(partner.commercial_partner_id.id)
            partner.customer_value_id = value
            partner.crm_value_currency_id = currency
            partner.crm_net_revenue = value.net_revenue if value else 0.0
            partner.crm_predicted_clv = value.predicted_clv if value else 0.0
            partner.crm_historical_clv = value.historical_clv if value else 0.0
            partner.crm_rfm_score = value.rfm_score if value else False
