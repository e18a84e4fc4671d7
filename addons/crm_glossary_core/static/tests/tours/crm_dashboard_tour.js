/** @odoo-module **/
// Copyright 2026 CRM Suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_dashboard_tour", {
    steps: () => [
        { content: "The dashboard opens", trigger: ".o_crm_dashboard" },
        { content: "Key figures", trigger: ".o_crm_dashboard_kpis .card" },
        { content: "Funnel by stage", trigger: ".o_crm_dashboard_funnel canvas" },
        { content: "Funnel rows", trigger: ".o_crm_dashboard_funnel_row" },
        { content: "Conversion and velocity", trigger: ".o_crm_dashboard_velocity .o_crm_velocity_open" },
        { content: "Quota attainment", trigger: ".o_crm_dashboard_quotas .o_crm_dashboard_quota .progress-bar" },
        { content: "Forecast vs quota", trigger: ".o_crm_dashboard_forecast canvas" },
        { content: "Lifecycle distribution", trigger: ".o_crm_dashboard_lifecycle canvas" },
        { content: "RFM segments with revenue", trigger: ".o_crm_dashboard_rfm .o_crm_dashboard_rfm_row" },
        { content: "Churn-risk customers", trigger: ".o_crm_dashboard_churn .o_crm_dashboard_churn_row" },
        {
            content: "Filter on a sales team",
            trigger: ".o_crm_dashboard_team",
            run: "selectByIndex 1",
        },
        { content: "The blocks are still there", trigger: ".o_crm_dashboard_funnel" },
        {
            content: "Open the 360° view of a customer at risk",
            trigger: ".o_crm_dashboard_churn .o_crm_dashboard_churn_row",
            run: "click",
        },
        { content: "The 360° page opens", trigger: ".o_crm_360 .o_crm_360_identity" },
    ],
});

registry.category("web_tour.tours").add("crm_customer_360_tour", {
    steps: () => [
        {
            content: "Open the 360° view from the contact",
            trigger: ".o_form_view button[name='action_open_crm_360']",
            run: "click",
        },
        { content: "Identity and lifecycle", trigger: ".o_crm_360_identity .badge" },
        {
            content: "Won and lost amounts of the opportunities",
            trigger: ".o_crm_360_opportunities .o_crm_360_won_amount:contains(Won)",
        },
        {
            content: "Lost amount",
            trigger: ".o_crm_360_opportunities .o_crm_360_lost_amount:contains(Lost)",
        },
        { content: "Leads count", trigger: ".o_crm_360_opportunities .o_crm_360_leads:contains(leads)" },
        { content: "Value", trigger: ".o_crm_360_value table" },
        { content: "Top products", trigger: ".o_crm_360_products table" },
        { content: "Transaction habits", trigger: ".o_crm_360_habits table" },
        { content: "Timeline", trigger: ".o_crm_360_timeline .o_crm_360_event" },
        { content: "Load more", trigger: ".o_crm_360_load_more", run: "click" },
        {
            content: "More events are shown",
            trigger: ".o_crm_360_timeline .o_crm_360_event:nth-child(21)",
        },
        { content: "Open the invoices", trigger: ".o_crm_360_invoices", run: "click" },
        { content: "The invoice list opens", trigger: ".o_list_view" },
    ],
});
