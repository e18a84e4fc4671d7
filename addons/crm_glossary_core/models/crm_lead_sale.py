# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What accounting sees, on the opportunity: its invoiced, paid and due amounts."""

from odoo import _, api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    crm_invoice_count = fields.Integer(
        "Invoices",
        compute="_compute_crm_invoice_amounts",
        help="Posted customer invoices and credit notes of the opportunity's sales orders. "
        "Glossary: Opportunity.",
    )
    crm_invoiced_amount = fields.Monetary(
        "Invoiced",
        compute="_compute_crm_invoice_amounts",
        currency_field="company_currency",
        help="Untaxed amount invoiced (minus credit notes) from the opportunity's orders, in "
        "the company currency. Glossary: Revenue.",
    )
    crm_paid_amount = fields.Monetary(
        "Paid",
        compute="_compute_crm_invoice_amounts",
        currency_field="company_currency",
        help="Amount of those invoices already paid (taxes included). Glossary: Revenue.",
    )
    crm_due_amount = fields.Monetary(
        "Due",
        compute="_compute_crm_invoice_amounts",
        currency_field="company_currency",
        help="Amount of those invoices still to be paid (taxes included).",
    )

    @api.depends("order_ids.invoice_ids.amount_residual")
    def _compute_crm_invoice_amounts(self):
        groups = {}
        if self.ids:
            groups = {
                lead.id: (count, untaxed, total, residual)
                for lead, count, untaxed, total, residual in self.env["account.move"]
                .sudo()
                ._read_group(
                    [
                        ("crm_opportunity_id", "in", self.ids),
                        ("state", "=", "posted"),
                        ("move_type", "in", ("out_invoice", "out_refund")),
                    ],
                    ["crm_opportunity_id"],
                    [
                        "__count",
                        "amount_untaxed_signed:sum",
                        "amount_total_signed:sum",
                        "amount_residual_signed:sum",
                    ],
                )
            }
        for lead in self:
            count, untaxed, total, residual = groups.get(lead._origin.id, (0, 0.0, 0.0, 0.0))
            lead.crm_invoice_count = count
            lead.crm_invoiced_amount = untaxed
            lead.crm_paid_amount = total - residual
            lead.crm_due_amount = residual

    def action_view_crm_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action.update(
            name=_("Invoices of %s", self.name),
            domain=[("crm_opportunity_id", "=", self.id)],
            context={"default_move_type": "out_invoice", "create": False},
        )
        return action
