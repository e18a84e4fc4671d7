/**
 * Run by a Persian (fa_IR) user whose calendar is Jalali with Persian digits, on a posted
 * customer invoice dated 2025-11-16 (۱۴۰۴/۰۸/۲۵, 25 Aban 1404), opened in its form view.
 * Checks the date on the form, in the invoice report (HTML preview) and in the Invoices
 * Analysis pivot, whose months are Jalali: the Aban 1404 cell opens Aban's invoices only.
 */
import { registry } from "@web/core/registry";

const JALALI_DATE = "۱۴۰۴/۰۸/۲۵";
const ABAN_1404 = "آبان ۱۴۰۴";

registry.category("web_tour.tours").add("crm_persian_jalali_invoice_tour", {
    steps: () => [
        {
            content: "The invoice date is shown in Jalali with Persian digits",
            trigger: `.o_form_view .o_field_widget[name='invoice_date']:contains(${JALALI_DATE})`,
        },
        {
            content: "The invoice report (HTML preview) prints the Jalali date",
            trigger: ".o_form_view .o_field_widget[name='invoice_date']",
            async run() {
                const invoiceId = Number(location.pathname.split("/").pop());
                const response = await fetch(`/report/html/account.report_invoice/${invoiceId}`);
                const html = await response.text();
                if (!response.ok || !html.includes(JALALI_DATE)) {
                    throw new Error(
                        `The invoice report of invoice ${invoiceId} does not print ${JALALI_DATE}`
                    );
                }
                if (html.includes("2025-11-16") || html.includes("11/16/2025")) {
                    throw new Error("The invoice report still prints the Gregorian date");
                }
            },
        },
        {
            content: "Open the Invoices Analysis",
            trigger: ".o_form_view",
            run() {
                location.href = "/odoo/action-account.action_account_invoice_report_all";
            },
        },
        {
            content: "Switch to the pivot view",
            trigger: "button.o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "The pivot groups the invoices by Jalali month: Aban 1404 is a row",
            trigger: `.o_pivot th:contains(${ABAN_1404})`,
        },
        {
            content: "Open the invoices of Aban 1404 (the total of the row)",
            trigger: `.o_pivot th:contains(${ABAN_1404})`,
            async run(helpers) {
                const cells = this.anchor.closest("tr").querySelectorAll("td.o_pivot_cell_value");
                await helpers.click(cells[cells.length - 1]);
            },
        },
        {
            content: "The invoice dated 25 Aban 1404 is listed",
            trigger: `.o_list_view .o_data_row td[name='invoice_date']:contains(${JALALI_DATE})`,
        },
        {
            content: "Every invoice listed is dated in Aban 1404",
            trigger: ".o_list_view .o_data_row",
            run() {
                const cells = document.querySelectorAll(
                    ".o_list_view .o_data_row td[name='invoice_date']"
                );
                const dates = [...cells].map((cell) => cell.textContent.trim());
                const others = dates.filter((date) => !date.startsWith("۱۴۰۴/۰۸/"));
                if (!dates.length || others.length) {
                    throw new Error(`Invoices outside Aban 1404 listed: ${others.join(", ")}`);
                }
            },
        },
    ],
});
