import { afterEach, beforeEach, describe, expect, test } from "@odoo/hoot";
import { click, queryAllTexts, queryFirst } from "@odoo/hoot-dom";
import { animationFrame, mockDate } from "@odoo/hoot-mock";
import { defineMailModels } from "@mail/../tests/mail_test_helpers";
import {
    defineParams,
    mountWithCleanup,
    patchTranslations,
    patchWithCleanup,
    preloadBundle,
} from "@web/../tests/web_test_helpers";
import { DateTimePicker } from "@web/core/datetime/datetime_picker";
import {
    formatDate,
    formatDateTime,
    parseDate,
    parseDateTime,
    serializeDate,
    serializeDateTime,
} from "@web/core/l10n/dates";
import { localization } from "@web/core/l10n/localization";
import { CalendarController } from "@web/views/calendar/calendar_controller";
import { CalendarCommonRenderer } from "@web/views/calendar/calendar_common/calendar_common_renderer";
import { FAKE_MODEL } from "@web/../tests/views/calendar/calendar_test_helpers";

import {
    isJalaliLeapYear,
    isValidJalaliDate,
    jalaliMonthLength,
    toGregorian,
    toJalali,
    toLatinDigits,
    toPersianDigits,
} from "@crm_persian/core/jalali";
import { jalaliSpanLabel } from "@crm_persian/views/calendar_patch";
import {
    intlToJalaliFormat,
    jalaliSettings,
    parseJalaliParts,
} from "@crm_persian/core/jalali_luxon";

const { DateTime } = luxon;

defineMailModels();
preloadBundle("web.fullcalendar_lib");
defineParams({
    lang_parameters: {
        date_format: "%Y/%m/%d",
        time_format: "%H:%M:%S",
        week_start: 6,
    },
});

beforeEach(() => patchTranslations());

function useJalali(digits = "latin") {
    patchWithCleanup(jalaliSettings, { enabled: true, digits });
}

describe("crm_persian Jalali conversion", () => {
    test("known days both ways", () => {
        const cases = [
            [[2025, 11, 16], [1404, 8, 25]],
            [[2025, 3, 21], [1404, 1, 1]],
            [[2025, 3, 20], [1403, 12, 30]],
            [[2024, 3, 20], [1403, 1, 1]],
            [[2026, 3, 20], [1404, 12, 29]],
            [[2026, 3, 21], [1405, 1, 1]],
            [[2000, 1, 1], [1378, 10, 11]],
            [[1979, 2, 11], [1357, 11, 22]],
        ];
        for (const [[gy, gm, gd], [jy, jm, jd]] of cases) {
            expect(toJalali(gy, gm, gd)).toEqual({ year: jy, month: jm, day: jd });
            expect(toGregorian(jy, jm, jd)).toEqual({ year: gy, month: gm, day: gd });
        }
    });

    test("every day of 1390-1420 round-trips and follows the previous one", () => {
        let previous = toJalali(2011, 3, 20);
        let day = DateTime.utc(2011, 3, 21);
        while (day.year < 2042) {
            const jalali = toJalali(day.year, day.month, day.day);
            const back = toGregorian(jalali.year, jalali.month, jalali.day);
            expect(back).toEqual({ year: day.year, month: day.month, day: day.day });
            if (jalali.day !== 1) {
                expect(jalali.day).toBe(previous.day + 1);
            } else {
                expect(previous.day).toBe(jalaliMonthLength(previous.year, previous.month));
            }
            previous = jalali;
            day = day.plus({ day: 1 });
        }
    });

    test("leap years: 1403 has 30 Esfand, 1404 does not", () => {
        expect(isJalaliLeapYear(1403)).toBe(true);
        expect(isJalaliLeapYear(1404)).toBe(false);
        expect(isJalaliLeapYear(1408)).toBe(true);
        expect(jalaliMonthLength(1403, 12)).toBe(30);
        expect(jalaliMonthLength(1404, 12)).toBe(29);
        expect(isValidJalaliDate(1403, 12, 30)).toBe(true);
        expect(isValidJalaliDate(1404, 12, 30)).toBe(false);
        expect(isValidJalaliDate(1404, 7, 31)).toBe(false);
        expect(toGregorian(1403, 12, 30)).toEqual({ year: 2025, month: 3, day: 20 });
    });

    test("digits", () => {
        expect(toLatinDigits("۱۴۰۴/٠٨/۲۵")).toBe("1404/08/25");
        expect(toPersianDigits("1404/08/25")).toBe("۱۴۰۴/۰۸/۲۵");
    });
});

describe("crm_persian Jalali formatting", () => {
    beforeEach(() => {
        patchWithCleanup(localization, {
            dateFormat: "yyyy/MM/dd",
            dateTimeFormat: "yyyy/MM/dd HH:mm:ss",
            shortTimeFormat: "HH:mm",
        });
    });

    test("stays Gregorian when the preference is Gregorian", () => {
        expect(formatDate(DateTime.local(2025, 11, 16))).toBe("2025/11/16");
    });

    test("dates and datetimes, Latin and Persian digits", () => {
        useJalali();
        expect(formatDate(DateTime.local(2025, 11, 16))).toBe("1404/08/25");
        expect(formatDate(DateTime.local(2025, 3, 20))).toBe("1403/12/30");
        expect(formatDate(DateTime.local(2025, 11, 16), { condensed: true })).toBe("1404/8/25");
        expect(formatDateTime(DateTime.utc(2025, 11, 16, 9, 5, 7), { tz: "utc" })).toBe(
            "1404/08/25 09:05:07"
        );
        expect(DateTime.local(2025, 11, 16).toFormat("d MMMM yyyy")).toBe("25 Aban 1404");
        expect(DateTime.local(2025, 11, 16).toFormat("'Q'q yy")).toBe("Q3 04");
        jalaliSettings.digits = "persian";
        expect(formatDate(DateTime.local(2025, 11, 16))).toBe("۱۴۰۴/۰۸/۲۵");
        expect(formatDateTime(DateTime.utc(2025, 11, 16, 9, 5, 7), { tz: "utc" })).toBe(
            "۱۴۰۴/۰۸/۲۵ ۰۹:۰۵:۰۷"
        );
    });

    test("Persian month names for a Persian locale", () => {
        useJalali("persian");
        const day = DateTime.local(2025, 11, 16).setLocale("fa-IR");
        expect(day.toFormat("d MMMM yyyy")).toBe("۲۵ آبان ۱۴۰۴");
    });

    test("server formats and Gregorian period labels are never converted", () => {
        useJalali("persian");
        const day = DateTime.local(2025, 11, 16);
        jalaliSettings.enabled = false;
        const gregorianMonth = day.toFormat("MMMM");
        jalaliSettings.enabled = true;
        expect(day.toFormat("MMMM")).toBe(gregorianMonth);
        expect(day.toFormat("yyyy")).toBe("2025");
        expect(serializeDate(DateTime.local(2025, 11, 16))).toBe("2025-11-16");
        expect(serializeDateTime(DateTime.utc(2025, 11, 16, 9, 5, 7))).toBe("2025-11-16 09:05:07");
        // A server-style format that is not the user's date format stays Gregorian.
        expect(day.toFormat("yyyy-MM-dd")).toBe("2025-11-16");
    });

    test("datetimes take the day of the user's timezone (midnight edges)", () => {
        useJalali();
        // 2025-11-15 21:00 UTC is 00:30 on 1404/08/25 in Tehran (UTC+3:30).
        const utc = DateTime.fromISO("2025-11-15T21:00:00Z", { zone: "utc" });
        expect(formatDateTime(utc, { tz: "Asia/Tehran" })).toBe("1404/08/25 00:30:00");
        expect(formatDateTime(utc, { tz: "utc" })).toBe("1404/08/24 21:00:00");
        // The last minute of 1403 in Tehran is already 1404 in Tokyo.
        const lastMinute = DateTime.fromISO("2025-03-20T20:29:00Z", { zone: "utc" });
        expect(formatDateTime(lastMinute, { tz: "Asia/Tehran" })).toBe("1403/12/30 23:59:00");
        expect(formatDateTime(lastMinute, { tz: "Asia/Tokyo" })).toBe("1404/01/01 05:29:00");
    });

    test("chatter-style toLocaleString", () => {
        const day = DateTime.local(2025, 11, 16, 14, 30);
        const timeOnly = day.toLocaleString(DateTime.TIME_24_SIMPLE);
        useJalali();
        expect(intlToJalaliFormat(DateTime.DATE_SHORT)).toBe("yyyy/MM/dd");
        expect(intlToJalaliFormat(DateTime.TIME_24_SIMPLE)).toBe(null);
        expect(day.toLocaleString(DateTime.DATE_MED)).toBe("25 Aban 1404");
        expect(day.toLocaleString(DateTime.DATETIME_SHORT)).toBe("1404/08/25 14:30");
        expect(day.toLocaleString(DateTime.TIME_24_SIMPLE)).toBe(timeOnly);
    });
});

describe("crm_persian Jalali parsing", () => {
    beforeEach(() => {
        patchWithCleanup(localization, {
            dateFormat: "yyyy/MM/dd",
            dateTimeFormat: "yyyy/MM/dd HH:mm:ss",
        });
    });

    test("typed Jalali dates become Gregorian", () => {
        useJalali();
        expect(parseDate("1404/8/25").toISODate()).toBe("2025-11-16");
        expect(parseDate("1404/08/25").toISODate()).toBe("2025-11-16");
        expect(parseDate("۱۴۰۴/۰۸/۲۵").toISODate()).toBe("2025-11-16");
        expect(parseDate("١٤٠٤-٨-٢٥").toISODate()).toBe("2025-11-16");
        expect(parseDate("14040825").toISODate()).toBe("2025-11-16");
        expect(parseDate("1403/12/30").toISODate()).toBe("2025-03-20");
        // A Gregorian date pasted by a Jalali user stays what it is.
        expect(parseDate("2025/11/16").toISODate()).toBe("2025-11-16");
    });

    test("30 Esfand exists only in leap years", () => {
        useJalali();
        expect(() => parseDate("1404/12/30")).toThrow(/not a correct date/);
        expect(() => parseDate("1404/13/01")).toThrow(/not a correct date/);
        expect(parseJalaliParts("1404/12/30", "yyyy/MM/dd")).toBe("invalid");
        expect(parseJalaliParts("hello", "yyyy/MM/dd")).toBe(null);
    });

    test("typed datetimes in the user's timezone (midnight edges)", () => {
        useJalali();
        const tz = "Asia/Tehran";
        const value = parseDateTime("1404/8/25 00:30", { tz });
        expect(value.toISO({ suppressMilliseconds: true })).toBe("2025-11-16T00:30:00+03:30");
        expect(serializeDateTime(value)).toBe("2025-11-15 21:00:00");
        const persian = parseDateTime("۱۴۰۴/۰۱/۰۱ ۰۰:۰۰:۰۰", { tz });
        expect(serializeDateTime(persian)).toBe("2025-03-20 20:30:00");
    });
});

describe("crm_persian Jalali parsing of ISO-looking input", () => {
    beforeEach(() => {
        patchWithCleanup(localization, {
            dateFormat: "yyyy/MM/dd",
            dateTimeFormat: "yyyy/MM/dd HH:mm:ss",
        });
    });

    test("an impossible Jalali day typed with dashes is refused, not read as a year AD", () => {
        useJalali();
        // 1404 is not leap: no 30 Esfand. Odoo's last resort (ISO, SQL) must not accept it.
        expect(() => parseDate("1404-12-30")).toThrow(/not a correct date/);
        expect(() => parseDateTime("1404-12-30 10:00:00")).toThrow(/not a correct date/);
        expect(() => parseDate("1404-12-30T10:00")).toThrow(/not a correct date/);
        expect(parseDate("1403-12-30").toISODate()).toBe("2025-03-20");
        // What only ISO reads is still a Jalali day.
        expect(parseDateTime("1404-08-25T10:00", { tz: "utc" }).toISO()).toBe(
            "2025-11-16T10:00:00.000Z"
        );
        // Server values (read without setZone) and Gregorian users are untouched.
        expect(DateTime.fromISO("1404-12-30").year).toBe(1404);
        expect(DateTime.fromSQL("1404-12-30", { zone: "utc" }).year).toBe(1404);
        jalaliSettings.enabled = false;
        expect(parseDate("1404-12-30").year).toBe(1404);
    });
});

describe("crm_persian Jalali for a year-first dashed language format", () => {
    beforeEach(() => {
        // en_CA, sv_SE or a customised fa_IR: the user's format looks like the server's.
        patchWithCleanup(localization, {
            dateFormat: "yyyy-MM-dd",
            dateTimeFormat: "yyyy-MM-dd HH:mm:ss",
            shortTimeFormat: "HH:mm",
        });
    });

    test("dates are shown and typed in Jalali, still sent to the server in Gregorian", () => {
        useJalali();
        const moment = DateTime.utc(2025, 11, 16, 9, 5, 7);
        expect(formatDate(DateTime.local(2025, 11, 16))).toBe("1404-08-25");
        expect(formatDate(DateTime.local(2025, 11, 16), { condensed: true })).toBe("1404-8-25");
        expect(formatDateTime(moment, { tz: "utc" })).toBe("1404-08-25 09:05:07");
        expect(formatDateTime(moment, { tz: "utc", showSeconds: false })).toBe(
            "1404-08-25 09:05"
        );
        expect(serializeDate(DateTime.local(2025, 11, 16))).toBe("2025-11-16");
        expect(serializeDateTime(moment)).toBe("2025-11-16 09:05:07");
        expect(parseDate("1404-08-25").toISODate()).toBe("2025-11-16");
        expect(parseDate("1404-8-25").toISODate()).toBe("2025-11-16");
        expect(serializeDateTime(parseDateTime("1404-08-25 09:05:07", { tz: "utc" }))).toBe(
            "2025-11-16 09:05:07"
        );
        expect(() => parseDate("1404-12-30")).toThrow(/not a correct date/);
        // A Gregorian date pasted by a Jalali user stays what it is.
        expect(parseDate("2025-11-16").toISODate()).toBe("2025-11-16");
    });
});

describe("crm_persian Jalali date picker", () => {
    beforeEach(() => mockDate("2025-11-16T10:00:00"));
    afterEach(() => {
        jalaliSettings.enabled = false;
    });

    test("Aban 1404: weeks start on Saturday", async () => {
        useJalali();
        await mountWithCleanup(DateTimePicker, {
            props: { value: DateTime.local(2025, 11, 16), type: "date" },
        });
        expect(".o_datetime_picker_header .o_header_part").toHaveText("Aban 1404");
        const cells = queryAllTexts(".o_date_item_cell:not(.o_out_of_range)");
        expect(cells.length).toBe(30);
        expect(cells[0]).toBe("1");
        expect(cells.at(-1)).toBe("30");
        // 1 Aban 1404 is Thursday 23 October 2025: sixth column of a Saturday week.
        const firstRow = [...queryFirst(".o_date_picker").children].slice(9, 16);
        expect(firstRow.map((cell) => cell.textContent.trim())).toEqual([
            "",
            "",
            "",
            "",
            "",
            "1",
            "2",
        ]);
        expect(".o_selected").toHaveText("25");
    });

    test("Esfand 1403 has 30 days, Esfand 1404 has 29; navigation and zoom", async () => {
        useJalali();
        const values = [];
        await mountWithCleanup(DateTimePicker, {
            props: {
                value: DateTime.local(2025, 3, 10),
                type: "date",
                onSelect: (value) => values.push(value),
            },
        });
        expect(".o_header_part").toHaveText("Esfand 1403");
        expect(queryAllTexts(".o_date_item_cell:not(.o_out_of_range)").at(-1)).toBe("30");
        await click(".o_date_item_cell:not(.o_out_of_range):last");
        expect(values.at(-1).toISODate()).toBe("2025-03-20");

        await click(".o_next");
        await animationFrame();
        expect(".o_header_part").toHaveText("Farvardin 1404");
        expect(queryAllTexts(".o_date_item_cell:not(.o_out_of_range)").at(-1)).toBe("31");

        await click(".o_zoom_out");
        await animationFrame();
        expect(".o_header_part").toHaveText("1404");
        expect(queryAllTexts(".o_date_item_cell")).toEqual([
            "Farvardin",
            "Ordibehesht",
            "Khordad",
            "Tir",
            "Mordad",
            "Shahrivar",
            "Mehr",
            "Aban",
            "Azar",
            "Dey",
            "Bahman",
            "Esfand",
        ]);
        await click(".o_date_item_cell:last");
        await animationFrame();
        expect(".o_header_part").toHaveText("Esfand 1404");
        expect(queryAllTexts(".o_date_item_cell:not(.o_out_of_range)").at(-1)).toBe("29");
        await click(".o_date_item_cell:not(.o_out_of_range):last");
        expect(values.at(-1).toISODate()).toBe("2026-03-20");

        await click(".o_zoom_out");
        await click(".o_zoom_out");
        await animationFrame();
        expect(".o_header_part").toHaveText("1399 - 1410");
    });

    test("Persian digits in the grid", async () => {
        useJalali("persian");
        await mountWithCleanup(DateTimePicker, {
            props: { value: DateTime.local(2025, 11, 16), type: "date" },
        });
        expect(".o_selected").toHaveText("۲۵");
        expect(".o_header_part").toHaveText("Aban ۱۴۰۴");
    });
});

describe("crm_persian Jalali calendar view titles", () => {
    test("titles name the Jalali days and months the Gregorian range covers", () => {
        useJalali();
        const getter = (name) =>
            Object.getOwnPropertyDescriptor(CalendarController.prototype, name).get;
        const november = { date: DateTime.local(2025, 11, 16) };
        expect(getter("dayHeader").call(november)).toBe("25 Aban 1404");
        expect(getter("currentMonth").call(november)).toBe("Aban - Azar 1404");
        expect(getter("currentYear").call(november)).toBe("1403 - 1404");
        const week = {
            model: {
                rangeStart: DateTime.local(2025, 11, 15),
                rangeEnd: DateTime.local(2025, 11, 21),
            },
        };
        expect(getter("weekHeader").call(week)).toBe("Aban 1404");
        expect(
            jalaliSpanLabel(DateTime.local(2026, 3, 15), DateTime.local(2026, 3, 25))
        ).toBe("Esfand 1404 - Farvardin 1405");
        jalaliSettings.digits = "persian";
        expect(getter("dayHeader").call(november)).toBe("۲۵ Aban ۱۴۰۴");
        jalaliSettings.enabled = false;
        expect(getter("dayHeader").call(november)).toBe("16 November 2025");
    });
});

describe("crm_persian Jalali calendar view grid", () => {
    test("month cells show Jalali days and where Jalali months start", async () => {
        useJalali();
        await mountWithCleanup(CalendarCommonRenderer, {
            props: {
                model: { ...FAKE_MODEL, scale: "month" },
                createRecord() {},
                deleteRecord() {},
                editRecord() {},
                displayName: "Plop",
            },
        });
        // 16 July 2021 is 25 Tir 1400; 23 July 2021 is 1 Mordad 1400.
        expect(".fc-daygrid-day[data-date='2021-07-16'] .fc-daygrid-day-number").toHaveText(
            "25"
        );
        expect(".fc-daygrid-day[data-date='2021-07-23'] .fc-daygrid-day-number").toHaveText(
            "1 Mordad"
        );
    });
});
