# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Ticketing - Repairs",
    "summary": "Repair orders from tickets, prefilled with the customer, product and serial number",
    "version": "18.0.1.0.0",
    "category": "Hidden",
    "author": "CRM Suite contributors",
    "website": "https://github.com/crm-suite/crm-suite",
    "license": "LGPL-3",
    "depends": ["crm_ticketing", "repair"],
    "data": [
        "security/ir.model.access.csv",
        "views/crm_ticket_views.xml",
        "views/repair_order_views.xml",
    ],
    "auto_install": True,
}
