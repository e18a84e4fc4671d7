# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Persian Localization - Spreadsheet",
    "summary": "Spreadsheet and dashboard pivots keep Gregorian date periods for Jalali readers",
    "version": "18.0.1.0.0",
    "category": "Localization",
    "author": "CRM Suite contributors",
    "website": "https://github.com/crm-suite/crm-suite",
    "license": "LGPL-3",
    "depends": ["crm_persian", "spreadsheet"],
    "assets": {
        "spreadsheet.o_spreadsheet": [
            "crm_persian_spreadsheet/static/src/**/*.js",
        ],
        "web.assets_unit_tests": [
            "crm_persian_spreadsheet/static/tests/**/*",
        ],
    },
    "auto_install": True,
}
