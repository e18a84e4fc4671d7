/** @odoo-module **/
// Copyright 2026 CRM Suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

const status = (label) => ({
    content: `the lead is ${label}`,
    trigger: `.o_form_view .o_field_widget[name=qualification_status]:contains('${label}')`,
});

registry.category("web_tour.tours").add("crm_glossary_core_lead_handoff", {
    steps: () => [
        status("Raw lead"),
        {
            content: "marketing hands the lead over",
            trigger: ".o_form_view button[name=action_mark_mql]",
            run: "click",
        },
        status("MQL"),
        {
            content: "sales accepts it",
            trigger: ".o_form_view button[name=action_accept]",
            run: "click",
        },
        status("SAL"),
        {
            content: "sales qualifies it",
            trigger: ".o_form_view button[name=action_qualify]",
            run: "click",
        },
        status("SQL"),
        {
            content: "the journey shows its touchpoints",
            trigger: ".o_notebook a[name=journey]",
            run: "click",
        },
        {
            trigger: ".o_notebook .o_field_widget[name=touchpoint_ids] .o_data_row",
        },
        {
            content: "send it back to marketing",
            trigger: ".o_form_view button[name=action_open_recycle_wizard]",
            run: "click",
        },
        {
            content: "say why",
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit No budget before next quarter",
        },
        {
            trigger: ".modal button[name=action_recycle]",
            run: "click",
        },
        status("Recycled"),
    ],
});
