# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Iranian phone numbers in Odoo's phone_validation mechanism."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import SQL, split_every
from odoo.tools.sql import column_exists

from ..tools import digits
from ..tools import phone as phone_tools

PHONE_KINDS = [
    ("mobile", "Mobile"),
    ("landline", "Landline"),
    ("voip", "VoIP"),
    ("other", "Other"),
    ("invalid", "Invalid number"),
]


class CrmPersianPhoneMixin(models.AbstractModel):
    """Phone formatting that understands how Iranians type numbers.

    ``phone_validation`` formats numbers through ``_phone_format`` → ``_phone_format_number``
    with the record's country (else the company's). This override parses with
    :mod:`tools.phone`: Persian/Arabic digits, separators, ``+98``, ``0098``, ``98`` and the
    leading ``0`` all give the same E.164 number, which ``mail.thread.phone`` stores in
    ``phone_sanitized`` — so duplicate detection (crm's duplicate leads, blacklist, SMS)
    compares canonical numbers. A number that is not valid in the record's country but is a
    valid Iranian number is read as Iranian: this module is installed by companies in Iran,
    whose contacts often have no country set.
    """

    _name = "crm.persian.phone.mixin"
    _description = "Iranian phone numbers"

    #: phone fields whose kind is computed into "<fname>_kind" (declared by each model)
    _persian_phone_fields = ()
    #: stored field holding the canonical (E.164) number
    _persian_phone_sanitized_field = "phone_sanitized"

    phone_canonical_search = fields.Char(
        "Phone (any format)",
        store=False,
        search="_search_phone_canonical",
        help="Finds the number however it is typed (0912…, +98 912…, 0098…, Persian digits).",
    )

    def _search_phone_canonical(self, operator, value):
        fname = self._persian_phone_sanitized_field
        e164 = self._phone_format(number=value) if isinstance(value, str) else False
        if not e164:
            return [(fname, operator, value)]
        negative = operator in expression.NEGATIVE_TERM_OPERATORS
        return [(fname, "!=" if negative else "=", e164)]

    def _auto_init(self):
        first_install = any(
            not column_exists(self.env.cr, self._table, f"{fname}_kind")
            for fname in self._persian_phone_fields
        )
        result = super()._auto_init()
        if first_install:
            self._persian_recompute_sanitized_phones()
        return result

    def _persian_recompute_sanitized_phones(self):
        """Numbers Odoo could not read before (Iranian numbers of contacts without a country,
        in a company outside Iran) get their canonical form. Only those rows are recomputed,
        selected in one query."""
        field = self._fields.get(self._persian_phone_sanitized_field)
        phones = [
            fname
            for fname in self._persian_phone_fields
            if fname in self._fields and self._fields[fname].store
        ]
        if not (field and field.store and field.compute and phones):
            return
        if not column_exists(self.env.cr, self._table, field.name):
            return  # a new column: the ORM computes it for every row anyway
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE %s IS NULL AND (%s)",
                SQL.identifier(self._table),
                SQL.identifier(field.name),
                SQL(" OR ").join(
                    SQL("COALESCE(%s, '') != ''", SQL.identifier(fname)) for fname in phones
                ),
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        if ids:
            self.env.add_to_compute(field, self.browse(ids))

    @api.model
    def _persian_phone_region(self, country=None):
        country = country or self.env.company.country_id
        return country.code or phone_tools.REGION

    @api.model
    def _persian_phone_parse(self, number, country=None):
        """``tools.phone.ParsedPhone`` of ``number``, trying the country's region then Iran;
        raises ``tools.phone.InvalidPhone``."""
        region = self._persian_phone_region(country)
        try:
            return phone_tools.parse(number, region)
        except phone_tools.InvalidPhone:
            if region == phone_tools.REGION:
                raise
            return phone_tools.parse(number, phone_tools.REGION)

    @api.model
    def _persian_phone_error(self, number, reason):
        messages = {
            "empty": _("The phone number is empty."),
            "not_a_number": _(
                "“%(number)s” is not a phone number: use digits, spaces and dashes only.",
                number=number,
            ),
            "too_short": _("The phone number “%(number)s” has too few digits.", number=number),
            "too_long": _("The phone number “%(number)s” has too many digits.", number=number),
            "invalid": _(
                "“%(number)s” is not a valid phone number. Iranian numbers look like "
                "0912 123 4567 or 021 8877 6655 (Persian digits and +98 are accepted).",
                number=number,
            ),
        }
        return messages.get(reason, messages["invalid"])

    def _phone_format_number(self, number, country, force_format="E164", raise_exception=False):
        if not number:
            return False
        try:
            parsed = self._persian_phone_parse(number, country)
        except phone_tools.InvalidPhone as error:
            if raise_exception:
                raise UserError(self._persian_phone_error(number, error.reason)) from error
            return False
        if force_format == "E164":
            return parsed.e164
        if force_format == "RFC3966":
            return super()._phone_format_number(
                parsed.e164, country, force_format=force_format, raise_exception=raise_exception
            )
        if force_format == "NATIONAL" and parsed.region == self._persian_phone_region(country):
            return parsed.national
        return parsed.international

    @api.model
    def _persian_phone_kind(self, number, country=None):
        if not number:
            return False
        try:
            return self._persian_phone_parse(number, country).kind
        except phone_tools.InvalidPhone:
            return "invalid"

    def _persian_phone_country(self):
        self.ensure_one()
        country_fname = self._phone_get_country_field()
        return self[country_fname] if country_fname else self.env["res.country"]

    def _compute_persian_phone_kinds(self):
        for record in self:
            country = record._persian_phone_country()
            for fname in self._persian_phone_fields:
                record[f"{fname}_kind"] = self._persian_phone_kind(record[fname], country)

    def _persian_phone_onchange(self, fname):
        """Show the number the Iranian way, or warn (keeping the typed text) when invalid."""
        self.ensure_one()
        number = self[fname]
        if not number:
            return None
        try:
            parsed = self._persian_phone_parse(number, self._persian_phone_country())
        except phone_tools.InvalidPhone as error:
            return {
                "warning": {
                    "title": _("Check the phone number"),
                    "message": self._persian_phone_error(number, error.reason)
                    + "\n"
                    + _("The number is kept as typed; it will not be used for SMS."),
                    "type": "notification",
                }
            }
        if parsed.region == phone_tools.REGION:
            self[fname] = parsed.national
        else:
            self[fname] = parsed.international
        return None

    @api.model
    def _persian_phone_display(self, number, country=None):
        """The national display form (``0912 123 4567``) of a valid Iranian number, else
        ``None``: invalid text and foreign numbers are kept as typed."""
        if not number:
            return None
        try:
            parsed = self._persian_phone_parse(number, country)
        except phone_tools.InvalidPhone:
            return None
        return parsed.national if parsed.region == phone_tools.REGION else None

    @api.model
    def _persian_phone_vals(self, vals, country=None):
        """Phone fields of ``vals`` as they are stored: Latin digits, and the national
        display form for valid Iranian numbers (imports and API calls as well as forms)."""
        changed = {}
        for fname in self._persian_phone_fields:
            if not isinstance(vals.get(fname), str):
                continue
            number = digits.to_latin(vals[fname])
            changed[fname] = self._persian_phone_display(number, country) or number
        return {**vals, **changed} if changed else vals

    def _persian_phone_vals_country(self, vals):
        """The country ``vals`` set on the records, if they set one."""
        country_fname = self._phone_get_country_field()
        if not country_fname or not vals.get(country_fname):
            return None
        return self.env["res.country"].browse(vals[country_fname])

    @api.model_create_multi
    def create(self, vals_list):
        return super().create(
            [
                self._persian_phone_vals(vals, self._persian_phone_vals_country(vals))
                for vals in vals_list
            ]
        )

    def write(self, vals):
        if not any(isinstance(vals.get(fname), str) for fname in self._persian_phone_fields):
            return super().write(vals)
        country = self._persian_phone_vals_country(vals)
        country_fname = self._phone_get_country_field()
        if country or not country_fname or len(self) <= 1:
            if not country and country_fname and self:
                country = self[country_fname]
            return super().write(self._persian_phone_vals(vals, country))
        # records of different countries may read the same text differently
        for record_country, records in self.grouped(country_fname).items():
            super(CrmPersianPhoneMixin, records).write(
                self._persian_phone_vals(vals, record_country)
            )
        return True

    def _persian_format_stored_phones(self, batch_size=5000):
        """Valid Iranian numbers already stored (before install: imports, API, old forms)
        get their national display form; invalid text is kept. Reads and updates by batches:
        one read and one ``UPDATE`` per phone field and batch; the canonical number
        (``phone_sanitized``) does not change."""
        fnames = [
            fname
            for fname in self._persian_phone_fields
            if fname in self._fields and self._fields[fname].store
        ]
        if not fnames:
            return 0
        country_fname = self._phone_get_country_field()
        records = self.with_context(active_test=False).search(
            expression.OR([[(fname, "!=", False)] for fname in fnames]), order="id"
        )
        done = 0
        for ids in split_every(batch_size, records.ids):
            batch = records.browse(ids)
            batch.fetch(fnames + ([country_fname] if country_fname else []))
            updates = {fname: [] for fname in fnames}
            for record in batch:
                country = record[country_fname] if country_fname else None
                for fname in fnames:
                    number = record[fname]
                    display = self._persian_phone_display(number, country)
                    if display and display != number:
                        updates[fname].append((record.id, display))
            for fname, values in updates.items():
                if not values:
                    continue
                self.env.cr.execute(
                    SQL(
                        "UPDATE %(table)s SET %(column)s = v.number FROM (VALUES %(values)s)"
                        " AS v(id, number) WHERE %(table)s.id = v.id",
                        table=SQL.identifier(self._table),
                        column=SQL.identifier(fname),
                        values=SQL(", ").join(SQL("(%s, %s)", *value) for value in values),
                    )
                )
                done += len(values)
            batch.invalidate_recordset(fnames)
        return done
