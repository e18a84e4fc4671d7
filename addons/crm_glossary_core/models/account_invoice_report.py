# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Invoice Analysis with the CRM side: opportunity, UTM, lifecycle, RFM segment, churn risk."""

from odoo import fields, models
from odoo.tools import SQL

from ..tools import customer_value as cv


class AccountInvoiceReport(models.Model):
    _inherit = "account.invoice.report"
    _depends = {
        "account.move": [
            "crm_opportunity_id",
            "crm_salesperson_id",
            "crm_team_id",
            "campaign_id",
            "source_id",
            "medium_id",
        ],
        "crm.customer.value": ["rfm_segment", "churn_risk", "customer_tier"],
    }

    crm_opportunity_id = fields.Many2one("crm.lead", "Opportunity", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    source_id = fields.Many2one("utm.source", readonly=True)
    medium_id = fields.Many2one("utm.medium", readonly=True)
    crm_salesperson_id = fields.Many2one("res.users", "Opportunity Salesperson", readonly=True)
    crm_team_id = fields.Many2one("crm.team", "Opportunity Sales Team", readonly=True)
    customer_lifecycle_stage = fields.Selection(
        selection=lambda self: self.env["res.partner"]._fields["lifecycle_stage"].selection,
        readonly=True,
    )
    customer_rfm_segment = fields.Selection(cv.RFM_SEGMENTS, "RFM Segment", readonly=True)
    customer_churn_risk = fields.Selection(cv.CHURN_RISKS, "Churn Risk", readonly=True)
    customer_tier = fields.Selection(cv.TIERS, readonly=True)

    def _select(self) -> SQL:
        return SQL(
            """%s,
                move.crm_opportunity_id AS crm_opportunity_id,
                move.campaign_id AS campaign_id,
                move.source_id AS source_id,
                move.medium_id AS medium_id,
                move.crm_salesperson_id AS crm_salesperson_id,
                move.crm_team_id AS crm_team_id,
                commercial_partner.lifecycle_stage AS customer_lifecycle_stage,
                customer_value.rfm_segment AS customer_rfm_segment,
                customer_value.churn_risk AS customer_churn_risk,
                customer_value.customer_tier AS customer_tier""",
            super()._select(),
        )

    def _from(self) -> SQL:
        return SQL(
            """%s
                LEFT JOIN crm_customer_value customer_value
                       ON customer_value.partner_id = move.commercial_partner_id
                      AND customer_value.company_id = line.company_id""",
            super()._from(),
        )
