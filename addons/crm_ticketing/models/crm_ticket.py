# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta
from markupsafe import Markup, escape

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError

from .crm_ticket_sla import PRIORITIES
from .resource_calendar import CrmTicketScheduleCache

CHANNELS = [
    ("email", "Email"),
    ("phone", "Phone"),
    ("portal", "Portal"),
    ("web_form", "Web form"),
    ("chat", "Chat"),
    ("walk_in", "Walk-in"),
]
# fields whose change re-evaluates which SLA policies apply
SLA_FIELDS = {"team_id", "priority", "type_id", "tag_ids", "partner_id"}


class CrmTicket(models.Model):
    _name = "crm.ticket"
    _description = "Ticket"
    _inherit = [
        "portal.mixin",
        "mail.thread.cc",
        "mail.activity.mixin",
        "rating.mixin",
        "utm.mixin",
    ]
    _order = "priority desc, sla_deadline, id desc"
    _rec_names_search = ["number", "name", "partner_id.name", "partner_email"]
    _primary_email = "partner_email"
    _mail_post_access = "read"
    _check_company_auto = True

    # ------------------------------------------------------------------
    # Identity and description
    # ------------------------------------------------------------------
    number = fields.Char(
        string="Tracking Number",
        readonly=True,
        copy=False,
        index="trigram",
        default=lambda self: _("New"),
        help="Unique number the customer quotes to follow the ticket. Glossary: Ticket.",
    )
    name = fields.Char(string="Subject", required=True, tracking=True)
    description = fields.Html(sanitize_style=True)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    # ------------------------------------------------------------------
    # Customer
    # ------------------------------------------------------------------
    partner_id = fields.Many2one(
        "res.partner", string="Customer", index=True, tracking=True, check_company=True
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        store=True,
        index=True,
        string="Customer Company",
    )
    partner_name = fields.Char(
        string="Customer Name", compute="_compute_partner_info", store=True, readonly=False
    )
    partner_email = fields.Char(
        string="Customer Email", compute="_compute_partner_info", store=True, readonly=False
    )
    partner_phone = fields.Char(
        string="Customer Phone", compute="_compute_partner_info", store=True, readonly=False
    )

    # ------------------------------------------------------------------
    # Routing
    # ------------------------------------------------------------------
    team_id = fields.Many2one(
        "crm.ticket.team",
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self._default_team_id(),
    )
    user_id = fields.Many2one(
        "res.users",
        string="Assigned to",
        index=True,
        tracking=True,
        domain=[("share", "=", False)],
        check_company=True,
    )
    priority = fields.Selection(
        PRIORITIES, default="1", required=True, index=True, tracking=True, help="Glossary: SLA."
    )
    type_id = fields.Many2one("crm.ticket.type", index=True, help="Glossary: Complaint.")
    tag_ids = fields.Many2many("crm.ticket.tag", string="Tags")
    category_id = fields.Many2one("crm.ticket.category", index=True)
    channel = fields.Selection(
        CHANNELS,
        default="phone",
        required=True,
        help="How the customer reached the team. Glossary: Omnichannel Communication.",
    )
    stage_id = fields.Many2one(
        "crm.ticket.stage",
        index=True,
        tracking=True,
        copy=False,
        ondelete="restrict",
        group_expand="_read_group_stage_ids",
        compute="_compute_stage_id",
        store=True,
        readonly=False,
        domain="['|', ('team_ids', '=', False), ('team_ids', 'in', team_id)]",
    )
    is_closed = fields.Boolean(related="stage_id.is_closed", store=True, index=True)
    kanban_state = fields.Selection(
        [("normal", "In Progress"), ("blocked", "Blocked"), ("done", "Ready")],
        default="normal",
        required=True,
        copy=False,
    )
    legend_normal = fields.Char(related="stage_id.legend_normal")
    legend_blocked = fields.Char(related="stage_id.legend_blocked")
    legend_done = fields.Char(related="stage_id.legend_done")

    # ------------------------------------------------------------------
    # Dates and counters
    # ------------------------------------------------------------------
    date_received = fields.Datetime(
        string="Received On",
        default=fields.Datetime.now,
        required=True,
        copy=False,
        index=True,
        help="When the customer's request arrived; the SLA clocks start here. Glossary: SLA.",
    )
    date_last_stage_update = fields.Datetime(
        default=fields.Datetime.now, copy=False, readonly=True, index=True
    )
    date_first_response = fields.Datetime(string="First Response On", copy=False, readonly=True)
    date_last_agent_reply = fields.Datetime(copy=False, readonly=True)
    date_last_customer_message = fields.Datetime(
        string="Last Customer Message", copy=False, readonly=True, index=True
    )
    date_resolved = fields.Datetime(string="Resolved On", copy=False, readonly=True)
    date_closed = fields.Datetime(string="Closed On", copy=False, readonly=True, index=True)
    reopen_count = fields.Integer(copy=False, readonly=True)
    agent_reply_count = fields.Integer(string="Agent Replies", copy=False, readonly=True)
    customer_message_count = fields.Integer(copy=False, readonly=True)
    first_contact_resolution = fields.Boolean(
        compute="_compute_first_contact_resolution",
        store=True,
        help="Resolved with a single agent reply and never reopened.",
    )
    first_response_hours = fields.Float(
        string="First Response (working hours)",
        copy=False,
        readonly=True,
        aggregator="avg",
        help="Working hours from creation to the first agent reply. Glossary: SLA.",
    )
    resolution_hours = fields.Float(
        string="Resolution (working hours)",
        copy=False,
        readonly=True,
        aggregator="avg",
        help="Working hours from creation to resolution. Glossary: SLA.",
    )
    time_paused_hours = fields.Float(
        string="Time Waiting for Customer (hours)",
        copy=False,
        readonly=True,
        help="Hours spent in stages waiting for the customer.",
    )
    stage_time_ids = fields.One2many("crm.ticket.stage.time", "ticket_id", string="Time per Stage")

    # ------------------------------------------------------------------
    # SLA
    # ------------------------------------------------------------------
    sla_status_ids = fields.One2many("crm.ticket.sla.status", "ticket_id", string="SLA Status")
    sla_deadline = fields.Datetime(
        string="SLA Deadline",
        compute="_compute_sla_summary",
        store=True,
        index=True,
        help="The nearest deadline among the running SLA clocks. Glossary: SLA.",
    )
    sla_state = fields.Selection(
        [("none", "No SLA"), ("ongoing", "Ongoing"), ("reached", "Reached"), ("failed", "Failed")],
        string="SLA State",
        compute="_compute_sla_summary",
        store=True,
        index=True,
        help="Glossary: SLA.",
    )
    sla_failed = fields.Boolean(
        string="SLA Failed",
        compute="_compute_sla_summary",
        store=True,
        index=True,
        help="At least one SLA clock missed its deadline. Glossary: SLA.",
    )
    sla_reached = fields.Boolean(
        string="SLA Reached",
        compute="_compute_sla_summary",
        store=True,
        index=True,
        help="Every SLA clock stopped in time. Glossary: SLA.",
    )

    # ------------------------------------------------------------------
    # Links to the rest of Odoo
    # ------------------------------------------------------------------
    sale_order_id = fields.Many2one("sale.order", string="Sales Order", index="btree_not_null")
    invoice_id = fields.Many2one(
        "account.move",
        index="btree_not_null",
        domain="[('move_type', 'in', ('out_invoice', 'out_refund')), "
        "('partner_id', 'child_of', commercial_partner_id)]",
    )
    picking_id = fields.Many2one(
        "stock.picking",
        string="Delivery",
        index="btree_not_null",
        domain="[('picking_type_code', '=', 'outgoing'), "
        "('partner_id', 'child_of', commercial_partner_id)]",
    )
    product_id = fields.Many2one("product.product", index="btree_not_null")
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial Number",
        index="btree_not_null",
        domain="[('product_id', '=?', product_id)]",
    )
    lead_id = fields.Many2one(
        "crm.lead", string="Upsell Opportunity", index="btree_not_null", copy=False
    )
    article_id = fields.Many2one(
        "crm.ticket.article",
        string="Solved by Article",
        help="The knowledge base article that answered the request. Glossary: Knowledge Base.",
    )
    merged_into_id = fields.Many2one("crm.ticket", readonly=True, copy=False)

    # ------------------------------------------------------------------
    # What the agent should know before replying (not stored: form only)
    # ------------------------------------------------------------------
    currency_id = fields.Many2one(related="company_id.currency_id")
    # The customer's debts are for the users who see invoices, through any route.
    partner_receivable = fields.Monetary(
        string="Receivable",
        compute="_compute_partner_finance",
        currency_field="currency_id",
        groups="account.group_account_invoice",
    )
    partner_overdue = fields.Monetary(
        string="Overdue",
        compute="_compute_partner_finance",
        currency_field="currency_id",
        groups="account.group_account_invoice",
    )
    partner_credit_warning = fields.Text(
        compute="_compute_partner_finance", groups="account.group_account_invoice"
    )
    lot_delivery_date = fields.Datetime(
        string="Delivered On", compute="_compute_warranty", help="Delivery date of the serial."
    )
    warranty_end_date = fields.Date(compute="_compute_warranty")
    warranty_state = fields.Selection(
        [("none", "No warranty"), ("valid", "Under warranty"), ("expired", "Expired")],
        compute="_compute_warranty",
    )

    _sql_constraints = [
        ("number_company_uniq", "unique (number, company_id)", "Ticket numbers are unique."),
    ]

    # ------------------------------------------------------------------
    # Defaults and computes
    # ------------------------------------------------------------------

    @api.model
    def _default_team_id(self):
        if self.env.context.get("default_team_id"):
            return self.env.context["default_team_id"]
        return self.env["crm.ticket.team"].search(
            [
                ("company_id", "in", self.env.companies.ids),
                "|",
                ("member_ids", "in", self.env.uid),
                ("visibility", "=", "internal"),
            ],
            limit=1,
        )

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        team_id = self.env.context.get("default_team_id")
        search_domain = [("team_ids", "=", False)]
        if team_id:
            search_domain = ["|", ("team_ids", "in", team_id), *search_domain]
        return stages.sudo().search(search_domain).sudo(False)

    @api.depends("team_id")
    def _compute_stage_id(self):
        for ticket in self:
            if not ticket.stage_id or (
                ticket.stage_id.team_ids and ticket.team_id not in ticket.stage_id.team_ids
            ):
                ticket.stage_id = ticket._first_stage(ticket.team_id)

    @api.model
    def _first_stage(self, team):
        return self.env["crm.ticket.stage"].search(
            [
                "|",
                ("team_ids", "=", False),
                ("team_ids", "in", team.ids),
                ("is_closed", "=", False),
            ],
            limit=1,
        )

    @api.depends("partner_id")
    def _compute_partner_info(self):
        for ticket in self:
            if ticket.partner_id:
                ticket.partner_name = ticket.partner_id.name
                ticket.partner_email = ticket.partner_id.email or ticket.partner_email
                ticket.partner_phone = (
                    ticket.partner_id.phone or ticket.partner_id.mobile or ticket.partner_phone
                )

    @api.depends("date_resolved", "agent_reply_count", "reopen_count", "stage_id.is_cancelled")
    def _compute_first_contact_resolution(self):
        for ticket in self:
            ticket.first_contact_resolution = bool(
                ticket.date_resolved
                and ticket.agent_reply_count == 1
                and not ticket.reopen_count
                and not ticket.stage_id.is_cancelled
            )

    @api.depends(
        "sla_status_ids.status",
        "sla_status_ids.deadline",
        "sla_status_ids.paused_since",
        "sla_status_ids.reached_datetime",
    )
    def _compute_sla_summary(self):
        for ticket in self:
            statuses = ticket.sla_status_ids
            running = statuses.filtered(
                lambda s: not s.reached_datetime and not s.paused_since and s.deadline
            )
            ticket.sla_deadline = min(running.mapped("deadline")) if running else False
            ticket.sla_failed = any(s.status == "failed" for s in statuses)
            ticket.sla_reached = bool(statuses) and all(s.status == "reached" for s in statuses)
            if not statuses:
                ticket.sla_state = "none"
            elif ticket.sla_failed:
                ticket.sla_state = "failed"
            elif ticket.sla_reached:
                ticket.sla_state = "reached"
            else:
                ticket.sla_state = "ongoing"

    @api.depends("commercial_partner_id")
    def _compute_partner_finance(self):
        today = fields.Date.context_today(self)
        partners = self.commercial_partner_id
        overdue = {}
        if partners:
            groups = (
                self.env["account.move.line"]
                .sudo()
                ._read_group(
                    [
                        ("partner_id", "in", partners.ids),
                        ("account_type", "=", "asset_receivable"),
                        ("parent_state", "=", "posted"),
                        ("reconciled", "=", False),
                        ("date_maturity", "<", today),
                        ("company_id", "in", self.company_id.ids),
                    ],
                    ["partner_id"],
                    ["amount_residual:sum"],
                )
            )
            overdue = {partner.id: amount for partner, amount in groups}
        for ticket in self:
            partner = ticket.commercial_partner_id.with_company(ticket.company_id).sudo()
            ticket.partner_receivable = partner.credit if partner else 0.0
            ticket.partner_overdue = overdue.get(partner.id, 0.0)
            warning = False
            if (
                partner
                and partner.use_partner_credit_limit
                and partner.credit_limit
                and partner.credit > partner.credit_limit
            ):
                warning = _(
                    "%(partner)s is over its credit limit: %(credit)s owed for a limit of "
                    "%(limit)s.",
                    partner=partner.name,
                    credit=tools.format_amount(self.env, partner.credit, ticket.currency_id),
                    limit=tools.format_amount(self.env, partner.credit_limit, ticket.currency_id),
                )
            if not warning and ticket.partner_overdue > 0:
                warning = _(
                    "%(partner)s has overdue invoices for %(amount)s.",
                    partner=partner.name,
                    amount=tools.format_amount(
                        self.env, ticket.partner_overdue, ticket.currency_id
                    ),
                )
            ticket.partner_credit_warning = warning

    @api.depends("lot_id", "product_id")
    def _compute_warranty(self):
        lots = self.lot_id
        delivered = {}
        if lots:
            groups = (
                self.env["stock.move.line"]
                .sudo()
                ._read_group(
                    [
                        ("lot_id", "in", lots.ids),
                        ("state", "=", "done"),
                        ("location_dest_id.usage", "=", "customer"),
                    ],
                    ["lot_id"],
                    ["date:max"],
                )
            )
            delivered = {lot.id: date for lot, date in groups}
        for ticket in self:
            date = delivered.get(ticket.lot_id.id)
            ticket.lot_delivery_date = date
            months = (ticket.lot_id.product_id or ticket.product_id).product_tmpl_id.warranty_months
            if not date or not months:
                ticket.warranty_end_date = False
                ticket.warranty_state = "none"
                continue
            end = date.date() + relativedelta(months=months)
            ticket.warranty_end_date = end
            ticket.warranty_state = (
                "valid" if end >= fields.Date.context_today(ticket) else "expired"
            )

    def _compute_access_url(self):
        for ticket in self:
            ticket.access_url = f"/my/tickets/{ticket.id}"

    @api.depends("number", "name")
    def _compute_display_name(self):
        for ticket in self:
            if ticket.number and ticket.name:
                ticket.display_name = f"{ticket.number} - {ticket.name}"
            else:
                ticket.display_name = ticket.name or ticket.number

    # ------------------------------------------------------------------
    # Numbering (hook for crm_persian)
    # ------------------------------------------------------------------

    @api.model
    def _get_ticket_number(self, company, date):
        """The tracking number of a ticket of ``company`` created on ``date``.

        The one place numbers are made: ``crm_persian`` overrides it to put the Jalali year
        in the number. Each company has its own ``crm.ticket`` sequence (prefix
        ``TCK/%(year)s/``), created on first use from the default one.
        """
        sequence = self._get_ticket_sequence(company)
        return sequence.with_context(ir_sequence_date=date)._next(sequence_date=date)

    @api.model
    def _get_ticket_sequence(self, company):
        IrSequence = self.env["ir.sequence"].sudo()
        sequence = IrSequence.search(
            [("code", "=", "crm.ticket"), ("company_id", "=", company.id)], limit=1
        )
        if not sequence:
            template = self.env.ref("crm_ticketing.seq_crm_ticket", raise_if_not_found=False)
            sequence = IrSequence.create(
                {
                    "name": _("Tickets of %s", company.name),
                    "code": "crm.ticket",
                    "company_id": company.id,
                    "prefix": template.prefix if template else "TCK/%(year)s/",
                    "padding": template.padding if template else 5,
                    "use_date_range": True,
                }
            )
        return sequence

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        Team = self.env["crm.ticket.team"]
        for vals in vals_list:
            company = self.env["res.company"].browse(vals.get("company_id") or self.env.company.id)
            team = Team.browse(vals.get("team_id") or self.env.context.get("default_team_id"))
            if team and not vals.get("company_id"):
                company = team.company_id
                vals["company_id"] = company.id

            if team and not vals.get("user_id") and "user_id" not in vals:
                vals["user_id"] = team.sudo()._get_next_assignee().id
            vals.setdefault("date_received", now)
            vals.setdefault("date_last_stage_update", vals["date_received"])
            if not vals.get("number") or vals["number"] == _("New"):
                received = fields.Datetime.to_datetime(vals["date_received"])
                vals["number"] = self._get_ticket_number(company, received.date())
        tickets = super().create(vals_list)
        for ticket in tickets.filtered("is_closed"):
            # created directly in a closing stage (imports, migrations)
            values = {"date_closed": ticket.date_received}
            if not ticket.stage_id.is_cancelled:
                values["date_resolved"] = ticket.date_received
            ticket.write(values)
        for ticket in tickets.filtered("partner_id"):
            if ticket.partner_id not in ticket.message_partner_ids:
                ticket.message_subscribe(partner_ids=ticket.partner_id.ids)
        tickets.sudo()._sla_sync()
        self.env["crm.touchpoint"]._log(tickets, "ticket", "inbound")
        return tickets

    def write(self, vals):
        previous = {}
        if "stage_id" in vals:
            vals, previous = self._prepare_stage_change(vals)
        # only the tickets whose archiving changes start or stop their clocks
        toggled = (
            self.filtered(lambda t: t.active != bool(vals["active"])) if "active" in vals else None
        )
        result = super().write(vals)
        if previous:
            self._apply_stage_change(previous, vals["date_last_stage_update"])
        if SLA_FIELDS & set(vals):
            self.sudo()._sla_sync()
        if toggled:
            if vals["active"]:
                # restored: the clocks of its policies start again
                toggled.sudo()._sla_sync(restart=True)
            else:
                # archived or merged into another ticket: nothing is due on it any more
                toggled.sudo().sla_status_ids._withdraw(fields.Datetime.now())
        if "team_id" in vals and "user_id" not in vals:
            for ticket in self.filtered(lambda t: t.team_id and not t.user_id):
                ticket.user_id = ticket.team_id._get_next_assignee()
        return result

    def _prepare_stage_change(self, vals):
        """Before a stage change: check the new stage's required fields and log the time
        spent in the old stage. Returns the values to write and the previous stages."""
        stage = self.env["crm.ticket.stage"].browse(vals["stage_id"])
        now = fields.Datetime.now()
        vals = dict(vals, date_last_stage_update=now)
        vals.setdefault("kanban_state", "normal")
        previous = {ticket.id: ticket.stage_id for ticket in self}
        for ticket in self:
            ticket._check_stage_requirements(stage, vals)
            if ticket.stage_id and ticket.stage_id != stage:
                ticket._log_stage_time(ticket.stage_id, now)
        return vals, previous

    def _apply_stage_change(self, previous, now):
        """After a stage change: dates and counters, SLA clocks, rating request."""
        cache = CrmTicketScheduleCache(self.env)
        for ticket in self:
            old = previous.get(ticket.id)
            if old is not None and old != ticket.stage_id:
                ticket.sudo()._on_stage_change(old, ticket.stage_id, now, cache)

    def _check_stage_requirements(self, stage, vals):
        """Refuse to move into ``stage`` while one of its required fields is empty.

        Customers closing their own ticket from the portal are not asked for the agent's
        fields (``_action_customer_close``: ``crm_ticket_skip_required`` in the context of a
        superuser environment, which a call over RPC cannot give itself).
        """
        if self.env.su and self.env.context.get("crm_ticket_skip_required"):
            return
        missing = []
        for field in stage.sudo().required_field_ids:
            value = vals[field.name] if field.name in vals else self[field.name]
            if not value or (isinstance(value, str) and not tools.html2plaintext(value).strip()):
                missing.append(field.field_description)
        if missing:
            raise UserError(
                _(
                    "Ticket %(ticket)s cannot move to %(stage)s: fill in %(fields)s first.",
                    ticket=self.display_name,
                    stage=stage.name,
                    fields=", ".join(missing),
                )
            )

    def _log_stage_time(self, stage, now):
        hours = (now - (self.date_last_stage_update or self.date_received or now)).total_seconds()
        hours /= 3600.0
        line = self.sudo().stage_time_ids.filtered(lambda t: t.stage_id == stage)
        if line:
            line.hours += hours
            line.count += 1
        else:
            self.env["crm.ticket.stage.time"].sudo().create(
                {"ticket_id": self.id, "stage_id": stage.id, "hours": hours, "count": 1}
            )
        if stage.is_waiting:
            self.time_paused_hours += hours

    def _on_stage_change(self, old, stage, now, cache):
        updates = {}
        calendar = self.team_id._get_sla_calendar()
        if stage.is_closed and not old.is_closed:
            updates["date_closed"] = now
            if not stage.is_cancelled:
                updates["date_resolved"] = now
                updates["resolution_hours"] = cache.hours_between(calendar, self.date_received, now)
        elif old.is_closed and not stage.is_closed:
            updates.update(
                date_closed=False,
                date_resolved=False,
                reopen_count=self.reopen_count + 1,
            )
        if updates:
            self.write(updates)
        statuses = self.sla_status_ids.filtered(lambda s: not s.reached_datetime)
        waiting = stage.is_waiting and not stage.is_closed
        if old.is_waiting and not waiting:
            # the time spent waiting moves the deadlines before the clocks are judged
            statuses._resume(now, cache)
        if stage.is_cancelled:
            statuses._withdraw(now, cache)
        elif stage.is_closed:
            statuses.filtered(
                lambda s: s.clock == "resolution" and s.sla_id._reached_by_stage(stage)
            )._reach(now, cache)
            # a closed ticket expects no more answers
            statuses.filtered(lambda s: s.clock != "resolution")._reach(now, cache)
        else:
            statuses.filtered(
                lambda s: s.clock == "resolution" and s.sla_id._reached_by_stage(stage)
            )._reach(now, cache)
            if waiting:
                statuses._pause(now)
        if old.is_closed and not stage.is_closed:
            self._sla_sync(cache, restart=True)
        if stage.rating_request:
            self._send_rating_request(stage)

    def _send_rating_request(self, stage, unless_pending=False):
        """Ask the customer to rate the support (the stage's rating template), when the team
        uses ratings. ``unless_pending``: not when a request already awaits an answer."""
        for ticket in self:
            if not (ticket.team_id.use_rating and ticket.partner_id):
                continue
            if unless_pending and ticket.sudo().rating_ids.filtered(
                lambda r, t=ticket: not r.consumed and r.partner_id == t._rating_get_partner()
            ):
                continue
            template = stage.rating_template_id or self.env.ref(
                "crm_ticketing.mail_template_ticket_rating", raise_if_not_found=False
            )
            if template:
                ticket.rating_send_request(template, lang=ticket.partner_id.lang, force_send=False)

    def _sla_escalation_allowed(self):
        """Whether the SLA escalation may act on this ticket: open and not archived."""
        self.ensure_one()
        return self.active and not self.is_closed

    def _sla_sync(self, cache=None, restart=False):
        return self.env["crm.ticket.sla.status"].sudo()._sync_tickets(self, cache, restart=restart)

    def _track_template(self, changes):
        res = super()._track_template(changes)
        ticket = self[0]
        if "stage_id" in changes and ticket.stage_id.mail_template_id and ticket.partner_id:
            res["stage_id"] = (
                ticket.stage_id.mail_template_id,
                {
                    "auto_delete_keep_log": False,
                    "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
                    "email_layout_xmlid": "mail.mail_notification_light",
                },
            )
        return res

    def _track_subtype(self, init_values):
        self.ensure_one()
        if "stage_id" in init_values:
            return self.env.ref("crm_ticketing.mt_ticket_stage")
        return super()._track_subtype(init_values)

    def _creation_subtype(self):
        return self.env.ref("crm_ticketing.mt_ticket_new")

    # ------------------------------------------------------------------
    # Messages: agent replies and customer messages
    # ------------------------------------------------------------------

    def _awaits_agent_reply(self):
        """The customer wrote last and nobody answered since."""
        self.ensure_one()
        return bool(self.date_last_customer_message) and (
            not self.date_last_agent_reply
            or self.date_last_agent_reply < self.date_last_customer_message
        )

    def _message_post_after_hook(self, message, msg_vals):
        """Count agent replies and customer messages, which drive the SLA clocks.

        An agent reply is a comment by an internal user. A customer message is a comment or
        an email from anybody else: the customer, a colleague of theirs, a portal user of
        their company or an address the ticket does not know yet all write for the customer.
        Messages of the system (OdooBot, archived employees) and automatic replies
        (out-of-office, vacation notices: the mail gateway sets ``crm_ticket_auto_reply`` in
        the context) count as neither."""
        result = super()._message_post_after_hook(message, msg_vals)
        comment = self.env.ref("mail.mt_comment")
        if message.message_type not in ("comment", "email") or message.subtype_id not in (
            comment | self._creation_subtype()
        ):
            return result
        if self.env.context.get("crm_ticket_auto_reply"):
            return result
        author = message.author_id
        users = author.sudo().with_context(active_test=False).user_ids
        internal = users.filtered(lambda u: not u.share)
        when = message.date or fields.Datetime.now()
        if internal and author != self.partner_id:
            if message.subtype_id != comment or not internal.filtered("active"):
                # a notification, or the system (OdooBot) / a former employee
                return result
            self.sudo()._register_agent_reply(when)
        else:
            self.sudo()._register_customer_message(when)
        return result

    def _register_agent_reply(self, when):
        for ticket in self:
            vals = {
                "agent_reply_count": ticket.agent_reply_count + 1,
                "date_last_agent_reply": when,
            }
            if not ticket.date_first_response:
                vals["date_first_response"] = when
                vals["first_response_hours"] = CrmTicketScheduleCache(self.env).hours_between(
                    ticket.team_id._get_sla_calendar(), ticket.date_received, when
                )
            ticket.write(vals)
            ticket.sla_status_ids.filtered(
                lambda s: s.clock in ("first_response", "next_response")
            )._reach(when)

    def _register_customer_message(self, when):
        """A customer message: back to work if we were waiting, next-response clock."""
        for ticket in self:
            ticket.write(
                {
                    "customer_message_count": ticket.customer_message_count + 1,
                    "date_last_customer_message": when,
                }
            )
            if ticket.stage_id.is_waiting:
                stage = ticket._stage_after_waiting()
                if stage:
                    ticket.write({"stage_id": stage.id})
            if not ticket.is_closed:
                # policies still waiting for the first reply let their first-response
                # clock cover the message
                self.env["crm.ticket.sla.status"]._start_next_response(ticket, when)

    def _stage_after_waiting(self):
        """The open stage a ticket goes back to when the customer answers."""
        self.ensure_one()
        stages = self.env["crm.ticket.stage"].search(
            [
                "|",
                ("team_ids", "=", False),
                ("team_ids", "in", self.team_id.ids),
                ("is_closed", "=", False),
                ("is_waiting", "=", False),
            ]
        )
        later = stages.filtered(lambda s: s.sequence <= self.stage_id.sequence)
        return later.sorted("sequence")[-1:] or stages[:1]

    # ------------------------------------------------------------------
    # Mail gateway
    # ------------------------------------------------------------------

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A mail to a team alias opens a ticket; the sender becomes (or is found as) the
        customer, so no message is lost when the sender is unknown or the subject empty."""
        values = dict(custom_values or {})
        email_from = msg_dict.get("email_from") or ""
        author = self.env["res.partner"].browse(msg_dict.get("author_id"))
        if not author and email_from:
            found = self.env["mail.thread"]._mail_find_partner_from_emails(
                [email_from], force_create=True
            )
            author = found[0] if found and found[0] else author
            msg_dict["author_id"] = author.id
        subject = (msg_dict.get("subject") or "").strip()
        if not subject:
            body = tools.html2plaintext(msg_dict.get("body") or "").strip()
            first_line = body.splitlines()[0][:80] if body else ""
            subject = first_line or _("Request from %s", email_from or _("an unknown sender"))
        refused = self._drop_large_attachments(msg_dict)
        values.setdefault("name", subject)
        values.setdefault("channel", "email")
        values.setdefault("description", msg_dict.get("body"))
        if author:
            values.setdefault("partner_id", author.id)
        ticket = super(
            CrmTicket, self.with_context(mail_create_nolog=True, mail_notify_author=True)
        ).message_new(msg_dict, custom_values=values)
        # the message itself is posted next by the gateway, which counts it as the
        # customer's (see _message_post_after_hook)
        normalized = tools.email_normalize(email_from)
        if normalized and ticket.partner_email != normalized:
            # the gateway stores the sender as written ("Name <address>"): keep the address
            ticket.partner_email = normalized
        ticket._log_refused_attachments(refused)
        return ticket

    def message_update(self, msg_dict, update_vals=None):
        refused = self._drop_large_attachments(msg_dict)
        result = super().message_update(msg_dict, update_vals=update_vals)
        self._log_refused_attachments(refused)
        return result

    @api.model
    def _max_attachment_bytes(self):
        """Largest attachment kept on a ticket (system parameter
        ``crm_ticketing.max_attachment_mb``, 10 MB by default)."""
        value = self.env["ir.config_parameter"].sudo().get_param("crm_ticketing.max_attachment_mb")
        try:
            megabytes = float(value) if value else 10.0
        except ValueError:
            megabytes = 10.0
        return int(megabytes * 1024 * 1024)

    @api.model
    def _drop_large_attachments(self, msg_dict):
        """Remove oversized attachments from an incoming email; return their names/sizes."""
        limit = self._max_attachment_bytes()
        kept, refused = [], []
        for attachment in msg_dict.get("attachments") or []:
            content = attachment[1] if len(attachment) > 1 else b""
            size = len(content or b"")
            if size > limit:
                refused.append((attachment[0], size))
            else:
                kept.append(attachment)
        if refused:
            msg_dict["attachments"] = kept
        return refused

    def _log_refused_attachments(self, refused):
        if not refused:
            return
        limit_text = "%g" % (self._max_attachment_bytes() / (1024 * 1024))
        names = ", ".join(f"{name} ({size / (1024 * 1024):.1f} MB)" for name, size in refused)
        for ticket in self:
            ticket.message_post(
                body=_(
                    "Attachments larger than %(limit)s MB were not stored: %(files)s. "
                    "Ask the customer for a smaller copy.",
                    limit=limit_text,
                    files=names,
                ),
                message_type="notification",
                subtype_xmlid="mail.mt_note",
            )

    def _message_get_suggested_recipients(self):
        recipients = super()._message_get_suggested_recipients()
        if self.partner_id:
            self._message_add_suggested_recipient(
                recipients, partner=self.partner_id, reason=_("Customer")
            )
        elif self.partner_email:
            self._message_add_suggested_recipient(
                recipients, email=self.partner_email, reason=_("Customer Email")
            )
        return recipients

    def _rating_get_parent_field_name(self):
        return "team_id"

    def _rating_get_partner(self):
        return self.partner_id or super()._rating_get_partner()

    # ------------------------------------------------------------------
    # Escalation
    # ------------------------------------------------------------------

    def _sla_escalate(self, status, rule):
        """Apply one escalation level and record it in the chatter."""
        self.ensure_one()
        vals = {}
        notify = self.env["res.partner"]
        if rule.assign_leader and self.team_id.leader_id and self.user_id != self.team_id.leader_id:
            vals["user_id"] = self.team_id.leader_id.id
            notify |= self.team_id.leader_id.partner_id
        if rule.raise_priority and self.priority != "3":
            vals["priority"] = str(int(self.priority) + 1)
        if rule.notify_assignee and self.user_id:
            notify |= self.user_id.partner_id
        if rule.notify_managers:
            managers = self.env.ref("crm_ticketing.group_crm_ticket_manager").sudo().users
            notify |= managers.filtered(lambda u: not u.share).partner_id
        body = status._escalation_message(rule)
        if vals:
            # may re-evaluate the policies, hence the message is composed first
            self.with_context(crm_ticket_escalation=True).write(vals)
        self.message_post(
            body=body,
            message_type="notification",
            subtype_xmlid="crm_ticketing.mt_ticket_escalated",
            partner_ids=notify.ids,
        )

    # ------------------------------------------------------------------
    # Scheduled actions
    # ------------------------------------------------------------------

    @api.model
    def _cron_auto_close(self, batch_size=500):
        """Close tickets left waiting for the customer longer than their team allows."""
        now = fields.Datetime.now()
        teams = self.env["crm.ticket.team"].search([("auto_close_days", ">", 0)])
        done = remaining = 0
        for team in teams:
            limit = now - relativedelta(days=team.auto_close_days)
            domain = [
                ("team_id", "=", team.id),
                ("stage_id.is_waiting", "=", True),
                ("is_closed", "=", False),
                ("date_last_stage_update", "<", limit),
                "|",
                ("date_last_customer_message", "=", False),
                ("date_last_customer_message", "<", limit),
            ]
            tickets = self.search(domain, limit=batch_size - done)
            stage = self._closing_stage(team)
            if not stage:
                continue
            for ticket in tickets:
                try:
                    with self.env.cr.savepoint():
                        ticket.write({"stage_id": stage.id})
                        ticket.message_post(
                            body=_(
                                "Closed automatically: no answer from the customer for %s days.",
                                team.auto_close_days,
                            ),
                            message_type="notification",
                            subtype_xmlid="mail.mt_note",
                        )
                        ticket._send_rating_request(stage, unless_pending=True)
                except UserError as error:
                    ticket.message_post(
                        body=_("Could not close automatically: %s", error.args[0]),
                        message_type="notification",
                        subtype_xmlid="mail.mt_note",
                    )
                    ticket.date_last_stage_update = now
            done += len(tickets)
            if done >= batch_size:
                remaining = self.search_count(
                    [
                        ("stage_id.is_waiting", "=", True),
                        ("is_closed", "=", False),
                        ("date_last_stage_update", "<", now),
                    ]
                )
                break
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done

    @api.model
    def _closing_stage(self, team):
        return self.env["crm.ticket.stage"].search(
            [
                "|",
                ("team_ids", "=", False),
                ("team_ids", "in", team.ids),
                ("is_closed", "=", True),
                ("is_cancelled", "=", False),
            ],
            order="sequence desc",
            limit=1,
        )

    @api.model
    def _resolved_stage(self, team):
        return self.env["crm.ticket.stage"].search(
            [
                "|",
                ("team_ids", "=", False),
                ("team_ids", "in", team.ids),
                ("is_closed", "=", True),
                ("is_cancelled", "=", False),
            ],
            order="sequence",
            limit=1,
        )

    # ------------------------------------------------------------------
    # Customer actions (portal)
    # ------------------------------------------------------------------

    def _action_customer_close(self, skip_required=True):
        """The customer says the request is solved: the ticket goes to the team's closing
        stage without asking for the agent's required fields, and the customer is asked to
        rate the support unless a rating request already awaits an answer.

        Private, so never callable over RPC: the portal route calls it after its access
        check. ``skip_required=False`` checks the stage's required fields as usual."""
        for ticket in self:
            if ticket.is_closed:
                continue
            stage = self._closing_stage(ticket.team_id)
            if not stage:
                raise UserError(_("No closing stage is configured for this team."))
            if skip_required:
                ticket.sudo().with_context(crm_ticket_skip_required=True).write(
                    {"stage_id": stage.id}
                )
            else:
                ticket.write({"stage_id": stage.id})
            ticket.message_post(
                body=_("The customer closed the ticket."),
                message_type="notification",
                subtype_xmlid="mail.mt_note",
            )
            ticket.sudo()._send_rating_request(stage, unless_pending=True)

    def action_customer_close(self):
        """Close as the customer asked. Callable over RPC, so the closing stage's required
        fields are checked, unless server code calls it in a superuser environment (the
        portal route, after its access check, does so on the ticket it may close); server
        code should call ``_action_customer_close``."""
        return self._action_customer_close(skip_required=self.env.su)

    def action_customer_reopen(self):
        """The customer says the request is not solved after all."""
        for ticket in self:
            if not ticket.is_closed:
                continue
            ticket.write({"stage_id": ticket._stage_after_waiting().id})
            ticket.message_post(
                body=_("The customer reopened the ticket."),
                message_type="notification",
                subtype_xmlid="mail.mt_note",
            )

    # ------------------------------------------------------------------
    # Agent actions
    # ------------------------------------------------------------------

    def action_assign_to_me(self):
        self.write({"user_id": self.env.uid})

    def action_open_partner(self):
        self.ensure_one()
        return self.partner_id._get_records_action()

    def action_reply_with_article(self):
        """Open the composer with the article's text, ready to send to the customer."""
        self.ensure_one()
        if not self.article_id:
            raise UserError(_("Choose the article to send first."))
        body = Markup("<p>%s</p>%s") % (escape(self.article_id.name), self.article_id.body or "")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_composition_mode": "comment",
                "default_body": body,
                "default_subject": self.display_name,
            },
        }

    def action_create_opportunity(self):
        """Upsell: an opportunity for the customer, linked to the ticket."""
        self.ensure_one()
        if not self.partner_id:
            raise UserError(_("Set the customer before creating an opportunity."))
        if not self.lead_id:
            self.lead_id = self.env["crm.lead"].create(
                {
                    "name": _("Upsell from %s", self.display_name),
                    "type": "opportunity",
                    "partner_id": self.partner_id.id,
                    "user_id": self.env.uid,
                    "company_id": self.company_id.id,
                    "description": self.description,
                    "source_id": self.source_id.id,
                    "campaign_id": self.campaign_id.id,
                    "medium_id": self.medium_id.id,
                }
            )
            self.message_post(
                body=_("Opportunity %s created from this ticket.", self.lead_id._get_html_link()),
                message_type="notification",
                subtype_xmlid="mail.mt_note",
            )
        return self.lead_id._get_records_action()

    def action_create_credit_note(self):
        """Open Odoo's reversal wizard on the linked invoice (a draft credit note)."""
        self.ensure_one()
        invoice = self.invoice_id
        if not invoice or invoice.move_type != "out_invoice":
            raise UserError(_("Link the customer invoice to credit first."))
        if invoice.state != "posted":
            raise UserError(_("Only a posted invoice can be credited."))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_view_account_move_reversal"
        )
        action["context"] = {
            "active_model": "account.move",
            "active_ids": invoice.ids,
            "active_id": invoice.id,
            "default_reason": _("Ticket %s", self.number),
            "default_journal_id": invoice.journal_id.id,
        }
        return action

    def action_create_return(self):
        """Open Odoo's return wizard on the linked delivery."""
        self.ensure_one()
        picking = self.picking_id
        if not picking or picking.picking_type_code != "outgoing" or picking.state != "done":
            raise UserError(_("Link a done delivery to return first."))
        return {
            "type": "ir.actions.act_window",
            "name": _("Return of %s", picking.name),
            "res_model": "stock.return.picking",
            "view_mode": "form",
            "target": "new",
            "context": {
                "active_model": "stock.picking",
                "active_id": picking.id,
                "active_ids": picking.ids,
                "crm_ticket_id": self.id,
            },
        }

    def action_view_sla_status(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_ticketing.action_crm_ticket_sla_status"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        return action

    def _get_report_base_filename(self):
        self.ensure_one()
        return _("Ticket %s", self.number)
