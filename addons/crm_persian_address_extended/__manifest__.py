# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Persian Localization - Cities",
    "summary": "Main Iranian cities for addresses when base_address_extended is installed",
    "version": "18.0.1.0.0",
    "category": "Localization",
    "author": "CRM Suite contributors",
    "website": "https://github.com/crm-suite/crm-suite",
    "license": "LGPL-3",
    "depends": ["crm_persian", "base_address_extended"],
    "data": ["data/res_city_data.xml"],
    "auto_install": True,
}
