# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Contacts and accounts: lifecycle stage, account type, customer profile, channels."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.tools import SQL

from .crm_customer_value import PARTNER_COPIED_FIELDS
from .crm_lead_contact_role import CONTACT_ROLES
from .crm_touchpoint import TOUCHPOINT_CHANNELS

LIFECYCLE_STAGES = [
    ("subscriber", "Subscriber"),
    ("lead", "Lead"),
    ("mql", "Marketing qualified lead"),
    ("sql", "Sales qualified lead"),
    ("opportunity", "Opportunity"),
    ("customer", "Customer"),
    ("repeat_customer", "Repeat customer"),
    ("advocate", "Advocate"),
    ("churned", "Churned"),
    ("other", "Other"),
]
ACCOUNT_TYPES = [
    ("customer", "Customer"),
    ("prospect", "Prospect"),
    ("partner", "Partner"),
    ("reseller", "Reseller"),
    ("competitor", "Competitor"),
    ("supplier", "Supplier"),
]
# How far the funnel statuses of a partner's leads take the partner.
LEAD_STATUS_STAGE = {
    "raw": "lead",
    "recycled": "lead",
    "mql": "mql",
    "sal": "mql",
    "sql": "sql",
    "opportunity": "opportunity",
}
STAGE_RANK = {stage: rank for rank, (stage, _label) in enumerate(LIFECYCLE_STAGES)}
CHURN_AFTER_DAYS_PARAM = "crm_glossary_core.churn_after_days"


class ResPartner(models.Model):
    _inherit = "res.partner"

    lifecycle_stage = fields.Selection(
        LIFECYCLE_STAGES,
        readonly=True,
        index=True,
        tracking=True,
        help="Where the customer stands, derived from its leads, won opportunities and posted "
        "invoices unless a manual stage is set. Glossary: Customer lifecycle, Prospect, "
        "Customer.",
    )
    lifecycle_stage_manual = fields.Selection(
        LIFECYCLE_STAGES,
        "Manual Lifecycle Stage",
        help="Overrides the derived stage (e.g. Advocate, Subscriber). Clear it to go back to "
        "the derived stage.",
    )
    lifecycle_stage_auto = fields.Selection(
        LIFECYCLE_STAGES, "Derived Lifecycle Stage", readonly=True
    )
    lifecycle_date = fields.Datetime("In Stage Since", readonly=True)
    lifecycle_history_ids = fields.One2many("crm.lifecycle.history", "partner_id", readonly=True)
    account_type = fields.Selection(
        ACCOUNT_TYPES,
        index=True,
        help="What the company is to you. Glossary: Account.",
    )
    birth_date = fields.Date(help="Glossary: Customer profile.")
    age = fields.Integer(compute="_compute_age", search="_search_age")
    next_birthday = fields.Date(
        compute="_compute_next_birthday",
        store=True,
        index="btree_not_null",
        help="The next birthday, used by the birthday greeting automation.",
    )
    preferred_channel = fields.Selection(
        TOUCHPOINT_CHANNELS,
        help="How the contact prefers to be reached. Glossary: Channel.",
    )
    recommended_channel = fields.Selection(
        TOUCHPOINT_CHANNELS,
        compute="_compute_recommended_channel",
        help="The channel on which the contact has answered best, from its touchpoints. "
        "Glossary: Channel, Touchpoint.",
    )
    interest_ids = fields.Many2many(
        "crm.interest", string="Interests", help="Glossary: Segmentation, Customer profile."
    )
    original_source_id = fields.Many2one(
        "utm.source",
        index="btree_not_null",
        help="Where the contact first came from (its first lead). Glossary: Lead generation.",
    )
    original_medium_id = fields.Many2one("utm.medium")
    original_campaign_id = fields.Many2one("utm.campaign")
    default_contact_role = fields.Selection(
        CONTACT_ROLES, help="The role this contact usually plays in deals. Glossary: Contact role."
    )
    touchpoint_count = fields.Integer(compute="_compute_touchpoint_count")

    # ------------------------------------------------------------------ profile
    @api.depends("birth_date")
    def _compute_age(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.age = (
                relativedelta(today, partner.birth_date).years if partner.birth_date else 0
            )

    def _search_age(self, operator, value):
        if operator not in ("=", "!=", "<", "<=", ">", ">="):
            return NotImplemented
        today = fields.Date.context_today(self)
        # age > v  ⇔  born before today - (v+1) years (+1 day); expressed on birth_date
        youngest = today - relativedelta(years=int(value))
        oldest = today - relativedelta(years=int(value) + 1) + timedelta(days=1)
        if operator == "=":
            return [("birth_date", ">=", oldest), ("birth_date", "<=", youngest)]
        if operator == "!=":
            return ["|", ("birth_date", "<", oldest), ("birth_date", ">", youngest)]
        if operator == ">":
            return [("birth_date", "<", oldest)]
        if operator == ">=":
            return [("birth_date", "<=", youngest)]
        if operator == "<":
            return [("birth_date", ">", youngest)]
        return [("birth_date", ">=", oldest)]

    @api.model
    def _get_next_birthday(self, birth_date, today):
        """The first anniversary of ``birth_date`` on or after ``today`` (Gregorian).

        The hook ``crm_persian`` overrides to celebrate the Jalali birthday.
        """
        for years in range(today.year - birth_date.year, today.year - birth_date.year + 2):
            try:
                candidate = birth_date + relativedelta(years=years)
            except ValueError:
                continue
            if candidate >= today:
                return candidate
        return birth_date + relativedelta(years=today.year - birth_date.year + 1)

    @api.depends("birth_date")
    def _compute_next_birthday(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.next_birthday = (
                self._get_next_birthday(partner.birth_date, today) if partner.birth_date else False
            )

    @api.model
    def _cron_roll_birthdays(self):
        """Move past birthdays to the next year (daily)."""
        partners = self.search([("next_birthday", "<", fields.Date.context_today(self))])
        partners._compute_next_birthday()

    # ------------------------------------------------------------------ channels
    def _compute_touchpoint_count(self):
        counts = dict(
            self.env["crm.touchpoint"]._read_group(
                [("commercial_partner_id", "in", self.commercial_partner_id.ids)],
                ["commercial_partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.touchpoint_count = counts.get(partner.commercial_partner_id, 0)

    def _compute_recommended_channel(self):
        """Best answer rate of outbound touchpoints; the most used inbound channel otherwise."""
        Touchpoint = self.env["crm.touchpoint"]
        stats = Touchpoint._read_group(
            [("partner_id", "in", self.ids)],
            ["partner_id", "channel", "direction", "responded"],
            ["__count"],
        )
        by_partner = {}
        for partner, channel, direction, responded, count in stats:
            data = by_partner.setdefault(partner.id, {}).setdefault(channel, [0, 0, 0])
            if direction == "outbound":
                data[0] += count
                data[1] += count if responded else 0
            else:
                data[2] += count
        for partner in self:
            channels = by_partner.get(partner.id, {})
            best = max(
                channels.items(),
                key=lambda item: (item[1][1] / item[1][0] if item[1][0] else 0, item[1][2]),
                default=(False, None),
            )
            partner.recommended_channel = best[0]

    def action_view_customer_journey(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_glossary_core.action_crm_touchpoint_journey"
        )
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.id}
        action["display_name"] = _("Customer Journey of %s", self.commercial_partner_id.name)
        return action

    # ------------------------------------------------------------------ lifecycle
    def write(self, vals):
        res = super().write(vals)
        if "lifecycle_stage_manual" in vals:
            self.commercial_partner_id._update_lifecycle_stage()
        return res

    def _derive_lifecycle_stages(self):
        """Derived lifecycle stage of each commercial partner of ``self``, in a few queries."""
        partners = self.commercial_partner_id
        if not partners:
            return {}
        self.env.flush_all()
        churn_days = int(
            self.env["ir.config_parameter"].sudo().get_param(CHURN_AFTER_DAYS_PARAM, 365)
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT p.id, COUNT(m.id), MAX(m.invoice_date)
                  FROM res_partner p
                  JOIN account_move m ON m.commercial_partner_id = p.id
                 WHERE p.id IN %(ids)s AND m.state = 'posted' AND m.move_type = 'out_invoice'
                 GROUP BY p.id
                """,
                ids=tuple(partners.ids),
            )
        )
        invoices = {pid: (count, last) for pid, count, last in self.env.cr.fetchall()}
        self.env.cr.execute(
            SQL(
                """
                SELECT p.commercial_partner_id, l.qualification_status,
                       BOOL_OR(s.is_won AND l.active), BOOL_OR(l.active)
                  FROM crm_lead l
                  JOIN res_partner p ON p.id = l.partner_id
                  LEFT JOIN crm_stage s ON s.id = l.stage_id
                 WHERE p.commercial_partner_id IN %(ids)s
                 GROUP BY p.commercial_partner_id, l.qualification_status
                """,
                ids=tuple(partners.ids),
            )
        )
        lead_stage, won = {}, set()
        for pid, status, is_won, active in self.env.cr.fetchall():
            if is_won:
                won.add(pid)
            if active and status in LEAD_STATUS_STAGE:
                stage = LEAD_STATUS_STAGE[status]
                if STAGE_RANK[stage] > STAGE_RANK.get(lead_stage.get(pid), -1):
                    lead_stage[pid] = stage
        churn_before = fields.Date.context_today(self) - timedelta(days=churn_days)
        result = {}
        for partner in partners:
            count, last = invoices.get(partner.id, (0, None))
            if count and last and last < churn_before:
                stage = "churned"
            elif count >= 2:
                stage = "repeat_customer"
            elif count or partner.id in won:
                stage = "customer"
            else:
                stage = lead_stage.get(partner.id, False)
            result[partner.id] = stage
        return result

    def _update_lifecycle_stage(self):
        """Recompute the lifecycle stage of the commercial partners of ``self`` and date the
        changes in the lifecycle history."""
        derived = self._derive_lifecycle_stages()
        now = fields.Datetime.now()
        History = self.env["crm.lifecycle.history"].sudo()
        changed = self.browse()
        for partner in self.commercial_partner_id:
            auto = derived.get(partner.id, False)
            stage = partner.lifecycle_stage_manual or auto
            vals = {}
            if partner.lifecycle_stage_auto != auto:
                vals["lifecycle_stage_auto"] = auto
            if partner.lifecycle_stage != stage:
                vals.update(lifecycle_stage=stage, lifecycle_date=now)
                changed |= partner
            if vals:
                partner.sudo().write(vals)
        if changed:
            History._record(changed, now)
            # a prospect's relationship phase follows its lifecycle (awareness)
            self.flush_model(["lifecycle_stage"])
            self.env["crm.customer.value"].sudo()._copy_to_partners(changed.ids)
            changed.invalidate_recordset(PARTNER_COPIED_FIELDS)
        return changed

    @api.model
    def _cron_update_lifecycle_stages(self, batch_size=5000, everyone=False):
        """Nightly: churn depends on time passing; recompute every partner with a stage.

        With ``everyone`` (at install), every customer with a lead or an invoice is included.
        """
        domain = ["|", ("lifecycle_stage", "!=", False), ("lifecycle_stage_auto", "!=", False)]
        partners = self.search(domain)
        if everyone:
            self.env.flush_all()
            self.env.cr.execute(
                """
                SELECT p.commercial_partner_id FROM crm_lead l
                  JOIN res_partner p ON p.id = l.partner_id
                 UNION
                SELECT commercial_partner_id FROM account_move
                 WHERE state = 'posted' AND move_type = 'out_invoice'
                """
            )
            partners |= self.browse(pid for (pid,) in self.env.cr.fetchall() if pid)
        cron = self.env["ir.cron"]
        for start in range(0, len(partners), batch_size):
            partners[start : start + batch_size]._update_lifecycle_stage()
            cron._notify_progress(
                done=min(start + batch_size, len(partners)),
                remaining=max(len(partners) - start - batch_size, 0),
            )
