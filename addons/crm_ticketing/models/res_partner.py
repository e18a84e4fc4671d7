# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    ticket_count = fields.Integer(
        string="Tickets",
        compute="_compute_ticket_count",
        groups="crm_ticketing.group_crm_ticket_user",
        help="Tickets of the customer's company and contacts. Glossary: Ticket.",
    )

    ticket_rating_avg = fields.Float(
        string="Support Satisfaction",
        compute="_compute_ticket_rating_avg",
        groups="crm_ticketing.group_crm_ticket_user",
        help="Average rating (out of 5) the customer's company gave to closed tickets. "
        "Glossary: Customer Satisfaction (CSAT).",
    )

    def _compute_ticket_rating_avg(self):
        """One grouped query over the ratings of the customers' tickets."""
        commercial = self.commercial_partner_id
        averages = {}
        if commercial:
            tickets = self.env["crm.ticket"]._search(
                [("commercial_partner_id", "in", commercial.ids)]
            )
            groups = (
                self.env["rating.rating"]
                .sudo()
                ._read_group(
                    [
                        ("res_model", "=", "crm.ticket"),
                        ("res_id", "in", tickets),
                        ("consumed", "=", True),
                        ("rating", ">=", 1),
                        ("partner_id", "!=", False),
                    ],
                    ["partner_id"],
                    ["rating:sum", "__count"],
                )
            )
            totals = {}
            for partner, total, count in groups:
                key = partner.commercial_partner_id.id
                previous = totals.get(key, (0.0, 0))
                totals[key] = (previous[0] + total, previous[1] + count)
            averages = {key: total / count for key, (total, count) in totals.items()}
        for partner in self:
            partner.ticket_rating_avg = averages.get(partner.commercial_partner_id.id, 0.0)

    def _compute_ticket_count(self):
        """One grouped query for all partners shown (no stored counter to rewrite)."""
        commercial = self.commercial_partner_id
        counts = {}
        if commercial:
            groups = self.env["crm.ticket"]._read_group(
                [("commercial_partner_id", "in", commercial.ids)],
                ["commercial_partner_id"],
                ["__count"],
            )
            counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.ticket_count = counts.get(partner.commercial_partner_id.id, 0)

    def action_view_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_ticketing.action_crm_ticket")
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.id, "search_default_open": 1}
        return action

    # ------------------------------------------------------------------
    # Customer 360° (crm_glossary_core extension points)
    # ------------------------------------------------------------------

    @api.model
    def _crm_360_tickets(self):
        """Tickets as the 360° page shows them: those the user may read (record rules of
        the ticket groups and of the allowed companies), none for users without access."""
        Ticket = self.env["crm.ticket"]
        return Ticket if Ticket.has_access("read") else None

    def _crm_360_ticket_stats(self):
        stats = super()._crm_360_ticket_stats()
        commercial = self.commercial_partner_id
        Ticket = self._crm_360_tickets()
        if not commercial or Ticket is None:
            return stats
        groups = Ticket._read_group(
            [
                ("commercial_partner_id", "in", commercial.ids),
                ("company_id", "in", self.env.companies.ids),
            ],
            ["commercial_partner_id", "is_closed", "sla_failed"],
            ["__count"],
        )
        for partner, closed, failed, count in groups:
            data = stats.setdefault(partner.id, {"open": 0, "closed": 0, "sla_failed": 0})
            data["closed" if closed else "open"] += count
            if failed:
                data["sla_failed"] += count
        return stats

    @api.model
    def _crm_360_documents_with_events(self):
        return super()._crm_360_documents_with_events() | {"crm.ticket"}

    @api.model
    def _crm_360_timeline_events(self, commercial_partner, before=None, limit=20):
        events = super()._crm_360_timeline_events(commercial_partner, before=before, limit=limit)
        Ticket = self._crm_360_tickets()
        if Ticket is None:
            return events
        domain = [
            ("commercial_partner_id", "=", commercial_partner.commercial_partner_id.id),
            ("company_id", "in", self.env.companies.ids),
            *self._crm_360_before_domain("date_received", before),
        ]
        tickets = Ticket.search_fetch(
            domain,
            ["date_received", "number", "name", "stage_id"],
            order="date_received desc, id desc",
            limit=limit,
        )
        for ticket in tickets:
            title = _(
                "Ticket %(number)s: %(subject)s (%(stage)s)",
                number=ticket.number,
                subject=ticket.name,
                stage=ticket.stage_id.name or "-",
            )
            events.append(self._crm_360_event(ticket.date_received, "ticket", title, ticket))
        return self._crm_360_merge_events(events, limit)
