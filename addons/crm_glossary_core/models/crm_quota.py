# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Sales quotas: targets per salesperson or team and period, and their attainment."""

import datetime

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

PERIOD_TYPES = [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")]
TARGET_TYPES = [
    ("won_revenue", "Won revenue"),
    ("invoiced_revenue", "Invoiced revenue"),
    ("won_deals", "Won deals"),
    ("new_customers", "New customers"),
]
MONETARY_TARGETS = ("won_revenue", "invoiced_revenue")


class CrmQuota(models.Model):
    _name = "crm.quota"
    _description = "Sales Quota"
    _order = "date_from desc, team_id, user_id, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one(
        "res.users",
        "Salesperson",
        index=True,
        domain="[('share', '=', False)]",
        help="The salesperson the target is for; leave empty for a team quota. Glossary: Quota.",
    )
    team_id = fields.Many2one(
        "crm.team",
        "Sales Team",
        index=True,
        check_company=True,
        help="The team the target is for (a team quota when no salesperson is set). "
        "Glossary: Quota, Sales team.",
    )
    period_type = fields.Selection(
        PERIOD_TYPES,
        "Period",
        required=True,
        default="month",
        help="The length of the quota period. Glossary: Quota.",
    )
    period_date = fields.Date(
        "In Period Of",
        required=True,
        default=fields.Date.context_today,
        help="Any date within the period; the period's first and last days follow from it.",
    )
    date_from = fields.Date(
        "Start",
        compute="_compute_period",
        store=True,
        readonly=False,
        required=True,
        index=True,
        precompute=True,
        help="First day of the quota period.",
    )
    date_to = fields.Date(
        "End",
        compute="_compute_period",
        store=True,
        readonly=False,
        required=True,
        index=True,
        precompute=True,
        help="Last day of the quota period.",
    )
    target_type = fields.Selection(
        TARGET_TYPES,
        "Target",
        required=True,
        default="won_revenue",
        help="What is counted: revenue of won opportunities, untaxed posted invoices, won "
        "deals, or new customers (first invoice in the period). Glossary: Quota.",
    )
    target_amount = fields.Float(
        required=True,
        digits=(16, 2),
        help="The figure to reach in the period (an amount in the currency for revenue "
        "targets, a number for deals and customers). Glossary: Quota.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
        help="Revenue targets are in the company currency.",
    )
    achieved_amount = fields.Float(
        "Achieved",
        compute="_compute_attainment",
        digits=(16, 2),
        help="What has been reached so far in the period. Glossary: Quota attainment.",
    )
    attainment = fields.Float(
        "Attainment (%)",
        compute="_compute_attainment",
        help="Achieved as a percentage of the target. Glossary: Quota attainment.",
    )
    is_monetary = fields.Boolean(compute="_compute_is_monetary")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("target_positive", "CHECK(target_amount >= 0)", "A quota target cannot be negative."),
    ]

    # ------------------------------------------------------------------ periods
    @api.model
    def _get_period_bounds(self, period_type, date):
        """First and last day of the ``period_type`` period containing ``date``.

        The single hook that decides what a month, quarter or year is: ``crm_persian``
        overrides it to use Jalali months, quarters and years.
        """
        date = fields.Date.to_date(date)
        if period_type == "month":
            start = date.replace(day=1)
            return start, start + relativedelta(months=1, days=-1)
        if period_type == "quarter":
            start = datetime.date(date.year, 3 * ((date.month - 1) // 3) + 1, 1)
            return start, start + relativedelta(months=3, days=-1)
        if period_type == "year":
            return datetime.date(date.year, 1, 1), datetime.date(date.year, 12, 31)
        raise ValidationError(_("Unknown quota period: %s", period_type))

    @api.depends("period_type", "period_date")
    def _compute_period(self):
        for quota in self:
            if quota.period_type and quota.period_date:
                quota.date_from, quota.date_to = self._get_period_bounds(
                    quota.period_type, quota.period_date
                )

    @api.depends("user_id", "team_id", "target_type", "date_from", "date_to")
    def _compute_name(self):
        labels = dict(self._fields["target_type"]._description_selection(self.env))
        for quota in self:
            owner = quota.user_id.name or quota.team_id.name or ""
            quota.name = "%s · %s · %s – %s" % (
                owner,
                labels.get(quota.target_type, ""),
                quota.date_from or "",
                quota.date_to or "",
            )

    @api.depends("target_type")
    def _compute_is_monetary(self):
        for quota in self:
            quota.is_monetary = quota.target_type in MONETARY_TARGETS

    # ------------------------------------------------------------------ constraints
    # target_type is always written on create: the check runs even when neither owner is given
    @api.constrains("user_id", "team_id", "target_type")
    def _check_owner(self):
        for quota in self:
            if not quota.user_id and not quota.team_id:
                raise ValidationError(_("A quota is for a salesperson or for a sales team."))

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for quota in self:
            if quota.date_to < quota.date_from:
                raise ValidationError(
                    _(
                        "The quota “%(name)s” ends (%(end)s) before it starts (%(start)s).",
                        name=quota.name,
                        end=quota.date_to,
                        start=quota.date_from,
                    )
                )

    @api.constrains("currency_id", "company_id", "target_type")
    def _check_currency(self):
        for quota in self:
            if quota.currency_id != quota.company_id.currency_id:
                raise ValidationError(
                    _(
                        "The quota “%(name)s” is in %(currency)s but its company counts in "
                        "%(company_currency)s: revenue is measured in the company currency.",
                        name=quota.name,
                        currency=quota.currency_id.name,
                        company_currency=quota.company_id.currency_id.name,
                    )
                )

    @api.constrains("user_id", "team_id", "target_type", "date_from", "date_to", "active")
    def _check_overlap(self):
        """One quota per target and day for a salesperson (whatever the team it names) and
        for a team (its team quota, without a salesperson)."""
        for quota in self.filtered("active"):
            if quota.user_id:
                owner = [("user_id", "=", quota.user_id.id)]
            else:
                owner = [("user_id", "=", False), ("team_id", "=", quota.team_id.id)]
            clash = self.sudo().search(
                [
                    ("id", "!=", quota.id),
                    *owner,
                    ("target_type", "=", quota.target_type),
                    ("company_id", "=", quota.company_id.id),
                    ("date_from", "<=", quota.date_to),
                    ("date_to", ">=", quota.date_from),
                ],
                limit=1,
            )
            if clash:
                raise ValidationError(
                    _(
                        "“%(name)s” overlaps “%(other)s”: a salesperson or team has one quota "
                        "per target for a given day.",
                        name=quota.name,
                        other=clash.sudo().name,
                    )
                )

    # ------------------------------------------------------------------ attainment
    def _attainment_sql(self, target_type):
        """One grouped statement returning (quota id, achieved) for the quotas in ``self``."""
        owner = SQL(
            "(q.user_id IS NOT NULL AND src.user_id = q.user_id "
            "OR q.user_id IS NULL AND src.team_id = q.team_id)"
        )
        if target_type in ("won_revenue", "won_deals"):
            measure = SQL(
                "SUM(src.expected_revenue)" if target_type == "won_revenue" else "COUNT(*)"
            )
            return SQL(
                """
                SELECT q.id, %(measure)s
                  FROM crm_quota q
                  JOIN crm_lead src ON src.company_id = q.company_id
                                   AND src.active AND src.type = 'opportunity'
                                   AND src.date_closed >= q.date_from
                                   AND src.date_closed < q.date_to + 1
                  JOIN crm_stage st ON st.id = src.stage_id AND st.is_won
                 WHERE q.id = ANY(%(ids)s) AND %(owner)s
              GROUP BY q.id
                """,
                measure=measure,
                ids=self.ids,
                owner=owner,
            )
        owner = SQL(
            "(q.user_id IS NOT NULL AND src.invoice_user_id = q.user_id "
            "OR q.user_id IS NULL AND src.team_id = q.team_id)"
        )
        if target_type == "invoiced_revenue":
            return SQL(
                """
                SELECT q.id, SUM(src.amount_untaxed_signed)
                  FROM crm_quota q
                  JOIN account_move src ON src.company_id = q.company_id
                                       AND src.state = 'posted'
                                       AND src.move_type IN ('out_invoice', 'out_refund')
                                       AND src.invoice_date BETWEEN q.date_from AND q.date_to
                 WHERE q.id = ANY(%(ids)s) AND %(owner)s
              GROUP BY q.id
                """,
                ids=self.ids,
                owner=owner,
            )
        return SQL(
            """
            SELECT q.id, COUNT(DISTINCT src.commercial_partner_id)
              FROM crm_quota q
              JOIN account_move src ON src.company_id = q.company_id
                                   AND src.state = 'posted'
                                   AND src.move_type = 'out_invoice'
                                   AND src.invoice_date BETWEEN q.date_from AND q.date_to
             WHERE q.id = ANY(%(ids)s) AND %(owner)s
               AND NOT EXISTS (
                   SELECT 1 FROM account_move prev
                    WHERE prev.commercial_partner_id = src.commercial_partner_id
                      AND prev.company_id = src.company_id
                      AND prev.state = 'posted' AND prev.move_type = 'out_invoice'
                      AND prev.invoice_date < q.date_from)
          GROUP BY q.id
            """,
            ids=self.ids,
            owner=owner,
        )

    @api.depends("target_type", "target_amount", "date_from", "date_to", "user_id", "team_id")
    def _compute_attainment(self):
        stored = self.filtered("id")._origin
        achieved = {}
        if stored:
            self.env.flush_all()
            for target_type in set(stored.mapped("target_type")):
                subset = stored.filtered(lambda q, t=target_type: q.target_type == t)
                self.env.cr.execute(subset._attainment_sql(target_type))
                achieved.update(dict(self.env.cr.fetchall()))
        for quota in self:
            amount = float(achieved.get(quota._origin.id) or 0.0)
            quota.achieved_amount = amount
            quota.attainment = 100.0 * amount / quota.target_amount if quota.target_amount else 0.0

    # ------------------------------------------------------------------ API
    @api.model
    def _quotas_for(self, date_from, date_to, team_ids=None, user_ids=None, target_type=None):
        """Quotas overlapping a date range, for reports and the dashboard."""
        domain = [
            ("date_from", "<=", date_to),
            ("date_to", ">=", date_from),
            ("company_id", "in", self.env.companies.ids),
        ]
        if team_ids:
            domain.append(("team_id", "in", team_ids))
        if user_ids:
            domain.append(("user_id", "in", user_ids))
        if target_type:
            domain.append(("target_type", "=", target_type))
        return self.search(domain)
