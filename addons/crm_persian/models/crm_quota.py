# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column, table_exists

from ..tools import jalali
from .res_company import PERIOD_CALENDARS


class CrmQuota(models.Model):
    _inherit = "crm.quota"

    period_calendar = fields.Selection(
        PERIOD_CALENDARS,
        compute="_compute_period_calendar",
        store=True,
        readonly=False,
        precompute=True,
        help="Calendar of the quota's month, quarter or year. Jalali: the Iranian fiscal "
        "year from 1 Farvardin, so that a quota for the autumn quarter covers Mehr to Azar. "
        "Taken from the company's Period Calendar; whoever edits the quota, its period "
        "stays in this calendar.",
    )

    def _auto_init(self):
        """Existing quotas get the calendar their stored period is in, before the ORM sees
        the new column: it would otherwise recompute (and move) every quota's period."""
        cr = self.env.cr
        if table_exists(cr, self._table) and not column_exists(cr, self._table, "period_calendar"):
            create_column(cr, self._table, "period_calendar", "varchar")
            self._init_period_calendar()
        return super()._auto_init()

    def _init_period_calendar(self):
        """Set the calendar of quotas that have none: Jalali when their stored period is a
        Jalali month, quarter or year, else Gregorian. One read and one ``UPDATE``."""
        cr = self.env.cr
        cr.execute(
            SQL(
                "SELECT id, period_type, period_date, date_from, date_to FROM %s"
                " WHERE period_calendar IS NULL",
                SQL.identifier(self._table),
            )
        )
        rows = cr.fetchall()
        if not rows:
            return
        values = []
        for quota_id, period_type, period_date, date_from, date_to in rows:
            is_jalali = (
                period_type in jalali.PERIOD_TYPES
                and period_date
                and jalali.period_bounds(period_type, period_date) == (date_from, date_to)
            )
            values.append(SQL("(%s, %s)", quota_id, "jalali" if is_jalali else "gregorian"))
        cr.execute(
            SQL(
                "UPDATE %s AS q SET period_calendar = v.calendar FROM (VALUES %s)"
                " AS v(id, calendar) WHERE q.id = v.id",
                SQL.identifier(self._table),
                SQL(", ").join(values),
            )
        )

    @api.depends("company_id")
    def _compute_period_calendar(self):
        for quota in self:
            quota.period_calendar = quota.company_id.period_calendar or "gregorian"

    @api.depends("period_type", "period_date", "period_calendar")
    def _compute_period(self):
        jalali_quotas = self.filtered(lambda quota: quota.period_calendar == "jalali")
        super(CrmQuota, jalali_quotas.with_context(crm_period_calendar="jalali"))._compute_period()
        gregorian_quotas = (self - jalali_quotas).with_context(crm_period_calendar="gregorian")
        return super(CrmQuota, gregorian_quotas)._compute_period()

    @api.model
    def _get_period_bounds(self, period_type, date):
        """Jalali month, quarter and year (the Iranian fiscal year, from 1 Farvardin).

        In the calendar of the quota being computed, else in the current company's Period
        Calendar, never in the current user's own calendar: stored periods must not depend on
        who triggered their computation.
        """
        calendar = self.env.context.get("crm_period_calendar") or self.env.company.period_calendar
        if period_type not in jalali.PERIOD_TYPES or calendar != "jalali":
            return super()._get_period_bounds(period_type, date)
        return jalali.period_bounds(period_type, fields.Date.to_date(date))
