# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


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

    _sql_constraints = [
        (
            "points_range",
            "CHECK(points >= 0 AND points <= 100)",
            "The points of an answer go from 0 to 100.",
        ),
    ]
