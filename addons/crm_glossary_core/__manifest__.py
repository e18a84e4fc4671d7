# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Glossary Core",
    "summary": "Lifecycle, MQL/SAL/SQL, touchpoints, customer 360° and value, quotas, glossary",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "CRM Suite contributors",
    "website": "https://github.com/crm-suite/crm-suite",
    "license": "LGPL-3",
    "depends": [
        "crm",
        "sale_crm",
        "sale_stock",
        "account",
        "utm",
        "mail",
        "web",
        "base_automation",
    ],
    "data": ["security/ir.model.access.csv"],
    "application": True,
}
