# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    use_own_pipeline = fields.Boolean(
        "Own Pipeline",
        help="The team works with its own stages only (new teams start with the default "
        "pipeline: New, Initial evaluation, Proforma invoice sent, Negotiation, Won). Existing "
        "teams keep the shared stages. Glossary: Sales pipeline, Sales stages.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault("use_own_pipeline", not self.env.context.get("install_mode"))
        teams = super().create(vals_list)
        templates = self.env["crm.stage.template"].search([])
        if templates:
            self.env["crm.stage"].create(
                [
                    vals
                    for team in teams.filtered("use_own_pipeline")
                    for vals in templates._prepare_stage_values(team)
                ]
            )
        return teams
