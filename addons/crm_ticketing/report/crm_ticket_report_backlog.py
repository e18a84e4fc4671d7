# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL


class CrmTicketReportBacklog(models.Model):
    """One row per ticket and day it was open (last 365 days): the backlog over time."""

    _name = "crm.ticket.report.backlog"
    _description = "Ticket Backlog over Time"
    _auto = False
    _order = "date desc"

    date = fields.Date(readonly=True)
    ticket_id = fields.Many2one("crm.ticket", readonly=True)
    team_id = fields.Many2one("crm.ticket.team", readonly=True)
    user_id = fields.Many2one("res.users", string="Assigned to", readonly=True)
    priority = fields.Selection(
        [("0", "Low"), ("1", "Normal"), ("2", "High"), ("3", "Urgent")], readonly=True
    )
    type_id = fields.Many2one("crm.ticket.type", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    sla_failed = fields.Boolean(string="SLA Failed", readonly=True)
    age_days = fields.Integer(string="Age (days)", readonly=True, aggregator="avg")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT
                    row_number() OVER () AS id,
                    day::date AS date,
                    t.id AS ticket_id,
                    t.team_id,
                    t.user_id,
                    t.priority,
                    t.type_id,
                    t.company_id,
                    t.sla_failed,
                    (day::date - t.date_received::date) AS age_days
                FROM crm_ticket t
                JOIN LATERAL generate_series(
                    GREATEST(t.date_received::date, CURRENT_DATE - 365),
                    COALESCE(t.date_closed::date - 1, CURRENT_DATE),
                    interval '1 day'
                ) AS day ON TRUE
                WHERE t.active
            )
            """,
                SQL.identifier(self._table),
            )
        )
