# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import ast

from odoo import _, api, fields, models


class CrmTicketTeam(models.Model):
    _name = "crm.ticket.team"
    _description = "Support Team"
    _inherit = ["mail.alias.mixin", "mail.thread", "rating.parent.mixin"]
    _order = "sequence, name"
    _rating_satisfaction_days = 30

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    leader_id = fields.Many2one(
        "res.users",
        string="Team Leader",
        domain=[("share", "=", False)],
        check_company=True,
        help="Receives tickets escalated at an SLA breach. Glossary: Escalation.",
    )
    member_ids = fields.Many2many(
        "res.users",
        "crm_ticket_team_member_rel",
        "team_id",
        "user_id",
        string="Members",
        domain=[("share", "=", False)],
        check_company=True,
    )
    assignment_method = fields.Selection(
        [
            ("manual", "Manual"),
            ("round_robin", "Round-robin"),
            ("least_open", "Least open tickets"),
        ],
        default="manual",
        required=True,
        help="How new tickets get an assignee: by hand, in turn among the members, or to the "
        "member with the fewest open tickets. Members on leave (a leave of their resource in "
        "the team's calendar) are skipped. Glossary: Service Automation.",
    )
    last_assigned_user_id = fields.Many2one("res.users", readonly=True, copy=False)
    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Hours",
        check_company=True,
        help="SLA clocks count the working hours of this calendar; its leaves are holidays. "
        "Without one, the company's calendar is used, else every hour counts (24/7). "
        "Glossary: SLA.",
    )
    calendar_warning = fields.Char(compute="_compute_calendar_warning")
    sla_ids = fields.One2many("crm.ticket.sla", "team_id", string="SLA Policies")
    stage_ids = fields.Many2many(
        "crm.ticket.stage",
        "crm_ticket_stage_team_rel",
        "team_id",
        "stage_id",
        string="Stages",
    )
    visibility = fields.Selection(
        [("members", "Invited members"), ("internal", "All internal users")],
        default="internal",
        required=True,
        help="Who among the Ticketing Users sees the team's tickets.",
    )
    portal_enabled = fields.Boolean(
        string="Open on the Portal",
        default=True,
        help="Customers may submit tickets to this team from the portal. "
        "Glossary: Self-Service Portal.",
    )
    auto_close_days = fields.Integer(
        string="Auto-close After (days)",
        default=7,
        help="Tickets waiting for the customer without a reply for this many days are closed "
        "by a scheduled action; 0 disables it. Glossary: Service Automation.",
    )
    use_rating = fields.Boolean(
        string="Customer Ratings",
        default=True,
        help="Ask customers to rate closed tickets. Glossary: Customer Satisfaction (CSAT).",
    )
    ticket_ids = fields.One2many("crm.ticket", "team_id", string="Tickets")
    open_ticket_count = fields.Integer(compute="_compute_ticket_counts")
    unassigned_ticket_count = fields.Integer(compute="_compute_ticket_counts")
    sla_failed_ticket_count = fields.Integer(compute="_compute_ticket_counts")
    urgent_ticket_count = fields.Integer(compute="_compute_ticket_counts")

    def _compute_ticket_counts(self):
        """All the team's queue figures with one grouped query."""
        counts = {team.id: {} for team in self}
        if self.ids:
            groups = self.env["crm.ticket"]._read_group(
                [("team_id", "in", self.ids), ("is_closed", "=", False)],
                ["team_id", "user_id", "sla_failed", "priority"],
                ["__count"],
            )
            for team, user, failed, priority, count in groups:
                data = counts[team.id]
                data["open"] = data.get("open", 0) + count
                if not user:
                    data["unassigned"] = data.get("unassigned", 0) + count
                if failed:
                    data["failed"] = data.get("failed", 0) + count
                if priority == "3":
                    data["urgent"] = data.get("urgent", 0) + count
        for team in self:
            data = counts.get(team.id, {})
            team.open_ticket_count = data.get("open", 0)
            team.unassigned_ticket_count = data.get("unassigned", 0)
            team.sla_failed_ticket_count = data.get("failed", 0)
            team.urgent_ticket_count = data.get("urgent", 0)

    def write(self, vals):
        result = super().write(vals)
        if "resource_calendar_id" in vals:
            self.env["crm.ticket.sla.status"].sudo()._recompute_for_teams(self)
        return result

    # ------------------------------------------------------------------
    # Mail alias
    # ------------------------------------------------------------------

    def _alias_get_creation_values(self):
        values = super()._alias_get_creation_values()
        values["alias_model_id"] = self.env["ir.model"]._get("crm.ticket").id
        if self.id:
            defaults = ast.literal_eval(self.alias_defaults or "{}")
            defaults["team_id"] = self.id
            values["alias_defaults"] = defaults
        return values

    # ------------------------------------------------------------------
    # Working time
    # ------------------------------------------------------------------

    def _get_sla_calendar(self):
        """The calendar SLA clocks of this team count in: the team's, else the company's.

        Returns an empty recordset when neither exists: clocks then run 24/7 and the team
        form shows a warning (``calendar_warning``).
        """
        self.ensure_one()
        return self.resource_calendar_id or self.company_id.resource_calendar_id

    @api.depends("resource_calendar_id", "company_id.resource_calendar_id")
    def _compute_calendar_warning(self):
        for team in self:
            if team.resource_calendar_id:
                team.calendar_warning = False
            elif team.company_id.resource_calendar_id:
                team.calendar_warning = _(
                    "No working hours set: SLA deadlines use the company's calendar (%s).",
                    team.company_id.resource_calendar_id.name,
                )
            else:
                team.calendar_warning = _(
                    "Neither the team nor the company has working hours: SLA deadlines count "
                    "every hour of the day (24/7)."
                )

    # ------------------------------------------------------------------
    # Assignment
    # ------------------------------------------------------------------

    def _get_available_members(self):
        """Members who can take a ticket now: active and not on leave."""
        self.ensure_one()
        members = self.member_ids.filtered("active")
        if not members:
            return members
        now = fields.Datetime.now()
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search_fetch(
                [
                    ("resource_id.user_id", "in", members.ids),
                    ("date_from", "<=", now),
                    ("date_to", ">=", now),
                ],
                ["resource_id"],
            )
        )
        absent = leaves.resource_id.user_id
        return (members - absent).sorted("id")

    def _get_next_assignee(self):
        """The member a new ticket of this team goes to, following the assignment method."""
        self.ensure_one()
        if self.assignment_method == "manual":
            return self.env["res.users"]
        members = self._get_available_members()
        if not members:
            return members
        if self.assignment_method == "round_robin":
            later = members.filtered(lambda u: u.id > self.last_assigned_user_id.id)
            user = later[:1] or members[:1]
        else:
            groups = self.env["crm.ticket"]._read_group(
                [
                    ("team_id", "=", self.id),
                    ("user_id", "in", members.ids),
                    ("is_closed", "=", False),
                ],
                ["user_id"],
                ["__count"],
            )
            load = {user.id: count for user, count in groups}
            user = min(members, key=lambda u: (load.get(u.id, 0), u.id))
        self.sudo().last_assigned_user_id = user
        return user

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _action_tickets(self, domain, name):
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_ticketing.action_crm_ticket")
        action["name"] = name
        action["domain"] = [("team_id", "in", self.ids), *domain]
        action["context"] = {"default_team_id": self[:1].id, "search_default_open": 1}
        return action

    def action_view_open_tickets(self):
        return self._action_tickets([("is_closed", "=", False)], _("Open Tickets"))

    def action_view_unassigned_tickets(self):
        return self._action_tickets(
            [("is_closed", "=", False), ("user_id", "=", False)], _("Unassigned Tickets")
        )

    def action_view_failed_tickets(self):
        return self._action_tickets(
            [("is_closed", "=", False), ("sla_failed", "=", True)], _("Tickets Failing SLA")
        )

    def action_view_ratings(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_ticketing.action_crm_ticket_rating"
        )
        action["domain"] = [
            ("parent_res_model", "=", self._name),
            ("parent_res_id", "in", self.ids),
        ]
        return action
