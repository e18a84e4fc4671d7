# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Ticketing",
    "summary": "Helpdesk with SLA, escalation, portal, knowledge base, tied to invoices",
    "version": "18.0.1.0.0",
    "category": "Services/Helpdesk",
    "author": "CRM Suite contributors",
    "website": "https://github.com/crm-suite/crm-suite",
    "license": "LGPL-3",
    "depends": ["crm_glossary_core", "portal", "rating", "resource", "stock", "account"],
    "data": ["security/ir.model.access.csv"],
    "application": True,
}
