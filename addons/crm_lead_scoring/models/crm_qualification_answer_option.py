# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmQualificationAnswerOption(models.Model):
    _name = "crm.qualification.answer.option"
    _description = "Qualification Answer Option"
    _order = "criterion_id, sequence, id"

    criterion_id = fields.Many2one(
        "crm.qualification.criterion", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    points = fields.Integer(help="What this answer is worth, from 0 to 100.")

    @api.constrains("points")
    def _check_points(self):
        for option in self:
            if not 0 <= option.points <= 100:
                raise ValidationError(
                    _(
                        "“%(option)s” of “%(criterion)s”: the points of an answer go from 0 to "
                        "100.",
                        option=option.name,
                        criterion=option.criterion_id.name,
                    )
                )
