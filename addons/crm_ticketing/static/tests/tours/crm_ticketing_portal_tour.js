/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_ticketing_portal_tour", {
    url: "/my/tickets",
    steps: () => [
        {
            content: "The list shows the customer's own ticket",
            trigger: ".o_portal_ticket_row:contains('Own ticket of Arya')",
        },
        {
            content: "Search the help center before asking",
            trigger: "a[href='/my/kb']",
            run: "click",
        },
        {
            content: "Type a question",
            trigger: "input.o_kb_search",
            run: "edit reset",
        },
        {
            content: "Search",
            trigger: "button[type=submit]:contains('Search')",
            run: "click",
        },
        {
            content: "The published article is found",
            trigger: ".o_kb_results[data-search='reset'] .o_kb_article a:contains('Reset the device')",
            run: "click",
        },
        {
            content: "Still need help",
            trigger: ".o_kb_vote a[href='/my/tickets/new']",
            run: "click",
        },
        {
            content: "Subject",
            trigger: "input[name=name]",
            run: "edit The screen stays black",
        },
        {
            content: "Description",
            trigger: "textarea[name=description]",
            run: "edit Since this morning the screen stays black.",
        },
        {
            content: "Submit",
            trigger: "button.o_ticket_submit",
            run: "click",
        },
        {
            content: "The ticket page shows its tracking number",
            trigger: ".alert-success:contains('TCK/')",
        },
        {
            content: "Close the ticket",
            trigger: "button.o_ticket_close",
            run: "click",
        },
        {
            content: "It can be reopened",
            trigger: "button.o_ticket_reopen",
            run: "click",
        },
        {
            content: "Open again",
            trigger: ".alert-info:contains('open again')",
        },
    ],
});
