# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.osv import expression


class CrmTicketArticle(models.Model):
    _name = "crm.ticket.article"
    _description = "Knowledge Base Article"
    _inherit = ["mail.thread"]
    _order = "helpful_count desc, name"

    name = fields.Char(string="Title", required=True, translate=True, tracking=True)
    body = fields.Html(translate=True, sanitize_style=True)
    summary = fields.Text(translate=True, help="Shown in the search results of the portal.")
    active = fields.Boolean(default=True)
    category_id = fields.Many2one("crm.ticket.category", index=True)
    tag_ids = fields.Many2many("crm.ticket.tag", string="Tags")
    team_id = fields.Many2one("crm.ticket.team", index=True)
    company_id = fields.Many2one("res.company", index=True, default=lambda self: self.env.company)
    is_published = fields.Boolean(
        string="Published on the Portal",
        tracking=True,
        help="Customers find this article on the self-service portal before submitting a "
        "ticket. Glossary: Self-Service Portal.",
    )
    helpful_count = fields.Integer(readonly=True, help="Customers who found it helpful.")
    unhelpful_count = fields.Integer(readonly=True, help="Customers who did not.")
    ticket_ids = fields.One2many("crm.ticket", "article_id", string="Solved Tickets")
    ticket_count = fields.Integer(compute="_compute_ticket_count")

    def _compute_ticket_count(self):
        groups = self.env["crm.ticket"]._read_group(
            [("article_id", "in", self.ids)], ["article_id"], ["__count"]
        )
        counts = {article.id: count for article, count in groups}
        for article in self:
            article.ticket_count = counts.get(article.id, 0)

    @api.model
    def _search_domain(self, terms):
        """Domain finding published articles matching every word of ``terms``."""
        domain = [("is_published", "=", True)]
        for word in (terms or "").split():
            domain = expression.AND(
                [
                    domain,
                    [
                        "|",
                        "|",
                        "|",
                        ("name", "ilike", word),
                        ("summary", "ilike", word),
                        ("body", "ilike", word),
                        ("tag_ids.name", "ilike", word),
                    ],
                ]
            )
        return domain

    def _vote(self, helpful):
        """Count one vote (portal); readers cannot write the article, hence sudo."""
        field = "helpful_count" if helpful else "unhelpful_count"
        for article in self.sudo():
            article[field] += 1

    def action_view_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_ticketing.action_crm_ticket")
        action["domain"] = [("article_id", "=", self.id)]
        action["context"] = {}
        return action
