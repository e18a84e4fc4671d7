# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Persian Localization",
    "summary": "Jalali calendar, Iranian phones, national IDs, provinces, SMS panels",
    "version": "18.0.1.0.0",
    "category": "Localization",
    "author": "CRM Suite contributors",
    "website": "https://github.com/crm-suite/crm-suite",
    "license": "LGPL-3",
    "depends": [
        "crm_glossary_core",
        "crm_lead_scoring",
        "crm_ticketing",
        "phone_validation",
        "sms",
    ],
    "external_dependencies": {"python": ["jdatetime", "phonenumbers"]},
    "data": ["security/ir.model.access.csv"],
}
