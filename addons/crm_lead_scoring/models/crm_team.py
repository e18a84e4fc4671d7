# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Per-team qualification framework, scoring thresholds and score-based assignment conditions."""

from ast import literal_eval

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import scoring

THRESHOLD_FIELDS = {
    "mql": "score_mql_threshold",
    "warm": "score_warm_threshold",
    "hot": "score_hot_threshold",
    "grade_a": "score_grade_a",
    "grade_b": "score_grade_b",
    "grade_c": "score_grade_c",
}
ASSIGNMENT_CONDITION_FIELDS = (
    "assignment_min_score",
    "assignment_min_temperature",
    "assignment_min_grade",
)
# Lead fields that the assignment conditions write into Odoo's own assignment domain.
MANAGED_LEAD_FIELDS = {"score_total", "temperature", "fit_grade"}
TEMPERATURE_SELECTION = [("cold", "Cold"), ("warm", "Warm"), ("hot", "Hot")]
GRADE_SELECTION = [("A", "A"), ("B", "B"), ("C", "C"), ("D", "D")]


class ScoreAssignmentMixin(models.AbstractModel):
    """Score conditions of a team or a team member, kept in Odoo's ``assignment_domain``.

    Odoo's assignment (team allocation, then round-robin over members within their capacity)
    reads ``assignment_domain``; the conditions below are written into it as ordinary leaves on
    the lead's score fields, so Odoo's engine applies them and no second engine exists.
    """

    _name = "crm.score.assignment.mixin"
    _description = "Score Conditions of Lead Assignment"

    assignment_min_score = fields.Integer(
        "Minimum Score",
        help="Only leads with at least this total score are assigned here (0: any). "
        "Glossary: Assignment rules.",
    )
    assignment_min_temperature = fields.Selection(
        TEMPERATURE_SELECTION,
        "Minimum Temperature",
        help="Only leads at least this warm are assigned here. Glossary: Cold / warm / hot lead.",
    )
    assignment_min_grade = fields.Selection(
        GRADE_SELECTION,
        "Minimum Fit Grade",
        help="Only leads with this fit grade or better are assigned here.",
    )

    def _score_assignment_terms(self, vals):
        min_score = vals.get("assignment_min_score", self.assignment_min_score)
        temperature = vals.get("assignment_min_temperature", self.assignment_min_temperature)
        grade = vals.get("assignment_min_grade", self.assignment_min_grade)
        terms = []
        if min_score:
            terms.append(("score_total", ">=", min_score))
        if temperature:
            order = scoring.TEMPERATURE_ORDER
            terms.append(("temperature", "in", order[order.index(temperature) :]))
        if grade:
            order = scoring.GRADE_ORDER
            terms.append(("fit_grade", "in", order[: order.index(grade) + 1]))
        return terms

    def _score_assignment_domain(self, vals):
        domain = vals.get("assignment_domain", self.assignment_domain) or "[]"
        merged = scoring.merge_conditions(
            literal_eval(domain), MANAGED_LEAD_FIELDS, self._score_assignment_terms(vals)
        )
        return repr(merged) if merged else False

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if any(vals.get(f) for f in ASSIGNMENT_CONDITION_FIELDS):
                vals["assignment_domain"] = self.new({})._score_assignment_domain(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not set(ASSIGNMENT_CONDITION_FIELDS) & set(vals):
            return super().write(vals)
        for record in self:
            super(ScoreAssignmentMixin, record).write(
                {**vals, "assignment_domain": record._score_assignment_domain(vals)}
            )
        return True


class CrmTeam(models.Model):
    _name = "crm.team"
    _inherit = ["crm.team", "crm.score.assignment.mixin"]

    qualification_framework_id = fields.Many2one(
        "crm.qualification.framework",
        "Default Qualification Framework",
        help="Framework given to the team's new leads. Glossary: Lead qualification.",
    )
    score_mql_threshold = fields.Integer(
        "MQL Threshold",
        default=scoring.DEFAULT_THRESHOLDS["mql"],
        help="A raw lead reaching this score becomes marketing qualified and the team is "
        "told. Glossary: MQL.",
    )
    score_warm_threshold = fields.Integer(
        "Warm From",
        default=scoring.DEFAULT_THRESHOLDS["warm"],
        help="Score from which a lead is warm. Glossary: Cold / warm / hot lead.",
    )
    score_hot_threshold = fields.Integer(
        "Hot From",
        default=scoring.DEFAULT_THRESHOLDS["hot"],
        help="Score from which a lead is hot; its salesperson gets an activity. "
        "Glossary: Cold / warm / hot lead.",
    )
    score_grade_a = fields.Integer(
        "Grade A From",
        default=scoring.DEFAULT_THRESHOLDS["grade_a"],
        help="Fit score from which a lead is graded A.",
    )
    score_grade_b = fields.Integer("Grade B From", default=scoring.DEFAULT_THRESHOLDS["grade_b"])
    score_grade_c = fields.Integer("Grade C From", default=scoring.DEFAULT_THRESHOLDS["grade_c"])

    def _score_thresholds(self):
        """The team's thresholds as ``scoring`` expects them (defaults without a team)."""
        if not self:
            return dict(scoring.DEFAULT_THRESHOLDS)
        self.ensure_one()
        return {key: self[fname] for key, fname in THRESHOLD_FIELDS.items()}

    @api.constrains(*THRESHOLD_FIELDS.values())
    def _check_score_thresholds(self):
        labels = {
            "zero": "0",
            **{
                key: self._fields[fname]._description_string(self.env)
                for key, fname in THRESHOLD_FIELDS.items()
            },
        }
        for team in self:
            errors = scoring.threshold_errors(team._score_thresholds())
            if errors:
                low, high = errors[0]
                raise ValidationError(
                    _(
                        "Team %(team)s: “%(high)s” must be above “%(low)s”.",
                        team=team.name,
                        low=labels[low],
                        high=labels[high],
                    )
                )

    def write(self, vals):
        res = super().write(vals)
        if set(THRESHOLD_FIELDS.values()) & set(vals):
            self.env["crm.lead"]._score_recompute(
                domain=[("team_id", "in", self.ids)], force_temperature=True
            )
        return res
