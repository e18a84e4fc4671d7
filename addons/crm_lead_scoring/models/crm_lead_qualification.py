# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Lead qualification with a framework (BANT, CHAMP, ...): answers, percentage, qualified."""

from odoo import _, api, fields, models

from ..tools import scoring

PROMOTABLE_STATUSES = ("raw", "mql", "sal", "recycled")


class CrmLead(models.Model):
    _inherit = "crm.lead"

    qualification_framework_id = fields.Many2one(
        "crm.qualification.framework",
        compute="_compute_qualification_framework_id",
        store=True,
        readonly=False,
        index=True,
        help="The framework whose questions qualify this lead; the sales team's default. "
        "Glossary: Lead qualification, B.A.N.T, C.H.A.M.P.",
    )
    qualification_answer_ids = fields.One2many(
        "crm.lead.qualification.answer",
        "lead_id",
        "Qualification",
        domain=[("is_current", "=", True)],
    )
    qualification_history_ids = fields.One2many(
        "crm.lead.qualification.answer",
        "lead_id",
        "Earlier Answers",
        domain=[("is_current", "=", False)],
        readonly=True,
        help="Answers given under a framework the lead no longer uses.",
    )
    qualification_percentage = fields.Float(
        compute="_compute_qualification",
        store=True,
        aggregator="avg",
        help="Weighted share of the framework's criteria the answers satisfy. "
        "Glossary: Lead qualification.",
    )
    is_qualified = fields.Boolean(
        "Qualified",
        compute="_compute_qualification",
        store=True,
        index=True,
        help="Every required criterion of the framework is satisfied. Glossary: SQL.",
    )

    @api.depends("team_id")
    def _compute_qualification_framework_id(self):
        for lead in self:
            if not lead.qualification_framework_id:
                lead.qualification_framework_id = lead.team_id.qualification_framework_id

    @api.depends(
        "qualification_framework_id.criterion_ids.weight",
        "qualification_framework_id.criterion_ids.required",
        "qualification_answer_ids.points",
        "qualification_answer_ids.satisfied",
        "qualification_answer_ids.is_current",
    )
    def _compute_qualification(self):
        for lead in self:
            answers = {a.criterion_id: a for a in lead.qualification_answer_ids}
            percentage, qualified = scoring.qualification(
                {
                    "weight": criterion.weight,
                    "required": criterion.required,
                    "points": answers[criterion].points if criterion in answers else None,
                    "satisfied": criterion in answers and answers[criterion].satisfied,
                }
                for criterion in lead.qualification_framework_id.criterion_ids
            )
            lead.qualification_percentage = percentage
            lead.is_qualified = qualified

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads.filtered("qualification_framework_id")._qualification_sync_answers()
        return leads

    def write(self, vals):
        res = super().write(vals)
        if "qualification_framework_id" in vals or "team_id" in vals:
            leads = self.filtered("qualification_framework_id")
            leads._qualification_sync_answers()
            leads._qualification_promote()
        return res

    def _qualification_sync_answers(self):
        """Give each lead one answer line per criterion of its framework (empty until answered).

        Answers to another framework stay on the lead as history.
        """
        existing = {
            (answer.lead_id.id, answer.criterion_id.id)
            for answer in self.env["crm.lead.qualification.answer"]
            .sudo()
            .search([("lead_id", "in", self.ids)])
        }
        vals_list = [
            {"lead_id": lead.id, "criterion_id": criterion.id}
            for lead in self
            for criterion in lead.qualification_framework_id.criterion_ids
            if (lead.id, criterion.id) not in existing
        ]
        if vals_list:
            self.env["crm.lead.qualification.answer"].sudo().create(vals_list)

    def _qualification_promote(self):
        """Qualified leads still in the marketing hand-off become sales qualified (SQL)."""
        leads = self.filtered(
            lambda lead: lead.is_qualified and lead.qualification_status in PROMOTABLE_STATUSES
        )
        if leads:
            leads._set_qualification_status("sql")
            for lead in leads:
                lead.message_post(
                    body=_(
                        "Qualified with %(framework)s (%(percentage)s%%): the lead is now sales "
                        "qualified (SQL).",
                        framework=lead.qualification_framework_id.name,
                        percentage=round(lead.qualification_percentage),
                    ),
                    subtype_xmlid="mail.mt_note",
                )

    def action_open_qualification_wizard(self):
        self.ensure_one()
        self.check_access("write")
        self._qualification_sync_answers()
        wizard = self.env["crm.lead.qualification.wizard"].create({"lead_id": self.id})
        return wizard._action_reopen()
