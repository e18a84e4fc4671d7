# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The customer's value segment on leads and opportunities, to filter the pipeline by it."""

from odoo import fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    customer_rfm_segment = fields.Selection(
        related="partner_id.commercial_partner_id.rfm_segment",
        string="Customer RFM Segment",
        help="The RFM segment of the lead's customer. Glossary: RFM.",
    )
    customer_churn_risk = fields.Selection(
        related="partner_id.commercial_partner_id.churn_risk",
        string="Customer Churn Risk",
        help="The churn risk of the lead's customer. Glossary: Churn.",
    )
    customer_tier = fields.Selection(
        related="partner_id.commercial_partner_id.customer_tier",
        string="Customer Tier",
        help="Glossary: Customer tier.",
    )
