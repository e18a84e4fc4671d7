# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Stage history: one row per stay of a lead in a stage, for funnel and time-in-stage reports."""

from odoo import api, fields, models
from odoo.tools import SQL


class CrmLeadStageHistory(models.Model):
    _name = "crm.lead.stage.history"
    _description = "Lead Stage History"
    _order = "lead_id, date_in, id"
    _rec_name = "stage_id"

    lead_id = fields.Many2one("crm.lead", required=True, index=True, ondelete="cascade")
    stage_id = fields.Many2one("crm.stage", required=True, index=True, ondelete="cascade")
    next_stage_id = fields.Many2one(
        "crm.stage",
        index=True,
        ondelete="set null",
        help="The stage the lead went to when it left this one. Glossary: Funnel velocity.",
    )
    team_id = fields.Many2one("crm.team", index=True, ondelete="set null")
    user_id = fields.Many2one("res.users", "Moved by", ondelete="set null")
    salesperson_id = fields.Many2one("res.users", ondelete="set null")
    company_id = fields.Many2one("res.company", index=True, ondelete="cascade")
    date_in = fields.Datetime("Entered", required=True, index=True)
    date_out = fields.Datetime("Left", index=True)
    duration_days = fields.Float(
        "Days in Stage",
        compute="_compute_duration",
        store=True,
        aggregator="avg",
        help="Time the lead spent in the stage (until now while it is still there). "
        "Glossary: Funnel velocity.",
    )

    @api.depends("date_in", "date_out")
    def _compute_duration(self):
        for row in self:
            if row.date_in and row.date_out:
                row.duration_days = (row.date_out - row.date_in).total_seconds() / 86400
            else:
                row.duration_days = 0.0

    @api.model
    def _record_stage_changes(self, leads, date=None):
        """Close the open row of each lead and open one in its current stage."""
        if not leads:
            return
        date = date or fields.Datetime.now()
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """
                UPDATE crm_lead_stage_history h
                   SET date_out = %(date)s,
                       next_stage_id = l.stage_id,
                       duration_days = EXTRACT(EPOCH FROM (%(date)s - h.date_in)) / 86400
                  FROM crm_lead l
                 WHERE l.id = h.lead_id AND h.date_out IS NULL AND h.lead_id IN %(ids)s
                """,
                date=date,
                ids=tuple(leads.ids),
            )
        )
        self.invalidate_model(["date_out", "next_stage_id", "duration_days"])
        # history is written for whoever moves the lead; reading it follows the lead's rules
        self.sudo().create(
            [
                {
                    "lead_id": lead.id,
                    "stage_id": lead.stage_id.id,
                    "team_id": lead.team_id.id,
                    "salesperson_id": lead.user_id.id,
                    "user_id": self.env.uid,
                    "company_id": lead.company_id.id,
                    "date_in": date,
                }
                for lead in leads
                if lead.stage_id
            ]
        )

    @api.model
    def _backfill_from_tracking(self):
        """Rebuild the history of every lead without one from Odoo's tracking values.

        One INSERT … SELECT: each tracked stage change opens a stay that ends at the next
        change; the first stay starts when the lead was created, in the stage the first change
        left (or in the current stage when the stage never changed).
        """
        field_id = self.env["ir.model.fields"]._get("crm.lead", "stage_id").id
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                WITH changes AS (
                    SELECT m.res_id AS lead_id, m.date AS date_in, m.id AS seq,
                           v.old_value_integer AS old_stage, v.new_value_integer AS new_stage,
                           m.create_uid AS user_id
                      FROM mail_tracking_value v
                      JOIN mail_message m ON m.id = v.mail_message_id
                     WHERE v.field_id = %(field_id)s AND m.model = 'crm.lead'
                ),
                todo AS (
                    SELECT l.id, l.create_date, l.stage_id, l.team_id, l.user_id, l.company_id,
                           l.create_uid
                      FROM crm_lead l
                     WHERE l.stage_id IS NOT NULL
                       AND NOT EXISTS (
                           SELECT 1 FROM crm_lead_stage_history h WHERE h.lead_id = l.id
                       )
                ),
                first_change AS (
                    SELECT DISTINCT ON (c.lead_id) c.lead_id, c.old_stage, c.date_in
                      FROM changes c
                     ORDER BY c.lead_id, c.date_in, c.seq
                ),
                stays AS (
                    -- the first stay starts at creation, and never after the first change
                    -- (tracking dates are to the second, creation dates are not)
                    SELECT t.id AS lead_id, LEAST(t.create_date, f.date_in) AS date_in,
                           0 AS seq, COALESCE(f.old_stage, t.stage_id) AS stage_id,
                           t.create_uid AS user_id
                      FROM todo t
                      LEFT JOIN first_change f ON f.lead_id = t.id
                    UNION ALL
                    SELECT c.lead_id, c.date_in, c.seq, c.new_stage, c.user_id
                      FROM changes c JOIN todo t ON t.id = c.lead_id
                ),
                ordered AS (
                    SELECT s.*,
                           LEAD(s.date_in) OVER w AS date_out,
                           LEAD(s.stage_id) OVER w AS next_stage_id
                      FROM stays s
                    WINDOW w AS (PARTITION BY s.lead_id ORDER BY s.date_in, s.seq)
                )
                INSERT INTO crm_lead_stage_history (
                    lead_id, stage_id, next_stage_id, team_id, user_id, salesperson_id,
                    company_id, date_in, date_out, duration_days,
                    create_uid, create_date, write_uid, write_date)
                SELECT o.lead_id, o.stage_id, o.next_stage_id, t.team_id, o.user_id, t.user_id,
                       t.company_id, o.date_in, o.date_out,
                       COALESCE(EXTRACT(EPOCH FROM (o.date_out - o.date_in)) / 86400, 0),
                       %(uid)s, NOW() AT TIME ZONE 'UTC', %(uid)s, NOW() AT TIME ZONE 'UTC'
                  FROM ordered o
                  JOIN todo t ON t.id = o.lead_id
                  JOIN crm_stage s ON s.id = o.stage_id
                """,
                field_id=field_id,
                uid=self.env.uid,
            )
        )
        inserted = self.env.cr.rowcount
        self.env.cr.execute("ANALYZE crm_lead_stage_history")
        self.invalidate_model()
        return inserted
