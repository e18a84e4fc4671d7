/**
 * Jalali formatting and parsing of luxon DateTime objects.
 *
 * Every date the web client shows goes through luxon (``toFormat`` from
 * ``@web/core/l10n/dates`` formatDate/formatDateTime, ``toLocaleString`` in the chatter
 * and activities) and every typed date through ``DateTime.fromFormat`` (parseDate and
 * parseDateTime). Patching those few luxon methods, only while the user's preference is
 * Jalali, makes every field of every view Jalali without a dedicated widget. Values
 * written for the server (``serializeDate``: ``yyyy-MM-dd...`` with Latin digits) are never
 * converted, even when the user's own date format also starts with ``yyyy-MM-dd``.
 */
import { localization } from "@web/core/l10n/localization";
import { _t } from "@web/core/l10n/translation";
import { user } from "@web/core/user";
import { patch } from "@web/core/utils/patch";
import {
    isValidJalaliDate,
    jalaliDayOfYear,
    toGregorian,
    toJalali,
    toLatinDigits,
    toPersianDigits,
} from "./jalali";

const { DateTime } = luxon;
// Luxon's own formatting, kept to format the non-date tokens (time, weekday, zone).
const gregorianToFormat = DateTime.prototype.toFormat;

/**
 * The user's preferences (``res.users`` fields ``context_date_calendar`` and
 * ``context_date_digits``, received in the user context). Tests change them directly.
 */
export const jalaliSettings = {
    enabled: user.context?.date_calendar === "jalali",
    digits: user.context?.date_digits === "persian" ? "persian" : "latin",
};

/**
 * Runs ``callback`` with luxon's own Gregorian formatting and parsing, for code that reads
 * and writes Gregorian values with luxon formats of its own (e.g. the spreadsheet's
 * ``MM/yyyy`` period keys), and returns its result.
 *
 * @template T
 * @param {() => T} callback synchronous
 * @returns {T}
 */
export function withGregorianDates(callback) {
    const enabled = jalaliSettings.enabled;
    jalaliSettings.enabled = false;
    try {
        return callback();
    } finally {
        jalaliSettings.enabled = enabled;
    }
}

const MONTH_NAMES = [
    _t("Farvardin"),
    _t("Ordibehesht"),
    _t("Khordad"),
    _t("Tir"),
    _t("Mordad"),
    _t("Shahrivar"),
    _t("Mehr"),
    _t("Aban"),
    _t("Azar"),
    _t("Dey"),
    _t("Bahman"),
    _t("Esfand"),
];
const MONTH_NAMES_FA = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

const SERVER_FORMAT_RE = /^yyyy-MM-dd/;
// A month name or a year alone names a Gregorian period (search filter options, the
// calendar view's header next to its Gregorian grid): converting it would mislabel it.
const GREGORIAN_PERIOD_RE = /^(M{3,4}|L{3,4}|y{4})$/;
const DATE_TOKEN_RE = /^(y+|M+|L+|d+|o+|q+|D+|f+|F+)$/;

/**
 * @param {number} month 1-12
 * @param {string} [locale] luxon locale, e.g. "fa-IR" or "en-US"
 * @returns {string} the Jalali month name (Persian for a Persian locale)
 */
export function jalaliMonthName(month, locale = luxon.Settings.defaultLocale || "") {
    return /^fa/i.test(locale || "") ? MONTH_NAMES_FA[month - 1] : String(MONTH_NAMES[month - 1]);
}

/**
 * @param {string} text
 * @param {"latin"|"persian"} [digits]
 */
export function applyDigits(text, digits = jalaliSettings.digits) {
    return digits === "persian" ? toPersianDigits(text) : toLatinDigits(text);
}

/**
 * Splits a luxon format into literals and tokens (runs of the same letter; text between
 * single quotes is literal, as luxon does).
 *
 * @param {string} format
 * @returns {{ literal: boolean, value: string }[]}
 */
export function splitFormat(format) {
    const parts = [];
    let index = 0;
    while (index < format.length) {
        const char = format[index];
        if (char === "'") {
            const end = format.indexOf("'", index + 1);
            const stop = end === -1 ? format.length : end;
            parts.push({ literal: true, value: format.slice(index + 1, stop) });
            index = stop + 1;
        } else if (/[a-z]/i.test(char)) {
            let end = index;
            while (format[end] === char) {
                end++;
            }
            parts.push({ literal: false, value: format.slice(index, end) });
            index = end;
        } else {
            parts.push({ literal: true, value: char });
            index++;
        }
    }
    return parts;
}

const pad = (value, length) => String(value).padStart(length, "0");

// Localized macro tokens of luxon, rewritten in Jalali terms.
const MACROS = {
    D: "yyyy/MM/dd",
    DD: "d MMM yyyy",
    DDD: "d MMMM yyyy",
    DDDD: "EEEE d MMMM yyyy",
    f: "yyyy/MM/dd t",
    ff: "d MMM yyyy t",
    fff: "d MMMM yyyy t",
    ffff: "EEEE d MMMM yyyy t",
    F: "yyyy/MM/dd tt",
    FF: "d MMM yyyy tt",
    FFF: "d MMMM yyyy tt",
    FFFF: "EEEE d MMMM yyyy tt",
};

/**
 * Formats a luxon DateTime in the Jalali calendar. Year, month, day, quarter and day of
 * year tokens are Jalali; every other token (time, weekday, zone) is luxon's own.
 *
 * @param {DateTime} dt
 * @param {string} format luxon format
 * @param {object} [options] luxon toFormat options, for the tokens luxon formats
 * @returns {string}
 */
export function formatJalali(dt, format, options = {}) {
    const baseFormat = (d, f, o) => gregorianToFormat.call(d, f, o);
    const { year, month, day } = toJalali(dt.year, dt.month, dt.day);
    const output = [];
    for (const { literal, value } of splitFormat(format)) {
        if (literal) {
            output.push(value);
            continue;
        }
        const token = value;
        const kind = token[0];
        if (!DATE_TOKEN_RE.test(token)) {
            output.push(baseFormat(dt, token, options));
        } else if (MACROS[token]) {
            output.push(formatJalali(dt, MACROS[token], options));
        } else if (kind === "y") {
            output.push(token.length === 2 ? pad(year % 100, 2) : pad(year, token.length));
        } else if (kind === "M" || kind === "L") {
            if (token.length <= 2) {
                output.push(pad(month, token.length));
            } else if (token.length === 5) {
                output.push(jalaliMonthName(month, dt.locale)[0]);
            } else {
                output.push(jalaliMonthName(month, dt.locale));
            }
        } else if (kind === "d") {
            output.push(pad(day, token.length));
        } else if (kind === "o") {
            output.push(pad(jalaliDayOfYear(month, day), token.length));
        } else if (kind === "q") {
            output.push(pad(Math.floor((month - 1) / 3) + 1, token.length));
        } else {
            output.push(baseFormat(dt, token, options));
        }
    }
    return applyDigits(output.join(""));
}

/**
 * Builds the luxon format matching an Intl-style format object (``DateTime.DATE_MED``...).
 *
 * @param {object} intlFormat
 * @returns {string | null} null when the object shows no date part
 */
export function intlToJalaliFormat(intlFormat = DateTime.DATE_SHORT) {
    const { year, month, day, weekday, hour, minute, second } = intlFormat;
    if (!year && !month && !day) {
        return null;
    }
    let date;
    if (month === "long" || month === "short") {
        date = [day && "d", "MMMM", year && "yyyy"].filter(Boolean).join(" ");
    } else {
        date = [year && "yyyy", month && "MM", day && "dd"].filter(Boolean).join("/");
    }
    if (weekday) {
        date = `${weekday === "long" ? "EEEE" : "EEE"} ${date}`;
    }
    if (hour) {
        date += ` HH${minute ? ":mm" : ""}${second ? ":ss" : ""}`;
    }
    return date;
}

/**
 * Parses typed text against a luxon date format, reading year, month and day as Jalali.
 * Digits may be Persian or Arabic; separators may be any non-digit; a single run of digits
 * is read as ``yyyyMMdd`` (plus ``HHmm[ss]``). A year of 1700 or more is taken as
 * Gregorian, so that pasted Gregorian dates still work.
 *
 * @param {string} text
 * @param {string} format luxon format (its y/M/d/H/h/m/s/a tokens give the order)
 * @returns {null | "gregorian" | "invalid" | {year, month, day, hour, minute, second}}
 *  null when the text does not look like a numeric date, "gregorian" when it is a Gregorian
 *  date, "invalid" when the Jalali day does not exist, otherwise Gregorian values
 */
export function parseJalaliParts(text, format) {
    const latin = toLatinDigits(String(text || "")).trim();
    const order = splitFormat(format)
        .filter((part) => !part.literal && /^(y+|M{1,2}|L{1,2}|d{1,2}|H+|h+|m+|s+)$/.test(part.value))
        .map((part) => part.value[0].replace("L", "M").replace("h", "H"));
    if (!order.includes("y") || !order.includes("M") || !order.includes("d")) {
        return null;
    }
    let groups = latin.match(/\d+/g);
    if (!groups) {
        return null;
    }
    if (groups.length === 1 && [8, 12, 14].includes(groups[0].length)) {
        groups = groups[0].match(/^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?$/).slice(1);
        order.splice(0, order.length, "y", "M", "d", "H", "m", "s");
    }
    groups = groups.filter((group) => group !== undefined);
    if (groups.length < 3 || groups.length > order.length || /[a-z]{3,}/i.test(latin)) {
        return null;
    }
    const values = { y: 0, M: 0, d: 0, H: 0, m: 0, s: 0 };
    groups.forEach((group, index) => (values[order[index]] = Number(group)));
    if (values.y >= 1700) {
        return "gregorian";
    }
    if (/(pm|ب\.?\s?ظ)/i.test(latin) && values.H < 12) {
        values.H += 12;
    }
    if (!isValidJalaliDate(values.y, values.M, values.d) || values.y < 1) {
        return "invalid";
    }
    if (values.H > 23 || values.m > 59 || values.s > 59) {
        return "invalid";
    }
    const gregorian = toGregorian(values.y, values.M, values.d);
    return { ...gregorian, hour: values.H, minute: values.m, second: values.s };
}

function isServerFormat(format) {
    return typeof format === "string" && SERVER_FORMAT_RE.test(format);
}

/**
 * Whether ``format`` is one the user reads dates in: the web client's display formats all
 * start with the user's date format (``formatDate``, ``formatDateTime``).
 */
function isDisplayFormat(format) {
    return Boolean(localization.dateFormat) && format.startsWith(localization.dateFormat);
}

/**
 * Whether a ``toFormat`` call writes a value for the server rather than for the user.
 * Odoo serializes dates with a ``yyyy-MM-dd`` format and Latin digits (``serializeDate``,
 * ``serializeDateTime``); a ``yyyy-MM-dd`` format without them is a server format only when
 * it is not the user's own date format (en_CA, sv_SE or a customised language write dates
 * that way too).
 */
function isServerOutput(format, options) {
    return (
        isServerFormat(format) && (options?.numberingSystem === "latn" || !isDisplayFormat(format))
    );
}

/**
 * What typed text becomes when ``parseDateTime`` falls back on ISO and SQL formats: for a
 * Jalali user, a year before 1700 is a Jalali year (``1404-08-25``), so the day is that
 * Jalali day, or invalid when it does not exist (``1404-12-30``), never the year 1404 AD.
 *
 * @param {DateTime} result what luxon read
 * @param {string} text
 * @returns {DateTime}
 */
function readTypedIsoAsJalali(result, text) {
    if (!result.isValid || result.year >= 1700) {
        return result;
    }
    if (!isValidJalaliDate(result.year, result.month, result.day)) {
        return DateTime.invalid("not a Jalali date", `"${text}" is not a Jalali date`);
    }
    return result.set(toGregorian(result.year, result.month, result.day));
}

patch(DateTime.prototype, {
    toFormat(format, options) {
        if (
            !jalaliSettings.enabled ||
            !this.isValid ||
            isServerOutput(format, options) ||
            GREGORIAN_PERIOD_RE.test(format)
        ) {
            return super.toFormat(...arguments);
        }
        return formatJalali(this, format, options);
    },
    toLocaleString(intlFormat, options) {
        const format = jalaliSettings.enabled && this.isValid && intlToJalaliFormat(intlFormat);
        if (!format) {
            return super.toLocaleString(...arguments);
        }
        const localized = options?.locale ? this.setLocale(options.locale) : this;
        return localized.toFormat(format);
    },
});

patch(DateTime, {
    fromFormat(text, format, options = {}) {
        if (
            !jalaliSettings.enabled ||
            typeof text !== "string" ||
            (isServerFormat(format) && !isDisplayFormat(format))
        ) {
            return super.fromFormat(...arguments);
        }
        const parts = parseJalaliParts(text, format);
        if (parts === null) {
            return super.fromFormat(...arguments);
        }
        if (parts === "gregorian") {
            return super.fromFormat(toLatinDigits(text), format, {
                ...options,
                numberingSystem: "latn",
            });
        }
        if (parts === "invalid") {
            return DateTime.invalid("not a Jalali date", `"${text}" is not a Jalali date`);
        }
        const { zone, locale, numberingSystem, outputCalendar } = options;
        return DateTime.fromObject(parts, { zone, locale, numberingSystem, outputCalendar });
    },
    // ``parseDateTime`` tries ISO and SQL last, with ``setZone`` (reading server values
    // does not): typed text that only these read is still a Jalali date.
    fromISO(text, options) {
        const result = super.fromISO(...arguments);
        if (!jalaliSettings.enabled || !options?.setZone) {
            return result;
        }
        return readTypedIsoAsJalali(result, text);
    },
    fromSQL(text, options) {
        const result = super.fromSQL(...arguments);
        if (!jalaliSettings.enabled || !options?.setZone) {
            return result;
        }
        return readTypedIsoAsJalali(result, text);
    },
});
