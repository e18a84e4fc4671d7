# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The CRM manager dashboard and the KPI digest: every figure computed by grouped queries."""

import datetime

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

DIGEST_PERIOD_PARAM = "crm_glossary_core.kpi_digest_period"
DIGEST_PERIODS = {"weekly": relativedelta(weeks=1), "monthly": relativedelta(months=1)}


def sales_velocity(open_count, win_rate, avg_deal, cycle_days):
    """(open opportunities × win rate × average won deal) ÷ average sales cycle, per day."""
    if not cycle_days:
        return 0.0
    return open_count * win_rate * avg_deal / cycle_days


class CrmDashboard(models.AbstractModel):
    _name = "crm.dashboard"
    _description = "CRM Dashboard"

    # ------------------------------------------------------------------ API
    @api.model
    def get_dashboard_data(self, date_from=None, date_to=None, team_ids=None):
        """All blocks of the dashboard for a period (default: the current quarter so far
        and the quarter's end for forecasts) and optionally some sales teams."""
        if not self.env.user.has_group("sales_team.group_sale_salesman"):
            raise UserError(_("The CRM dashboard is for the sales team."))
        date_from, date_to = self._dashboard_period(date_from, date_to)
        team_ids = [int(t) for t in team_ids or []]
        return {
            "period": {
                "date_from": fields.Date.to_string(date_from),
                "date_to": fields.Date.to_string(date_to),
            },
            "currency": {
                "symbol": self.env.company.currency_id.symbol,
                "position": self.env.company.currency_id.position,
                "digits": self.env.company.currency_id.decimal_places,
            },
            "kpis": self._dashboard_kpis(date_from, date_to, team_ids),
            "funnel": self._dashboard_funnel(date_from, date_to, team_ids),
            "velocity": self._dashboard_velocity(date_from, date_to, team_ids),
            "quotas": self._dashboard_quotas(date_from, date_to, team_ids),
            "forecast": self._dashboard_forecast(date_from, date_to, team_ids),
            "lifecycle": self._dashboard_lifecycle(),
            "rfm": self._dashboard_rfm(),
            "churn": self._dashboard_churn(),
            "support": self._dashboard_support_kpis(date_from, date_to),
            "teams": [
                {"id": team.id, "name": team.name}
                for team in self.env["crm.team"].search_fetch([], ["name"])
            ],
        }

    @api.model
    def _dashboard_support_kpis(self, date_from, date_to):
        """Support figures for the dashboard; empty here, filled by ``crm_ticketing``.

        Returns ``{"label": str, "items": [{"label": str, "value": number, "suffix": str}]}``
        or ``{}``.
        """
        return {}

    # ------------------------------------------------------------------ blocks
    @api.model
    def _dashboard_period(self, date_from, date_to):
        today = fields.Date.context_today(self)
        if date_from:
            date_from = fields.Date.to_date(date_from)
        else:
            date_from = datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        date_to = (
            fields.Date.to_date(date_to)
            if date_to
            else date_from + relativedelta(months=3, days=-1)
        )
        if date_to < date_from:
            raise UserError(_("The dashboard period ends before it starts."))
        return date_from, date_to

    @api.model
    def _team_domain(self, team_ids, fname="team_id"):
        return [(fname, "in", team_ids)] if team_ids else []

    @api.model
    def _company_domain(self, fname="company_id"):
        """Documents of the allowed companies (and shared ones), explicitly: the digest runs
        as superuser, for one company at a time, where no record rule filters them."""
        return [(fname, "in", [False, *self.env.companies.ids])]

    @api.model
    def _dashboard_kpis(self, date_from, date_to, team_ids):
        velocity = self.env["crm.sales.velocity.report"]
        closed = velocity._read_group(
            [
                ("date_closed", ">=", date_from),
                ("date_closed", "<=", date_to),
                ("state", "in", ("won", "lost")),
                *self._company_domain(),
                *self._team_domain(team_ids),
            ],
            [],
            ["won_count:sum", "lost_count:sum", "won_amount:avg", "won_rate:avg"],
        )[0]
        won, lost, avg_deal, win_rate = closed
        invoices = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "in", self.env.companies.ids),
                    ("state", "=", "posted"),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("invoice_date", ">=", date_from),
                    ("invoice_date", "<=", date_to),
                    *self._team_domain(team_ids),
                ],
                [],
                ["amount_untaxed_signed:sum"],
            )[0][0]
        )
        new_customers = self.env["crm.customer.value"].search_count(
            [
                ("company_id", "in", self.env.companies.ids),
                ("first_purchase_date", ">=", date_from),
                ("first_purchase_date", "<=", date_to),
            ]
        )
        return {
            "won_count": won or 0,
            "lost_count": lost or 0,
            "win_rate": win_rate or 0.0,
            "avg_deal": avg_deal or 0.0,
            "invoiced": invoices or 0.0,
            "new_customers": new_customers,
        }

    @api.model
    def _dashboard_funnel(self, date_from, date_to, team_ids):
        Lead = self.env["crm.lead"]
        groups = Lead._read_group(
            [("type", "=", "opportunity"), *self._company_domain(), *self._team_domain(team_ids)],
            ["stage_id"],
            ["__count", "expected_revenue:sum"],
        )
        history = self.env["crm.funnel.velocity.report"]._read_group(
            [
                ("date_in", ">=", date_from),
                ("date_in", "<=", date_to),
                *self._company_domain(),
                *self._team_domain(team_ids),
            ],
            ["stage_id"],
            ["conversion_rate:avg", "duration_days:avg", "entered_count:sum"],
        )
        by_stage = {stage.id: (conv, days, entered) for stage, conv, days, entered in history}
        stages = sorted(
            {stage for stage, *_rest in groups} | {stage for stage, *_rest in history},
            key=lambda s: (s.sequence, s.id),
        )
        counts = {stage.id: (count, amount) for stage, count, amount in groups}
        result = []
        for stage in stages:
            count, amount = counts.get(stage.id, (0, 0.0))
            conversion, days, entered = by_stage.get(stage.id, (None, None, 0))
            result.append(
                {
                    "stage_id": stage.id,
                    "name": stage.name,
                    "count": count,
                    "amount": amount or 0.0,
                    "is_won": stage.is_won,
                    "conversion_rate": conversion,
                    "avg_days": days,
                    "entered": entered or 0,
                }
            )
        return result

    @api.model
    def _dashboard_velocity(self, date_from, date_to, team_ids):
        report = self.env["crm.sales.velocity.report"]
        open_count = report.search_count(
            [("state", "=", "open"), *self._company_domain(), *self._team_domain(team_ids)]
        )
        won_rate, avg_deal, cycle = report._read_group(
            [
                ("date_closed", ">=", date_from),
                ("date_closed", "<=", date_to),
                ("state", "in", ("won", "lost")),
                *self._company_domain(),
                *self._team_domain(team_ids),
            ],
            [],
            ["won_rate:avg", "won_amount:avg", "cycle_days:avg"],
        )[0]
        win_rate = (won_rate or 0.0) / 100.0
        return {
            "open_count": open_count,
            "win_rate": win_rate * 100.0,
            "avg_deal": avg_deal or 0.0,
            "cycle_days": cycle or 0.0,
            "velocity": sales_velocity(open_count, win_rate, avg_deal or 0.0, cycle or 0.0),
        }

    @api.model
    def _dashboard_quotas(self, date_from, date_to, team_ids):
        quotas = self.env["crm.quota"]._quotas_for(date_from, date_to, team_ids=team_ids)
        labels = dict(self.env["crm.quota"]._fields["target_type"]._description_selection(self.env))
        return [
            {
                "id": quota.id,
                "name": quota.user_id.name or quota.team_id.name,
                "target_type": labels[quota.target_type],
                "is_monetary": quota.is_monetary,
                "date_from": fields.Date.to_string(quota.date_from),
                "date_to": fields.Date.to_string(quota.date_to),
                "target": quota.target_amount,
                "achieved": quota.achieved_amount,
                "attainment": quota.attainment,
            }
            for quota in quotas
        ]

    @api.model
    def _dashboard_forecast(self, date_from, date_to, team_ids):
        groups = self.env["crm.forecast.report"]._read_group(
            [
                ("date", ">=", date_from.replace(day=1)),
                ("date", "<=", date_to),
                ("company_id", "in", self.env.companies.ids),
                *self._team_domain(team_ids),
            ],
            ["date:month"],
            ["weighted_amount:sum", "won_amount:sum", "quota_amount:sum"],
        )
        return [
            {
                "month": fields.Date.to_string(month),
                "weighted": weighted or 0.0,
                "won": won or 0.0,
                "quota": quota or 0.0,
            }
            for month, weighted, won, quota in groups
        ]

    @api.model
    def _dashboard_lifecycle(self):
        Partner = self.env["res.partner"]
        labels = dict(Partner._fields["lifecycle_stage"]._description_selection(self.env))
        groups = Partner._read_group(
            [("lifecycle_stage", "!=", False), ("parent_id", "=", False)],
            ["lifecycle_stage"],
            ["__count"],
        )
        order = list(labels)
        groups.sort(key=lambda g: order.index(g[0]) if g[0] in order else len(order))
        return [{"stage": stage, "label": labels.get(stage), "count": c} for stage, c in groups]

    @api.model
    def _dashboard_rfm(self):
        Value = self.env["crm.customer.value"]
        labels = dict(Value._fields["rfm_segment"]._description_selection(self.env))
        groups = Value._read_group(
            [("company_id", "=", self.env.company.id), ("rfm_segment", "!=", False)],
            ["rfm_segment"],
            ["__count", "net_revenue:sum", "predicted_clv:sum"],
        )
        order = list(labels)
        groups.sort(key=lambda g: order.index(g[0]))
        return [
            {
                "segment": segment,
                "label": labels[segment],
                "count": count,
                "revenue": revenue or 0.0,
                "clv": clv or 0.0,
            }
            for segment, count, revenue, clv in groups
        ]

    @api.model
    def _dashboard_churn(self, limit=10):
        Value = self.env["crm.customer.value"]
        domain = [("company_id", "=", self.env.company.id), ("churn_risk", "=", "high")]
        total, value_at_risk = Value._read_group(domain, [], ["__count", "predicted_clv:sum"])[0]
        customers = Value.search_fetch(
            domain,
            ["partner_id", "predicted_clv", "last_purchase_date", "rfm_segment"],
            limit=limit,
            order="predicted_clv desc, id",
        )
        labels = dict(Value._fields["rfm_segment"]._description_selection(self.env))
        return {
            "count": total,
            "value_at_risk": value_at_risk or 0.0,
            "customers": [
                {
                    "partner_id": v.partner_id.id,
                    "name": v.partner_id.display_name,
                    "value": v.predicted_clv,
                    "last_purchase_date": fields.Date.to_string(v.last_purchase_date),
                    "segment": labels.get(v.rfm_segment),
                }
                for v in customers
            ],
        }

    # ------------------------------------------------------------------ KPI digest
    @api.model
    def _digest_period(self, today=None):
        period = self.env["ir.config_parameter"].sudo().get_param(DIGEST_PERIOD_PARAM, "weekly")
        delta = DIGEST_PERIODS.get(period, DIGEST_PERIODS["weekly"])
        today = today or fields.Date.context_today(self)
        date_to = today - relativedelta(days=1)
        date_from = today - delta
        return date_from, date_to, date_from - delta, date_from - relativedelta(days=1)

    @api.model
    def _digest_values(self, today=None):
        """Key figures of the last period and of the one before, with their changes."""
        date_from, date_to, prev_from, prev_to = self._digest_period(today)
        current = self._dashboard_kpis(date_from, date_to, [])
        previous = self._dashboard_kpis(prev_from, prev_to, [])
        churn = self._dashboard_churn(limit=5)
        lines = []
        for key, label, monetary in (
            ("invoiced", _("Invoiced revenue"), True),
            ("won_count", _("Won deals"), False),
            ("win_rate", _("Win rate (%)"), False),
            ("avg_deal", _("Average deal size"), True),
            ("new_customers", _("New customers"), False),
        ):
            now, before = current[key], previous[key]
            change = (now - before) / before * 100.0 if before else None
            lines.append(
                {
                    "label": label,
                    "value": now,
                    "previous": before,
                    "change": change,
                    "monetary": monetary,
                }
            )
        return {
            "company": self.env.company,
            "date_from": date_from,
            "date_to": date_to,
            "lines": lines,
            "churn_count": churn["count"],
            "value_at_risk": churn["value_at_risk"],
            "open_opportunities": self.env["crm.lead"].search_count(
                [
                    ("type", "=", "opportunity"),
                    # open as in every sales report: not won, also without a stage
                    "|",
                    ("stage_id", "=", False),
                    ("stage_id.is_won", "=", False),
                    *self._company_domain(),
                ]
            ),
        }

    @api.model
    def _cron_send_kpi_digest(self):
        """Mail the KPI digest to every sales manager: one per company the manager works
        in, each with that company's figures and currency."""
        template = self.env.ref(
            "crm_glossary_core.mail_template_crm_kpi_digest", raise_if_not_found=False
        )
        if not template:
            return
        managers = (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("groups_id", "in", self.env.ref("sales_team.group_sale_manager").id),
                    ("share", "=", False),
                    ("email", "!=", False),
                ]
            )
        )
        for company in managers.company_ids:
            company_managers = managers.filtered(lambda u, c=company: c in u.company_ids)
            digest = (
                self.with_company(company).with_context(allowed_company_ids=company.ids)
            )._digest_values()
            for user in company_managers:
                template.with_context(digest=digest).send_mail(
                    user.id, email_layout_xmlid="mail.mail_notification_light"
                )
        self.env["ir.cron"]._notify_progress(done=len(managers), remaining=0)
