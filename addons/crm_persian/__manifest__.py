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
    "data": [
        "security/ir.model.access.csv",
        "data/res_country_state_data.xml",
        "data/crm_persian_text_data.xml",
        "data/crm_sms_panel_data.xml",
        "views/res_partner_views.xml",
        "views/crm_lead_views.xml",
        "views/sms_panel_views.xml",
        "views/crm_sms_inbound_views.xml",
        "views/crm_ticket_views.xml",
        "views/res_users_views.xml",
        "views/crm_lead_jalali_views.xml",
        "views/account_move_jalali_views.xml",
        "views/crm_ticket_jalali_views.xml",
        "views/crm_quota_views.xml",
        "data/resource_calendar_data.xml",
    ],
    "demo": ["demo/crm_persian_demo.xml"],
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
    "assets": {
        "web.assets_backend": [
            "crm_persian/static/src/**/*",
        ],
        "web.assets_unit_tests": [
            "crm_persian/static/tests/**/*",
            ("remove", "crm_persian/static/tests/tours/**/*"),
        ],
        "web.assets_tests": [
            "crm_persian/static/tests/tours/**/*",
        ],
    },
}
