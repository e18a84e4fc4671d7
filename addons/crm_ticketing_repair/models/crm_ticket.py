# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.exceptions import UserError


class CrmTicket(models.Model):
    _inherit = "crm.ticket"

    repair_id = fields.Many2one(
        "repair.order",
        string="Repair Order",
        index="btree_not_null",
        copy=False,
        check_company=True,
        domain="[('partner_id', 'child_of', commercial_partner_id)]",
        help="The repair order that handles the customer's product. Glossary: After-sales service.",
    )
    repair_state = fields.Selection(
        related="repair_id.state", string="Repair Status", help="Status of the repair order."
    )

    def action_create_repair(self):
        """A draft repair order for the ticket's customer, product and serial number, linked
        to the ticket; opens it. A ticket that has one already opens it."""
        self.ensure_one()
        if self.repair_id:
            return self.action_view_repair()
        product = self.lot_id.product_id or self.product_id
        if not product:
            raise UserError(_("Set the product or the serial number to repair first."))
        if product.type != "consu":
            raise UserError(
                _("%s is not a good: only goods can be repaired.", product.display_name)
            )
        repair = (
            self.env["repair.order"]
            .with_company(self.company_id)
            .create(self._prepare_repair_values(product))
        )
        self.repair_id = repair
        repair.message_post_with_source(
            "mail.message_origin_link",
            render_values={"self": repair, "origin": self},
            subtype_xmlid="mail.mt_note",
        )
        self.message_post(
            body=_("Repair order %s created from this ticket.", repair._get_html_link()),
            message_type="notification",
            subtype_xmlid="mail.mt_note",
        )
        return repair._get_records_action()

    def action_view_repair(self):
        self.ensure_one()
        return self.repair_id._get_records_action()

    def _prepare_repair_values(self, product):
        self.ensure_one()
        return {
            "partner_id": self.partner_id.id,
            "product_id": product.id,
            "lot_id": self.lot_id.id,
            "company_id": self.company_id.id,
            "under_warranty": self.warranty_state == "valid",
            "internal_notes": self.description,
        }
