# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The buying committee of an opportunity: who decides, who pays, who influences."""

from odoo import api, fields, models

CONTACT_ROLES = [
    ("decision_maker", "Decision maker"),
    ("economic_buyer", "Economic buyer"),
    ("influencer", "Influencer"),
    ("champion", "Champion"),
    ("technical_evaluator", "Technical evaluator"),
    ("user", "User"),
    ("gatekeeper", "Gatekeeper"),
    ("blocker", "Blocker"),
]
ATTITUDES = [("supporter", "Supporter"), ("neutral", "Neutral"), ("opponent", "Opponent")]


class CrmLeadContactRole(models.Model):
    _name = "crm.lead.contact.role"
    _description = "Contact Role on an Opportunity"
    _order = "lead_id, sequence, id"

    sequence = fields.Integer(default=10)
    lead_id = fields.Many2one(
        "crm.lead", "Opportunity", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one("res.partner", "Contact", required=True, index=True)
    role = fields.Selection(
        CONTACT_ROLES,
        required=True,
        compute="_compute_role",
        store=True,
        readonly=False,
        precompute=True,
        help="The part this contact plays in the buying decision. Glossary: Contact role.",
    )
    attitude = fields.Selection(ATTITUDES, default="neutral", required=True)
    notes = fields.Text()
    function = fields.Char(related="partner_id.function")
    email = fields.Char(related="partner_id.email")
    phone = fields.Char(related="partner_id.phone")
    company_id = fields.Many2one(related="lead_id.company_id", store=True)

    _sql_constraints = [
        (
            "partner_role_unique",
            "UNIQUE(lead_id, partner_id, role)",
            "This contact already has this role on the opportunity.",
        ),
    ]

    @api.depends("partner_id")
    def _compute_role(self):
        for line in self:
            if not line.role:
                line.role = line.partner_id.default_contact_role or "influencer"
