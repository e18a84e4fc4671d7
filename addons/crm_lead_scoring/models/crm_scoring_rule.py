# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Scoring rules: fit (who the lead is) and engagement (what the lead does), with points."""

import ast

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from odoo.addons.crm_glossary_core.models.crm_touchpoint import TOUCHPOINT_CHANNELS

from ..tools import scoring


class CrmScoringRule(models.Model):
    _name = "crm.scoring.rule"
    _description = "Lead Scoring Rule"
    _order = "rule_type, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", index=True, help="Leave empty to apply the rule in every company."
    )
    rule_type = fields.Selection(
        [("fit", "Fit"), ("engagement", "Engagement")],
        required=True,
        default="fit",
        help="Fit: who the lead is (a condition on the lead and its contact). Engagement: what "
        "the lead does (touchpoints). Glossary: Scoring rules / lead scoring.",
    )
    points = fields.Integer(
        required=True,
        default=10,
        help="Points the rule gives (negative to take points away), from -100 to 100.",
    )
    # fit
    domain = fields.Char(
        "Condition",
        default="[]",
        help="Leads (and their contact, through “Contact”) this fit rule applies to.",
    )
    # engagement
    channel = fields.Selection(
        TOUCHPOINT_CHANNELS, help="Touchpoints of this channel count. Glossary: Touchpoint."
    )
    direction = fields.Selection(
        [("inbound", "Inbound"), ("outbound", "Outbound")],
        help="Inbound: the customer reached out (email received, SMS reply, website form); "
        "outbound: the company did (call made, quotation sent). Empty: both.",
    )
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        ondelete="cascade",
        help="Only touchpoints made from a done activity of this type (call, meeting, ...).",
    )
    document_model = fields.Selection(
        [("sale.order", "Quotation"), ("crm.lead", "Lead"), ("res.partner", "Contact")],
        "Related Document",
        help="Only touchpoints about this kind of document, e.g. quotations sent.",
    )
    replies_only = fields.Boolean(
        help="Only inbound touchpoints that answer the company: the contact was reached on the "
        "same channel in the seven days before (an email reply, an SMS answer).",
    )
    count_mode = fields.Selection(
        [("once", "Once"), ("each", "Each occurrence")],
        "Count",
        required=True,
        default="once",
    )
    max_points = fields.Integer(
        "Cap",
        help="Most points (in absolute value) the rule can give a lead when counted at each "
        "occurrence. 0: no cap.",
    )
    decay = fields.Boolean(help="Engagement points lose half their value every half-life.")
    half_life_days = fields.Float("Half-life (days)", default=30.0)
    line_count = fields.Integer("Leads", compute="_compute_line_count")

    def _compute_line_count(self):
        counts = dict(
            self.env["crm.lead.score.line"]._read_group(
                [("rule_id", "in", self.ids)], ["rule_id"], ["__count"]
            )
        )
        for rule in self:
            rule.line_count = counts.get(rule, 0)

    @api.constrains(
        "rule_type",
        "points",
        "domain",
        "channel",
        "direction",
        "activity_type_id",
        "document_model",
        "replies_only",
        "count_mode",
        "max_points",
        "decay",
        "half_life_days",
    )
    def _check_rule(self):
        for rule in self:
            if not scoring.POINTS_MIN <= rule.points <= scoring.POINTS_MAX:
                raise ValidationError(
                    _("“%s”: the points of a rule go from -100 to 100.", rule.name)
                )
            if rule.max_points < 0 or (rule.max_points and rule.max_points < abs(rule.points)):
                raise ValidationError(
                    _(
                        "“%s”: the cap must be at least the points of one occurrence.",
                        rule.name,
                    )
                )
            if rule.decay and rule.half_life_days <= 0:
                raise ValidationError(
                    _("“%s”: the half-life must be more than zero days.", rule.name)
                )
            if rule.rule_type == "fit":
                rule._fit_domain_check()
            elif not (
                rule.channel or rule.direction or rule.activity_type_id or rule.document_model
            ):
                raise ValidationError(
                    _(
                        "“%s”: an engagement rule needs a channel, a direction, an activity "
                        "type or a document to count.",
                        rule.name,
                    )
                )

    def _fit_domain(self):
        """The rule's condition as a domain on crm.lead; refuses a condition Odoo cannot run."""
        self.ensure_one()
        try:
            domain = ast.literal_eval(self.domain or "[]")
            if not isinstance(domain, list):
                raise ValueError(self.domain)
            # Building the query checks every field and operator, without running it.
            self.env["crm.lead"].sudo().with_context(active_test=False)._search(domain)
        except Exception as error:
            raise ValidationError(
                _(
                    "“%(rule)s”: the condition cannot be evaluated on leads (%(error)s).",
                    rule=self.name,
                    error=error,
                )
            ) from error
        return domain

    def _fit_domain_check(self):
        """Run the rule's condition once (in a savepoint): a condition that compiles but that
        PostgreSQL refuses (a date compared with a word, ...) is refused now, not in the middle
        of a batch rescore."""
        self.ensure_one()
        domain = self._fit_domain()
        Lead = self.env["crm.lead"].sudo().with_context(active_test=False)
        try:
            # a refused condition is an answer to the user, not a server error to log
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                Lead.search_count(domain, limit=1)
        except Exception as error:
            raise ValidationError(
                _(
                    "“%(rule)s”: the condition cannot be evaluated on leads (%(error)s).",
                    rule=self.name,
                    error=(str(error).strip().splitlines() or [""])[0],
                )
            ) from error
        return domain

    def _match_values(self):
        """Engagement conditions as a plain dict for ``scoring.touchpoint_matches``."""
        return {
            "id": self.id,
            "channel": self.channel,
            "direction": self.direction,
            "activity_type_id": self.activity_type_id.id,
            "document_model": self.document_model,
            "replies_only": self.replies_only,
            "company_id": self.company_id.id,
        }

    # ------------------------------------------------------------------ recompute triggers
    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        self.env["crm.lead"]._score_rules_changed()
        return rules

    def write(self, vals):
        res = super().write(vals)
        if set(vals) - {"name", "sequence"}:
            self.env["crm.lead"]._score_rules_changed()
        return res

    def unlink(self):
        res = super().unlink()
        self.env["crm.lead"]._score_rules_changed()
        return res

    def action_open_leads(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Leads scored by %s", self.name),
            "res_model": "crm.lead.score.line",
            "view_mode": "list",
            "domain": [("rule_id", "=", self.id)],
        }
