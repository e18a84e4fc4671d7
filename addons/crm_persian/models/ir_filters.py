# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Saved filters that would break once this module's fields are gone (uninstall)."""

import ast
import json
import re
from collections import defaultdict

from odoo import api, models

# keys of a saved filter's context that name fields to group by or measure
FIELD_LIST_KEYS = ("group_by", "pivot_row_groupby", "pivot_column_groupby", "graph_groupbys")
MEASURE_KEYS = ("pivot_measures", "graph_measure")


def _field_name(spec):
    """``create_jalali_month`` of ``create_jalali_month``, ``date:month`` or ``name desc``."""
    return spec.split(":")[0].split()[0] if isinstance(spec, str) and spec.strip() else spec


class IrFilters(models.Model):
    _inherit = "ir.filters"

    @api.model
    def _crm_persian_module_fields(self, module="crm_persian"):
        """``{model: {field names}}`` of the fields only ``module`` defines: those its
        uninstallation removes."""
        Data = self.env["ir.model.data"].sudo()
        own = Data.search([("model", "=", "ir.model.fields"), ("module", "=", module)])
        shared = Data.search(
            [
                ("model", "=", "ir.model.fields"),
                ("res_id", "in", own.mapped("res_id")),
                ("module", "!=", module),
            ]
        )
        field_ids = set(own.mapped("res_id")) - set(shared.mapped("res_id"))
        names = defaultdict(set)
        for field in self.env["ir.model.fields"].sudo().browse(field_ids).exists():
            names[field.model].add(field.name)
        return dict(names)

    @api.model
    def _crm_persian_remove_fields(self, fields_by_model):
        """Saved filters (favorites) of ``fields_by_model`` (``{model: {field names}}``)
        stop using those fields: group-bys, measures and sort orders on them are dropped, and
        filters whose domain uses one of them are deleted (they could not be read any more).
        """
        if not fields_by_model:
            return
        saved_filters = (
            self.sudo()
            .with_context(active_test=False)
            .search([("model_id", "in", list(fields_by_model))])
        )
        to_delete = self.browse()
        for saved in saved_filters:
            names = fields_by_model[saved.model_id]
            pattern = re.compile(r"\b(%s)\b" % "|".join(map(re.escape, sorted(names))))
            if pattern.search(saved.domain or ""):
                to_delete |= saved
                continue
            values = {}
            try:
                if pattern.search(saved.context or ""):
                    context = ast.literal_eval(saved.context)
                    values["context"] = repr(self._crm_persian_strip_context(context, names))
                if pattern.search(saved.sort or ""):
                    sort = [
                        spec for spec in json.loads(saved.sort) if _field_name(spec) not in names
                    ]
                    values["sort"] = json.dumps(sort)
            except (ValueError, SyntaxError, TypeError, AttributeError):
                to_delete |= saved  # not a literal: cannot be cleaned, would not load
                continue
            if values:
                saved.write(values)
        to_delete.unlink()

    @api.model
    def _crm_persian_strip_context(self, context, names):
        """``context`` without the group-bys and measures on fields ``names``."""
        context = dict(context)
        for key in FIELD_LIST_KEYS + MEASURE_KEYS:
            if key not in context:
                continue
            value = context[key]
            if isinstance(value, str):
                if _field_name(value) in names:
                    del context[key]
            elif isinstance(value, list | tuple):
                context[key] = [spec for spec in value if _field_name(spec) not in names]
        return context
