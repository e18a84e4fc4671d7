# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""One criterion of a qualification framework: the question and how its answer is valued."""

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmQualificationCriterion(models.Model):
    _name = "crm.qualification.criterion"
    _description = "Qualification Criterion"
    _order = "framework_id, sequence, id"

    framework_id = fields.Many2one(
        "crm.qualification.framework", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(
        required=True,
        translate=True,
        help="What is assessed, e.g. Budget. Glossary: Lead qualification.",
    )
    question = fields.Text(
        required=True, translate=True, help="The question the salesperson asks the customer."
    )
    weight = fields.Float(
        default=1.0, help="Share of this criterion in the qualification percentage."
    )
    required = fields.Boolean(
        "Required to Qualify",
        help="The lead is qualified (SQL) only when every required criterion is satisfied. "
        "Glossary: SQL.",
    )
    answer_type = fields.Selection(
        [("options", "Answer options"), ("scale", "Scale")],
        required=True,
        default="options",
    )
    scale_max = fields.Integer(
        "Scale Maximum", default=5, help="A scale answer goes from 0 to this value."
    )
    min_points = fields.Integer(
        "Points to Satisfy",
        default=50,
        help="An answer worth at least this many points (out of 100) satisfies the criterion.",
    )
    option_ids = fields.One2many(
        "crm.qualification.answer.option", "criterion_id", "Answer Options", copy=True
    )

    @api.constrains("weight")
    def _check_weight(self):
        for criterion in self:
            if criterion.weight < 0:
                raise ValidationError(
                    _("The weight of the criterion “%s” cannot be negative.", criterion.name)
                )

    @api.constrains("min_points")
    def _check_min_points(self):
        for criterion in self:
            if not 0 <= criterion.min_points <= 100:
                raise ValidationError(
                    _(
                        "The points to satisfy the criterion “%s” go from 0 to 100.",
                        criterion.name,
                    )
                )

    @api.constrains("required", "answer_type", "option_ids", "scale_max")
    def _check_answers(self):
        for criterion in self:
            if criterion.answer_type == "scale" and criterion.scale_max <= 0:
                raise ValidationError(
                    _("The scale of “%s” must go at least from 0 to 1.", criterion.name)
                )
            if (
                criterion.required
                and criterion.answer_type == "options"
                and not criterion.option_ids
            ):
                raise ValidationError(
                    _(
                        "The criterion “%s” is required to qualify a lead: give it answer "
                        "options first.",
                        criterion.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        criteria = super().create(vals_list)
        criteria._add_answer_lines()
        return criteria

    def _add_answer_lines(self):
        """Leads already qualified with the framework get an (empty) answer line for each new
        criterion, as leads that take the framework later do."""
        self.env["crm.lead"].sudo().search(
            [("qualification_framework_id", "in", self.framework_id.ids)]
        )._qualification_sync_answers()

    def _answer_points(self, option=None, scale_value=0):
        """Points (0–100) of an answer to this criterion."""
        self.ensure_one()
        if self.answer_type == "scale":
            return round(100.0 * min(max(scale_value, 0), self.scale_max) / self.scale_max, 2)
        return float(option.points) if option else 0.0
