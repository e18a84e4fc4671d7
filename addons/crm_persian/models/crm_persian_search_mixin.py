# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Persian-insensitive text search (``علي`` finds ``علی``) backed by a trigram index."""

from odoo import api, models
from odoo.tools import SQL
from odoo.tools.sql import column_exists

from ..tools import text

LIKE_OPERATORS = ("like", "ilike", "=like", "=ilike", "not like", "not ilike")
NORMALIZE_NAMES_PARAM = "crm_persian.normalize_names"


class CrmPersianSearchMixin(models.AbstractModel):
    """Search a model's names whatever Arabic/Persian letter variants were typed.

    A model lists its searched fields in ``_persian_search_fields``; for each ``fname`` it
    declares a stored ``<fname>_search_key`` Char with ``index="trigram"`` computed by
    :meth:`_compute_persian_search_keys` (the folded form of :func:`tools.text.search_key`).

    The search itself hooks :meth:`_condition_to_sql`, the one place where the ORM turns a
    domain leaf into SQL: a ``like``/``ilike``/``=like``/``=ilike`` leaf (and their negations)
    on a listed field is rewritten into the same leaf on its key field, with the searched
    value folded the same way. This is the least invasive place: every search path (search
    views, ``name_search`` through ``_rec_names_search``, related paths such as
    ``partner_id.name``, exports, reports) goes through it, other operators and fields keep
    Odoo's behaviour, and the generated SQL is Odoo's own for a Char field — so the trigram
    index Odoo creates for the key field (with ``unaccent`` when the database has it) is the
    one the query uses. Overriding ``_search``/``_where_calc`` would have meant rewriting
    domains before parsing, missing sub-queries; a ``search=`` method on a field only works
    for non-stored fields.

    On install on a database with records, the key columns are created already filled by
    one set-based ``ALTER TABLE`` (:meth:`_persian_create_search_key_columns`), with SQL that
    mirrors ``search_key``.
    Uninstalling drops the key columns; the names themselves stay as they are.
    """

    _name = "crm.persian.search.mixin"
    _description = "Persian-insensitive search"

    #: searched text fields; each has a stored "<fname>_search_key" field
    _persian_search_fields = ()
    #: fields whose saved text is normalized (see tools.text.normalize) when the setting is on
    _persian_normalize_fields = ()

    @api.model
    def _persian_search_key_sql(self, column_sql):
        """SQL expression computing ``tools.text.search_key`` of ``column_sql``."""
        source, target = text.search_key_sql_parts()
        return SQL(
            "NULLIF(btrim(regexp_replace(translate(%s, %s, %s), ' {2,}', ' ', 'g'), ' '), '')",
            column_sql,
            source,
            target,
        )

    def _auto_init(self):
        self._persian_create_search_key_columns()
        return super()._auto_init()

    def _persian_create_search_key_columns(self):
        """Create the missing key columns already filled, before the ORM sees them (the ORM
        then does not recompute the keys record by record in Python).

        The columns are added as ``GENERATED ... STORED`` columns in one ``ALTER TABLE`` —
        PostgreSQL computes them while rewriting the table once and rebuilds the indexes in
        bulk, much faster on a large table than an ``UPDATE`` that inserts a new entry in
        every index for every row — then ``DROP EXPRESSION`` turns them into plain columns
        that the ORM maintains from then on."""
        cr = self.env.cr
        missing = [
            (fname, f"{fname}_search_key")
            for fname in self._persian_search_fields
            if column_exists(cr, self._table, fname)
            and not column_exists(cr, self._table, f"{fname}_search_key")
        ]
        if not missing:
            return
        table = SQL.identifier(self._table)
        cr.execute(
            SQL(
                "ALTER TABLE %s %s",
                table,
                SQL(", ").join(
                    SQL(
                        "ADD COLUMN %s varchar GENERATED ALWAYS AS (CAST(%s AS varchar)) STORED",
                        SQL.identifier(key),
                        self._persian_search_key_sql(SQL.identifier(fname)),
                    )
                    for fname, key in missing
                ),
            )
        )
        cr.execute(
            SQL(
                "ALTER TABLE %s %s",
                table,
                SQL(", ").join(
                    SQL("ALTER COLUMN %s DROP EXPRESSION", SQL.identifier(key))
                    for _fname, key in missing
                ),
            )
        )

    def _compute_persian_search_keys(self):
        for record in self:
            for fname in self._persian_search_fields:
                record[f"{fname}_search_key"] = text.search_key(record[fname])

    def _condition_to_sql(self, alias, fname, operator, value, query):
        if (
            fname in self._persian_search_fields
            and operator in LIKE_OPERATORS
            and isinstance(value, str)
        ):
            key = text.search_key(value)
            if key:
                return super()._condition_to_sql(alias, f"{fname}_search_key", operator, key, query)
        return super()._condition_to_sql(alias, fname, operator, value, query)

    # ------------------------------------------------------------------ normalization on save
    @api.model
    def _persian_normalize_enabled(self):
        param = self.env["ir.config_parameter"].sudo().get_param(NORMALIZE_NAMES_PARAM)
        return bool(param) and param not in ("False", "0")

    @api.model
    def _persian_normalize_vals(self, vals):
        """Return ``vals`` with the listed names normalized, when the setting is on."""
        if not self._persian_normalize_fields or not self._persian_normalize_enabled():
            return vals
        changed = {
            fname: text.normalize(vals[fname])
            for fname in self._persian_normalize_fields
            if isinstance(vals.get(fname), str)
        }
        return {**vals, **changed} if changed else vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._persian_normalize_vals(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._persian_normalize_vals(vals))
