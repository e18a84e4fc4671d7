# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Score and PLS probability of a lead as they were when it was won or lost.

Odoo sets the automated probability to 100 when a lead is won and to 0 when it is lost, so
the probability of a closed lead always matches its outcome. The score report compares the
score and the probability the lead had *before* it was closed, kept here.
"""

from odoo import fields, models
from odoo.tools import SQL


class CrmLead(models.Model):
    _inherit = "crm.lead"

    score_at_close = fields.Integer(
        "Score at Close",
        readonly=True,
        copy=False,
        help="The lead's total score just before it was won or lost.",
    )
    probability_at_close = fields.Float(
        "PLS Probability at Close",
        readonly=True,
        copy=False,
        help="Odoo's automated (PLS) probability of the lead just before it was won or lost.",
    )

    def write(self, vals):
        closing = self._outcome_closing(vals)
        if closing:
            # the score and probability before this write, for all the closing leads at once
            closing.flush_recordset(["score_total", "automated_probability"])
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE crm_lead
                       SET score_at_close = score_total,
                           probability_at_close = automated_probability
                     WHERE id = ANY(%s)
                    """,
                    closing.ids,
                )
            )
            closing.invalidate_recordset(["score_at_close", "probability_at_close"])
        return super().write(vals)

    def _outcome_closing(self, vals):
        """The open leads of ``self`` that ``vals`` wins (won stage) or loses (archived)."""
        won = False
        if vals.get("stage_id"):
            won = self.env["crm.stage"].browse(vals["stage_id"]).is_won
        lost = "active" in vals and not vals["active"]
        if not (won or lost):
            return self.browse()
        return self.filtered(lambda lead: lead.active and not lead.stage_id.is_won)
