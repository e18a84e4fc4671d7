# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Lead Scoring - Website Page Visits",
    "summary": "Engagement scoring rules that count the website pages a lead's visitors view",
    "version": "18.0.1.0.0",
    "category": "Hidden",
    "author": "CRM Suite contributors",
    "website": "https://github.com/crm-suite/crm-suite",
    "license": "LGPL-3",
    "depends": ["crm_lead_scoring", "website_crm"],
    "data": [
        "security/ir.model.access.csv",
        "views/crm_scoring_rule_views.xml",
    ],
    "demo": ["demo/crm_scoring_rule_demo.xml"],
    "auto_install": True,
}
