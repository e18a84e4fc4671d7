# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Fit rules on the lead's contact (``partner_id.industry_id``, ...) follow the contact."""

from odoo import api, models, tools


class ResPartner(models.Model):
    _inherit = "res.partner"

    def write(self, vals):
        res = super().write(vals)
        changed = set(vals) & self._score_fit_fields()
        if changed and not self.env.context.get("crm_lead_scoring_skip"):
            # the recompute reads the contacts in SQL
            self.flush_model(list(changed))
            self.env["crm.lead"].sudo()._score_recompute(
                domain=[("partner_id", "child_of", self.commercial_partner_id.ids)]
            )
        return res

    @api.model
    @tools.ormcache()
    def _score_fit_fields(self):
        """Contact fields the active fit rules read through a lead's contact, e.g.
        ``is_company`` for ``partner_id.is_company`` (cleared when a rule changes)."""
        names = set()
        for rule in self.env["crm.scoring.rule"].sudo().search([("rule_type", "=", "fit")]):
            for leaf in rule._fit_domain():
                if isinstance(leaf, list | tuple):
                    names.update(self._score_partner_path_fields(str(leaf[0])))
        return frozenset(names)

    @api.model
    def _score_partner_path_fields(self, path):
        """Names of the contact fields on a lead field path: ``partner_id.parent_id.state_id``
        gives ``parent_id`` and ``state_id``."""
        model, names = self.env["crm.lead"], []
        for name in path.split("."):
            field = model._fields.get(name)
            if field is None:
                break
            if model._name == "res.partner":
                names.append(name)
            if not field.relational:
                break
            model = self.env[field.comodel_name]
        return names
