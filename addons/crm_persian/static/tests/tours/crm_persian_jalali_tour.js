/**
 * Run by a Persian (fa_IR) user whose calendar is Jalali with Persian digits, on an
 * opportunity whose expected closing date is 2025-11-16 (۱۴۰۴/۰۸/۲۵). The Python test
 * checks the Gregorian value stored after the tour (10 Azar 1404 = 2025-12-01).
 */
import { registry } from "@web/core/registry";

const DEADLINE = ".o_field_widget[name='date_deadline'] input";

registry.category("web_tour.tours").add("crm_persian_jalali_tour", {
    steps: () => [
        {
            content: "The expected closing date is shown in Jalali with Persian digits",
            trigger: `${DEADLINE}:value(۱۴۰۴/۰۸/۲۵)`,
            run: "click",
        },
        {
            content: "The picker shows the Jalali month of the date",
            trigger: ".o_datetime_picker .o_header_part:contains(آبان ۱۴۰۴)",
        },
        {
            content: "The selected day is 25 Aban",
            trigger: ".o_datetime_picker .o_selected:contains(۲۵)",
        },
        {
            content: "Go to the next Jalali month",
            trigger: ".o_datetime_picker .o_next",
            run: "click",
        },
        {
            content: "Azar 1404 has 30 days",
            trigger: ".o_datetime_picker .o_header_part:contains(آذر ۱۴۰۴)",
        },
        {
            content: "Pick 10 Azar",
            trigger: ".o_datetime_picker .o_date_item_cell:not(.o_out_of_range):contains(۱۰)",
            run: "click",
        },
        {
            content: "The field shows the picked Jalali date",
            trigger: `${DEADLINE}:value(۱۴۰۴/۰۹/۱۰)`,
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Reload once saved",
            trigger: ".o_form_renderer.o_form_saved",
            run() {
                location.reload();
            },
        },
        {
            content: "After reloading, the same Jalali date is shown",
            trigger: `${DEADLINE}:value(۱۴۰۴/۰۹/۱۰)`,
        },
    ],
});
