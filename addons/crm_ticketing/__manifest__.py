# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Ticketing",
    "summary": "Helpdesk with SLA, escalation, portal, knowledge base, tied to invoices",
    "version": "18.0.1.2.0",
    "category": "Services/Helpdesk",
    "author": "CRM Suite contributors",
    "website": "https://github.com/crm-suite/crm-suite",
    "license": "LGPL-3",
    "depends": ["crm_glossary_core", "portal", "rating", "resource", "stock", "account"],
    "data": [
        "security/crm_ticketing_security.xml",
        "security/ir.model.access.csv",
        "data/crm_ticket_sequence_data.xml",
        "data/mail_message_subtype_data.xml",
        "data/mail_template_data.xml",
        "data/crm_ticket_stage_data.xml",
        "data/crm_ticket_team_data.xml",
        "data/crm_ticket_priority_data.xml",
        "data/ir_cron_data.xml",
        "wizards/crm_ticket_wizard_views.xml",
        "views/crm_ticket_views.xml",
        "views/crm_ticket_team_views.xml",
        "views/crm_ticket_config_views.xml",
        "views/inherited_views.xml",
        "report/crm_ticket_report_views.xml",
        "views/menus.xml",
        "views/crm_ticket_portal_templates.xml",
        "data/crm_glossary_term_data.xml",
    ],
    "demo": ["demo/crm_ticketing_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "crm_ticketing/static/tests/tours/*.js",
        ],
    },
    "application": True,
}
