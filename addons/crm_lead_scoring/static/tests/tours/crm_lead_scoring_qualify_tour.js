import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_lead_scoring_qualify", {
    steps: () => [
        {
            content: "Open the Qualification tab",
            trigger: ".o_notebook_headers a[name='qualification']",
            run: "click",
        },
        {
            content: "The framework's questions are listed",
            trigger: ".o_field_widget[name='qualification_answer_ids'] .o_data_row",
        },
        {
            content: "Start the qualification wizard",
            trigger: "button[name='action_open_qualification_wizard']",
            run: "click",
        },
        {
            content: "Answer the first question",
            trigger: ".modal .o_field_widget[name='option_id'] .o_radio_item:first-child input",
            run: "click",
        },
        {
            content: "Note the evidence",
            trigger: ".modal .o_field_widget[name='evidence'] textarea",
            run: "edit Budget approved by the board",
        },
        {
            content: "Next question",
            trigger: ".modal button[name='action_next']",
            run: "click",
        },
        {
            content: "The second question is shown",
            trigger: ".modal .o_field_widget[name='criterion_id']:contains('Authority')",
        },
        {
            content: "Save and close",
            trigger: ".modal .modal-footer button[name='action_done']:visible",
            run: "click",
        },
        {
            content: "The answer is on the lead",
            trigger:
                ".o_field_widget[name='qualification_answer_ids'] .o_data_row td[name='evidence']:contains('Budget approved by the board')",
        },
    ],
});
