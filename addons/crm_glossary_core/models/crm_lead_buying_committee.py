# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    contact_role_ids = fields.One2many(
        "crm.lead.contact.role",
        "lead_id",
        "Buying Committee",
        help="The contacts involved in the decision and their roles. Glossary: Contact role.",
    )
    decision_maker_missing = fields.Boolean(
        "No Decision Maker",
        compute="_compute_decision_maker_missing",
        store=True,
        index=True,
        help="An opportunity whose buying committee names no decision maker yet. "
        "Glossary: Contact role.",
    )
    account_id = fields.Many2one(
        "res.partner",
        "Account",
        related="partner_id.commercial_partner_id",
        help="The company the lead's contact belongs to. Glossary: Account.",
    )
    parent_account_id = fields.Many2one(
        "res.partner",
        "Parent Account",
        related="partner_id.commercial_partner_id.parent_id",
        help="The group or parent company of the account. Glossary: Account.",
    )
    account_type = fields.Selection(related="partner_id.commercial_partner_id.account_type")
    partner_preferred_channel = fields.Selection(
        related="partner_id.preferred_channel", string="Preferred Channel"
    )
    partner_recommended_channel = fields.Selection(
        related="partner_id.recommended_channel", string="Recommended Channel"
    )

    @api.depends("type", "contact_role_ids.role")
    def _compute_decision_maker_missing(self):
        for lead in self:
            lead.decision_maker_missing = lead.type == "opportunity" and not any(
                role.role == "decision_maker" for role in lead.contact_role_ids
            )
