# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Walk the salesperson through the questions of the lead's qualification framework."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmLeadQualificationWizard(models.TransientModel):
    _name = "crm.lead.qualification.wizard"
    _description = "Qualify a Lead"

    lead_id = fields.Many2one("crm.lead", required=True, ondelete="cascade")
    framework_id = fields.Many2one(related="lead_id.qualification_framework_id")
    step = fields.Integer(default=0)
    step_count = fields.Integer(compute="_compute_answer_id")
    answer_id = fields.Many2one(
        "crm.lead.qualification.answer", compute="_compute_answer_id", string="Answer Line"
    )
    criterion_id = fields.Many2one(related="answer_id.criterion_id")
    question = fields.Text(related="answer_id.question")
    answer_type = fields.Selection(related="answer_id.answer_type")
    scale_max = fields.Integer(related="answer_id.scale_max")
    required = fields.Boolean(related="answer_id.required")
    option_id = fields.Many2one(
        "crm.qualification.answer.option",
        "Answer",
        domain="[('criterion_id', '=', criterion_id)]",
    )
    scale_value = fields.Integer("Scale Answer")
    evidence = fields.Text()
    progress = fields.Char(compute="_compute_answer_id")
    qualification_percentage = fields.Float(related="lead_id.qualification_percentage")
    is_qualified = fields.Boolean(related="lead_id.is_qualified")

    def _answers(self):
        return self.lead_id.qualification_answer_ids.sorted(lambda a: (a.sequence, a.id))

    @api.depends("lead_id", "step")
    def _compute_answer_id(self):
        for wizard in self:
            answers = wizard._answers()
            wizard.step_count = len(answers)
            wizard.answer_id = answers[wizard.step] if 0 <= wizard.step < len(answers) else False
            wizard.progress = _(
                "Question %(step)s of %(count)s", step=wizard.step + 1, count=len(answers)
            )

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        for wizard in wizards:
            if not wizard._answers():
                raise UserError(_("Choose a qualification framework for the lead first."))
            wizard._load_answer()
        return wizards

    def _load_answer(self):
        answer = self.answer_id
        self.write(
            {
                "option_id": answer.option_id.id,
                "scale_value": answer.scale_value,
                "evidence": answer.evidence,
            }
        )

    def _save_answer(self):
        answer = self.answer_id
        vals = {}
        if self.answer_type == "scale":
            if self.scale_value != answer.scale_value or not answer.answered_on:
                vals["scale_value"] = self.scale_value
        elif self.option_id != answer.option_id:
            vals["option_id"] = self.option_id.id
        if (self.evidence or False) != (answer.evidence or False):
            vals["evidence"] = self.evidence
        if vals:
            answer.write(vals)

    def _action_reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": _("Qualify %s", self.lead_id.display_name),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _go(self, step):
        self.step = step
        self._load_answer()
        return self._action_reopen()

    def action_next(self):
        self.ensure_one()
        self._save_answer()
        if self.step + 1 >= self.step_count:
            return self.action_done()
        return self._go(self.step + 1)

    def action_previous(self):
        self.ensure_one()
        self._save_answer()
        return self._go(max(self.step - 1, 0))

    def action_skip(self):
        self.ensure_one()
        if self.step + 1 >= self.step_count:
            return self.action_done()
        return self._go(self.step + 1)

    def action_done(self):
        self.ensure_one()
        self._save_answer()
        return {"type": "ir.actions.act_window_close"}
