# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The default pipeline that new sales teams start with."""

from odoo import fields, models


class CrmStageTemplate(models.Model):
    _name = "crm.stage.template"
    _description = "Default Pipeline Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    default_probability = fields.Float()
    is_won = fields.Boolean("Is Won Stage?")
    fold = fields.Boolean("Folded in Pipeline")
    requirements = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    def _prepare_stage_values(self, team):
        return [
            {
                "name": template.name,
                "sequence": template.sequence,
                "default_probability": template.default_probability,
                "is_won": template.is_won,
                "fold": template.fold,
                "requirements": template.requirements,
                "team_id": team.id,
            }
            for template in self
        ]
