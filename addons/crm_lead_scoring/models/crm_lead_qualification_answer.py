# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The answer of a lead to one qualification criterion, with its evidence and author."""

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# Writing one of these (re)answers the criterion: the answer is stamped with who and when.
STAMP_TRIGGERS = {"option_id", "scale_value", "evidence"}
STAMP_FIELDS = ("answered_by_id", "answered_on")


class CrmLeadQualificationAnswer(models.Model):
    _name = "crm.lead.qualification.answer"
    _description = "Lead Qualification Answer"
    _order = "lead_id, framework_id, sequence, id"

    lead_id = fields.Many2one("crm.lead", required=True, index=True, ondelete="cascade")
    criterion_id = fields.Many2one(
        "crm.qualification.criterion", required=True, index=True, ondelete="cascade"
    )
    framework_id = fields.Many2one(
        related="criterion_id.framework_id", store=True, index=True, string="Framework"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    question = fields.Text(related="criterion_id.question")
    required = fields.Boolean(related="criterion_id.required")
    answer_type = fields.Selection(related="criterion_id.answer_type")
    scale_max = fields.Integer(related="criterion_id.scale_max")
    company_id = fields.Many2one(related="lead_id.company_id", store=True, index=True)
    option_id = fields.Many2one(
        "crm.qualification.answer.option",
        "Answer",
        domain="[('criterion_id', '=', criterion_id)]",
        ondelete="restrict",
    )
    scale_value = fields.Integer("Scale Answer")
    evidence = fields.Text(help="What the customer said or showed that supports the answer.")
    answered_by_id = fields.Many2one("res.users", readonly=True)
    answered_on = fields.Datetime(readonly=True)
    points = fields.Float(compute="_compute_points", store=True)
    is_answered = fields.Boolean(compute="_compute_points", store=True)
    satisfied = fields.Boolean(
        compute="_compute_points",
        store=True,
        help="The answer is worth at least the points the criterion asks for.",
    )
    is_current = fields.Boolean(
        compute="_compute_is_current",
        store=True,
        index=True,
        help="The answer belongs to the lead's current framework; answers given under another "
        "framework are kept as history.",
    )

    _sql_constraints = [
        (
            "lead_criterion_unique",
            "UNIQUE(lead_id, criterion_id)",
            "A lead answers each criterion once.",
        ),
    ]

    @api.depends(
        "option_id.points", "scale_value", "answered_on", "criterion_id.min_points", "answer_type"
    )
    def _compute_points(self):
        for answer in self:
            criterion = answer.criterion_id
            if answer.answer_type == "scale":
                answered = bool(answer.answered_on)
            else:
                answered = bool(answer.option_id)
            answer.is_answered = answered
            answer.points = (
                criterion._answer_points(answer.option_id, answer.scale_value) if answered else 0.0
            )
            answer.satisfied = answered and answer.points >= criterion.min_points

    @api.depends("lead_id.qualification_framework_id", "framework_id")
    def _compute_is_current(self):
        for answer in self:
            answer.is_current = answer.framework_id == answer.lead_id.qualification_framework_id

    @api.constrains("option_id", "criterion_id")
    def _check_option(self):
        for answer in self.filtered("option_id"):
            if answer.option_id.criterion_id != answer.criterion_id:
                raise ValidationError(
                    _(
                        "“%(option)s” is not an answer to “%(criterion)s”.",
                        option=answer.option_id.name,
                        criterion=answer.criterion_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._answered_clean(vals) for vals in vals_list]
        Criterion = self.env["crm.qualification.criterion"]
        for vals in vals_list:
            criterion = Criterion.browse(vals.get("criterion_id"))
            if criterion and criterion.answer_type == "scale":
                answered = "scale_value" in vals
            else:
                answered = bool(vals.get("option_id"))
            if answered:
                vals.update(self._answered_stamp())
        answers = super().create(vals_list)
        answers.lead_id.check_access("write")
        answers.lead_id._qualification_promote()
        return answers

    def write(self, vals):
        self.lead_id.check_access("write")
        vals = self._answered_clean(vals)
        if not STAMP_TRIGGERS & set(vals):
            res = super().write(vals)
        else:
            # a scale answer is answered once stamped; an option answer, while it has an option
            scale = self.filtered(lambda answer: answer.answer_type == "scale")
            if "scale_value" in vals:
                stamped = scale
            else:
                stamped = scale.filtered("answered_on")
            options = self - scale
            if "option_id" in vals:
                stamped |= options if vals["option_id"] else self.browse()
                cleared = options if not vals["option_id"] else self.browse()
            else:
                stamped |= options.filtered("option_id")
                cleared = options.filtered(lambda answer: not answer.option_id)
            res = True
            for answers, stamp in (
                (stamped, self._answered_stamp()),
                (cleared, {"answered_by_id": False, "answered_on": False}),
                (self - stamped - cleared, {}),
            ):
                if answers:
                    res = (
                        super(CrmLeadQualificationAnswer, answers).write({**vals, **stamp}) and res
                    )
        self.lead_id._qualification_promote()
        return res

    @api.model
    def _answered_clean(self, vals):
        """Who answered and when is set by the server, never taken from the client."""
        return {key: value for key, value in vals.items() if key not in STAMP_FIELDS}

    def _answered_stamp(self):
        return {"answered_by_id": self.env.uid, "answered_on": fields.Datetime.now()}
