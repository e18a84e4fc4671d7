# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Stage gates: what an opportunity must have before it may enter a stage."""

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmStage(models.Model):
    _inherit = "crm.stage"

    default_probability = fields.Float(
        help="Probability given to an opportunity entering this stage, for teams that use "
        "their own pipeline. Glossary: Sales stages, Forecasting.",
    )
    gate_field_ids = fields.Many2many(
        "ir.model.fields",
        "crm_stage_gate_field_rel",
        "stage_id",
        "field_id",
        string="Required Fields",
        domain=[("model", "=", "crm.lead"), ("store", "=", True)],
        help="Fields an opportunity must fill before it can enter this stage. "
        "Glossary: Approval process, Sales stages.",
    )
    gate_decision_maker = fields.Boolean(
        "Requires a Decision Maker",
        help="The buying committee must name a decision maker. Glossary: Contact role.",
    )
    gate_quotation = fields.Boolean(
        "Requires a Quotation",
        help="The opportunity must have a quotation (proforma invoice). "
        "Glossary: Proforma invoice.",
    )
    has_gate = fields.Boolean(compute="_compute_has_gate")

    @api.depends("gate_field_ids", "gate_decision_maker", "gate_quotation")
    def _compute_has_gate(self):
        for stage in self:
            stage.has_gate = bool(
                stage.gate_field_ids or stage.gate_decision_maker or stage.gate_quotation
            )

    @api.constrains("gate_field_ids")
    def _check_gate_fields(self):
        for stage in self:
            wrong = stage.gate_field_ids.filtered(lambda f: f.model != "crm.lead")
            if wrong:
                raise ValidationError(
                    _(
                        "Stage “%(stage)s”: a gate can only require fields of leads, not "
                        "%(fields)s.",
                        stage=stage.name,
                        fields=", ".join(wrong.mapped("field_description")),
                    )
                )

    @api.constrains("default_probability")
    def _check_default_probability(self):
        for stage in self:
            if not 0 <= stage.default_probability <= 100:
                raise ValidationError(_("A probability is between 0 and 100."))

    def _gate_missing(self, lead):
        """Labels of what ``lead`` lacks to enter this stage (empty when it may enter)."""
        self.ensure_one()
        missing = []
        Lead = self.env["crm.lead"]
        # the gate definition is configuration: read it whoever moves the lead
        for field in self.sudo().gate_field_ids:
            if field.name not in Lead._fields:
                raise ValidationError(
                    _(
                        "The gate of stage “%(stage)s” requires the field “%(field)s”, which "
                        "no longer exists. Ask a sales manager to correct the stage.",
                        stage=self.name,
                        field=field.field_description or field.name,
                    )
                )
            if not lead[field.name]:
                missing.append(field.field_description)
        if self.gate_decision_maker and lead.decision_maker_missing:
            missing.append(_("a decision maker in the buying committee"))
        if self.gate_quotation and not lead.order_ids:
            missing.append(_("a quotation"))
        return missing
