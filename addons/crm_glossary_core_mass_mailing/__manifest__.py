# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Glossary Core - Mass Mailing",
    "summary": "Mailings sent to and clicked by leads and contacts become touchpoints",
    "version": "18.0.1.0.0",
    "category": "Hidden",
    "author": "CRM Suite contributors",
    "website": "https://github.com/crm-suite/crm-suite",
    "license": "LGPL-3",
    "depends": ["crm_glossary_core", "mass_mailing_crm"],
    "data": ["security/ir.model.access.csv"],
    "auto_install": True,
}
