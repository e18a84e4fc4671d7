import { describe, expect, test } from "@odoo/hoot";
import { jalaliSettings, withGregorianDates } from "@crm_persian/core/jalali_luxon";
import { setCellContent } from "@spreadsheet/../tests/helpers/commands";
import { defineSpreadsheetModels } from "@spreadsheet/../tests/helpers/data";
import { getCellFormula, getEvaluatedCell } from "@spreadsheet/../tests/helpers/getters";
import { createSpreadsheetWithPivot } from "@spreadsheet/../tests/helpers/pivot";
import { models, patchWithCleanup } from "@web/../tests/web_test_helpers";

const { DateTime } = luxon;

describe.current.tags("headless");
defineSpreadsheetModels();

test("crm_persian_spreadsheet: pivots of a Jalali reader keep Gregorian date groups", async () => {
    // The reader's calendar is Jalali: luxon formats are Jalali everywhere else.
    patchWithCleanup(jalaliSettings, { enabled: true });
    // The mock server stands for Odoo's Python server, whose group labels are not Jalali.
    patchWithCleanup(models.Model.prototype, {
        read_group() {
            return withGregorianDates(() => super.read_group(...arguments));
        },
    });
    expect(DateTime.local(2016, 4, 14).toFormat("MM/yyyy")).toBe("01/1395");
    const calendars = [];
    const { model } = await createSpreadsheetWithPivot({
        arch: /* xml */ `
            <pivot>
                <field name="date" interval="month" type="col"/>
                <field name="probability" type="measure"/>
            </pivot>`,
        mockRPC(route, { method, kwargs }) {
            if (method === "read_group") {
                calendars.push(kwargs.context.date_calendar);
            }
        },
    });
    expect(calendars.length).toBeGreaterThan(0);
    expect(calendars.every((calendar) => calendar === "gregorian")).toBe(true);
    // Month headers are the Gregorian months, under their Gregorian keys.
    expect(getEvaluatedCell(model, "B1").formattedValue).toBe("April 2016");
    expect(getEvaluatedCell(model, "D1").formattedValue).toBe("December 2016");
    expect(getCellFormula(model, "B1")).toInclude('"04/2016"');
    // Formulas written with Gregorian months find their figures.
    setCellContent(model, "Z1", '=PIVOT.VALUE(1,"probability:avg","date:month","12/2016")');
    expect(getEvaluatedCell(model, "Z1").value).toBe(getEvaluatedCell(model, "D3").value);
    expect(getEvaluatedCell(model, "Z1").value).toBe(110); // 95 + 15 on the mock server
    setCellContent(model, "Z2", '=PIVOT.HEADER(1,"date:month","04/2016")');
    expect(getEvaluatedCell(model, "Z2").formattedValue).toBe("April 2016");
    // Everywhere else the reader's dates are still Jalali.
    expect(DateTime.local(2016, 4, 14).toFormat("MM/yyyy")).toBe("01/1395");
});
