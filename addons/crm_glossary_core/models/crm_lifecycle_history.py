# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dated history of the lifecycle stage of customers: time in stage, stage-to-stage moves."""

from odoo import api, fields, models
from odoo.tools import SQL

from .res_partner import LIFECYCLE_STAGES


class CrmLifecycleHistory(models.Model):
    _name = "crm.lifecycle.history"
    _description = "Customer Lifecycle History"
    _order = "partner_id, date_start desc, id desc"
    _rec_name = "stage"

    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="cascade")
    stage = fields.Selection(LIFECYCLE_STAGES, index=True)
    previous_stage = fields.Selection(LIFECYCLE_STAGES, index=True)
    next_stage = fields.Selection(
        LIFECYCLE_STAGES, index=True, help="Where the customer went after this stage."
    )
    manual = fields.Boolean(help="The stage was set by hand.")
    date_start = fields.Datetime(required=True, index=True)
    date_end = fields.Datetime(index=True)
    duration_days = fields.Float(
        "Days in Stage",
        aggregator="avg",
        help="Time spent in the stage (filled when the customer leaves it). "
        "Glossary: Customer lifecycle.",
    )
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    company_id = fields.Many2one(related="partner_id.company_id", store=True)

    @api.model
    def _record(self, partners, date):
        """Close the open row of each partner and open one for its new stage."""
        self.flush_model()
        partners.flush_recordset(["lifecycle_stage"])
        self.env.cr.execute(
            SQL(
                """
                UPDATE crm_lifecycle_history h
                   SET date_end = %(date)s, next_stage = p.lifecycle_stage,
                       duration_days = EXTRACT(EPOCH FROM (%(date)s - h.date_start)) / 86400
                  FROM res_partner p
                 WHERE p.id = h.partner_id AND h.date_end IS NULL AND h.partner_id IN %(ids)s
                RETURNING h.partner_id, h.stage
                """,
                date=date,
                ids=tuple(partners.ids),
            )
        )
        previous = dict(self.env.cr.fetchall())
        self.invalidate_model(["date_end", "next_stage", "duration_days"])
        self.create(
            [
                {
                    "partner_id": partner.id,
                    "stage": partner.lifecycle_stage,
                    "previous_stage": previous.get(partner.id, False),
                    "manual": bool(partner.lifecycle_stage_manual),
                    "date_start": date,
                }
                for partner in partners
            ]
        )
