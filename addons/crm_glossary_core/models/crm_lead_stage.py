# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Stages of a lead: gates checked on entry, history kept, team pipelines respected."""

from odoo import _, api, models
from odoo.exceptions import UserError


class CrmLead(models.Model):
    _inherit = "crm.lead"

    def _check_stage_gates(self, stage):
        """Refuse, naming what is missing, the leads that may not enter ``stage``."""
        if not stage.has_gate:
            return
        problems = []
        for lead in self:
            missing = stage._gate_missing(lead)
            if missing:
                problems.append(
                    _(
                        "“%(lead)s” cannot enter stage “%(stage)s”; it lacks: %(missing)s.",
                        lead=lead.display_name,
                        stage=stage.name,
                        missing=", ".join(missing),
                    )
                )
        if problems:
            raise UserError("\n".join(problems))

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        for stage in leads.stage_id:
            leads.filtered(lambda lead, s=stage: lead.stage_id == s)._check_stage_gates(stage)
        self.env["crm.lead.stage.history"]._record_stage_changes(leads.filtered("stage_id"))
        return leads

    def write(self, vals):
        stage = self.env["crm.stage"].browse(vals.get("stage_id"))
        if stage:
            moving = self.filtered(lambda lead: lead.stage_id != stage)
            # gates apply to the values being written together with the stage
            with self.env.cr.savepoint():
                res = super().write(vals)
                moving._check_stage_gates(stage)
            if stage.default_probability and "probability" not in vals:
                own = moving.filtered(lambda lead: lead.team_id.use_own_pipeline)
                if own:
                    super(CrmLead, own).write({"probability": stage.default_probability})
            self.env["crm.lead.stage.history"]._record_stage_changes(moving)
            return res
        return super().write(vals)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        team = self.env["crm.team"].browse(self.env.context.get("default_team_id"))
        if team.use_own_pipeline:
            search = ["|", ("id", "in", stages.ids), ("team_id", "=", team.id)]
            return stages.sudo().search(search, order=stages._order).sudo(False)
        return super()._read_group_stage_ids(stages, domain)

    def _stage_find(self, team_id=False, domain=None, order="sequence, id", limit=1):
        teams = self.env["crm.team"].browse(team_id) | self.team_id
        if teams and all(teams.mapped("use_own_pipeline")):
            search = [("team_id", "in", teams.ids), *(domain or [])]
            return self.env["crm.stage"].search(search, order=order, limit=limit)
        return super()._stage_find(team_id=team_id, domain=domain, order=order, limit=limit)
