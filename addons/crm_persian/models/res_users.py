# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

JALALI_LANGS = ("fa_IR",)


class ResUsers(models.Model):
    _inherit = "res.users"

    # Named ``context_*`` so that Odoo puts them in every user context (``date_calendar``,
    # ``date_digits``): the web client receives them in the session's ``user_context`` and
    # server code (reports, mail templates) can read them without an extra query.
    context_date_calendar = fields.Selection(
        selection=[("gregorian", "Gregorian"), ("jalali", "Jalali (Shamsi)")],
        string="Calendar",
        compute="_compute_context_date_calendar",
        store=True,
        readonly=False,
        help="Calendar in which this user sees, types and prints dates. Jalali (Solar Hijri, "
        "Shamsi) is the Iranian calendar; the Iranian fiscal year starts on 1 Farvardin. "
        "Follows the language (Jalali for Persian) until it is set here; changing the "
        "language sets it again.",
    )
    context_date_digits = fields.Selection(
        selection=[("latin", "Latin (0-9)"), ("persian", "Persian (۰-۹)")],
        string="Date Digits",
        default="latin",
        required=True,
        help="Digits used to show Jalali dates, e.g. 1404/08/25 or ۱۴۰۴/۰۸/۲۵.",
    )

    @api.depends("lang")
    def _compute_context_date_calendar(self):
        for user in self:
            user.context_date_calendar = "jalali" if user.lang in JALALI_LANGS else "gregorian"

    @property
    def SELF_READABLE_FIELDS(self):
        return [*super().SELF_READABLE_FIELDS, "context_date_calendar", "context_date_digits"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return [*super().SELF_WRITEABLE_FIELDS, "context_date_calendar", "context_date_digits"]

    def _is_jalali_user(self):
        """Whether this user reads dates in the Jalali calendar."""
        self.ensure_one()
        return self.context_date_calendar == "jalali"
