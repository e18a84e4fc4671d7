# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Lead Scoring",
    "summary": "Qualification frameworks and explainable lead scoring with decay and assignment",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "CRM Suite contributors",
    "website": "https://github.com/crm-suite/crm-suite",
    "license": "LGPL-3",
    "depends": ["crm_glossary_core"],
    "data": [
        "security/ir.model.access.csv",
        "security/crm_lead_scoring_security.xml",
        "data/crm_qualification_framework_data.xml",
        "data/ir_cron_data.xml",
        "views/crm_qualification_framework_views.xml",
        "views/crm_scoring_rule_views.xml",
        "views/crm_lead_score_line_views.xml",
        "views/crm_lead_views.xml",
        "views/crm_team_views.xml",
        "wizards/crm_lead_qualification_wizard_views.xml",
        "report/crm_lead_score_report_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/crm_scoring_rule_demo.xml",
        "demo/crm_lead_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["crm_lead_scoring/static/tests/tours/*.js"],
    },
    "post_init_hook": "post_init_hook",
}
