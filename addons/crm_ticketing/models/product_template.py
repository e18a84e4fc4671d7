# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    warranty_months = fields.Integer(
        string="Warranty (months)",
        help="Warranty length counted from the delivery date of the serial number; tickets "
        "show whether it is still under warranty. Glossary: Ticket.",
    )
