# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Qualification frameworks: BANT, CHAMP, MEDDIC and the questions each one asks."""

from odoo import fields, models


class CrmQualificationFramework(models.Model):
    _name = "crm.qualification.framework"
    _description = "Qualification Framework"
    _order = "sequence, id"

    name = fields.Char(
        required=True,
        translate=True,
        help="Name of the framework. Glossary: B.A.N.T, C.H.A.M.P, MEDDIC, ANUM, …",
    )
    code = fields.Char(help="Short code, e.g. BANT.")
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", help="Leave empty to share the framework between companies."
    )
    criterion_ids = fields.One2many(
        "crm.qualification.criterion", "framework_id", "Criteria", copy=True
    )
    criterion_count = fields.Integer(compute="_compute_criterion_count")

    def _compute_criterion_count(self):
        counts = dict(
            self.env["crm.qualification.criterion"]._read_group(
                [("framework_id", "in", self.ids)], ["framework_id"], ["__count"]
            )
        )
        for framework in self:
            framework.criterion_count = counts.get(framework, 0)
