# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""CRM beside the invoices: the originating opportunity and the customer's CRM figures, and the
incremental update of customer values when a customer invoice is posted, reset or cancelled."""

from odoo import api, fields, models

from ..tools import customer_value as cv


class AccountMove(models.Model):
    _inherit = "account.move"

    crm_opportunity_id = fields.Many2one(
        "crm.lead",
        "Opportunity",
        compute="_compute_crm_opportunity_id",
        store=True,
        index="btree_not_null",
        readonly=True,
        help="The opportunity the invoiced sales order came from. Glossary: Opportunity.",
    )
    crm_salesperson_id = fields.Many2one(
        related="crm_opportunity_id.user_id",
        string="Opportunity Salesperson",
        store=True,
        index="btree_not_null",
        help="Glossary: Opportunity.",
    )
    crm_team_id = fields.Many2one(
        related="crm_opportunity_id.team_id",
        string="Opportunity Sales Team",
        store=True,
        index="btree_not_null",
        help="Glossary: Sales team.",
    )
    customer_lifecycle_stage = fields.Selection(
        related="commercial_partner_id.lifecycle_stage",
        string="Customer Lifecycle Stage",
        store=True,
        index="btree_not_null",
        help="Glossary: Customer lifecycle.",
    )
    # Stored (so that invoices group by them) and written set-based by the customer value
    # recompute of crm.customer.value, for the invoice's company.
    customer_rfm_segment = fields.Selection(
        cv.RFM_SEGMENTS,
        string="Customer RFM Segment",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The RFM segment of the customer in the invoice's company. Glossary: RFM.",
    )
    customer_churn_risk = fields.Selection(
        cv.CHURN_RISKS,
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The churn risk of the customer in the invoice's company. Glossary: Churn.",
    )
    customer_tier = fields.Selection(
        cv.TIERS,
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Glossary: Customer tier.",
    )
    customer_net_revenue = fields.Monetary(
        "Customer Net Revenue",
        related="commercial_partner_id.crm_net_revenue",
        currency_field="company_currency_id",
        help="Glossary: Revenue.",
    )
    customer_predicted_clv = fields.Monetary(
        "Customer Predicted CLV",
        related="commercial_partner_id.crm_predicted_clv",
        currency_field="company_currency_id",
        help="Glossary: CLV.",
    )
    customer_rfm_score = fields.Char(
        "Customer RFM Score", related="commercial_partner_id.crm_rfm_score", help="Glossary: RFM."
    )
    customer_open_ticket_count = fields.Integer(
        "Customer Open Tickets",
        compute="_compute_customer_open_ticket_count",
        help="Open support tickets of the customer. Glossary: Ticket.",
    )

    @api.depends("invoice_line_ids.sale_line_ids.order_id.opportunity_id")
    def _compute_crm_opportunity_id(self):
        for move in self:
            opportunities = move.invoice_line_ids.sale_line_ids.order_id.opportunity_id
            move.crm_opportunity_id = opportunities[:1]

    @api.depends("commercial_partner_id")
    def _compute_customer_open_ticket_count(self):
        stats = self.commercial_partner_id._crm_360_ticket_stats()
        for move in self:
            move.customer_open_ticket_count = stats.get(move.commercial_partner_id.id, {}).get(
                "open", 0
            )

    # ------------------------------------------------------------------ value updates
    def _crm_recompute_customer_values(self):
        self.env["crm.customer.value"]._recompute_for_moves(self)

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        posted._crm_recompute_customer_values()
        return posted

    def button_draft(self):
        res = super().button_draft()
        self._crm_recompute_customer_values()
        return res

    def button_cancel(self):
        res = super().button_cancel()
        self._crm_recompute_customer_values()
        return res

    def action_open_crm_opportunity(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.lead",
            "res_id": self.crm_opportunity_id.id,
            "view_mode": "form",
        }
