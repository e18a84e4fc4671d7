import { describe, expect, test } from "@odoo/hoot";
import { defineSpreadsheetModels } from "@spreadsheet/../tests/helpers/data";
import { getEvaluatedCell } from "@spreadsheet/../tests/helpers/getters";
import { createSpreadsheetWithPivot } from "@spreadsheet/../tests/helpers/pivot";
import { user } from "@web/core/user";
import { patchWithCleanup } from "@web/../tests/web_test_helpers";

describe.current.tags("headless");
defineSpreadsheetModels();

test("crm_persian_spreadsheet: pivots ask for Gregorian date groups", async () => {
    patchWithCleanup(user, { context: { ...user.context, date_calendar: "jalali" } });
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
    expect(getEvaluatedCell(model, "B1").formattedValue).toBe("April 2016");
});
