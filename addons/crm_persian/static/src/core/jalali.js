/**
 * Jalali (Solar Hijri, Shamsi) calendar arithmetic, with no dependency.
 *
 * Leap years follow the 33-year cycle (years whose remainder modulo 33 is 1, 5, 9, 13, 17,
 * 22, 26 or 30 are leap), the rule used on the server by ``jdatetime`` so that a date shown
 * in the browser and a Jalali period computed by the server always agree. Days are counted
 * from 1 Farvardin of year 1 and anchored on 1 Farvardin 1404 = 21 March 2025.
 */

const LEAP_REMAINDERS = new Set([1, 5, 9, 13, 17, 22, 26, 30]);
const DAYS_PER_CYCLE = 33 * 365 + LEAP_REMAINDERS.size;
const MS_PER_DAY = 86400000;
// Days between 1970-01-01 and 1 Farvardin of Jalali year 1 (computed from the anchor).
const ANCHOR_EPOCH_DAY = Date.UTC(2025, 2, 21) / MS_PER_DAY;

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";

function mod(a, b) {
    return ((a % b) + b) % b;
}

/**
 * @param {number} jy Jalali year
 * @returns {boolean} whether the year has 366 days (30 Esfand exists), e.g. 1403
 */
export function isJalaliLeapYear(jy) {
    return LEAP_REMAINDERS.has(mod(jy, 33));
}

/**
 * @param {number} jy
 * @param {number} jm 1-12
 * @returns {number} 31 (Farvardin-Shahrivar), 30 (Mehr-Bahman), 29 or 30 (Esfand)
 */
export function jalaliMonthLength(jy, jm) {
    if (jm <= 6) {
        return 31;
    }
    if (jm <= 11) {
        return 30;
    }
    return isJalaliLeapYear(jy) ? 30 : 29;
}

/** Leap years among Jalali years 1..n (n may be zero or negative). */
function leapYearsUpTo(n) {
    const cycles = Math.floor(n / 33);
    const rest = mod(n, 33);
    let count = cycles * LEAP_REMAINDERS.size;
    for (const remainder of LEAP_REMAINDERS) {
        if (remainder <= rest) {
            count++;
        }
    }
    return count;
}

/** Days from 1 Farvardin of year 1 to 1 Farvardin of year jy. */
function daysBeforeYear(jy) {
    return 365 * (jy - 1) + leapYearsUpTo(jy - 1);
}

function daysBeforeMonth(jm) {
    return jm <= 7 ? (jm - 1) * 31 : 186 + (jm - 7) * 30;
}

const EPOCH_DAY = ANCHOR_EPOCH_DAY - daysBeforeYear(1404);

/**
 * @param {number} jy
 * @param {number} jm
 * @param {number} jd
 * @returns {boolean} whether the Jalali day exists
 */
export function isValidJalaliDate(jy, jm, jd) {
    return (
        Number.isInteger(jy) &&
        Number.isInteger(jm) &&
        Number.isInteger(jd) &&
        jm >= 1 &&
        jm <= 12 &&
        jd >= 1 &&
        jd <= jalaliMonthLength(jy, jm)
    );
}

/**
 * Converts a Gregorian day to the Jalali calendar.
 *
 * @param {number} gy
 * @param {number} gm 1-12
 * @param {number} gd
 * @returns {{ year: number, month: number, day: number }}
 */
export function toJalali(gy, gm, gd) {
    const days = Date.UTC(gy, gm - 1, gd) / MS_PER_DAY - EPOCH_DAY;
    // Estimate from the mean year length, then correct by at most one year.
    let year = Math.floor((days * 33) / DAYS_PER_CYCLE) + 1;
    while (daysBeforeYear(year + 1) <= days) {
        year++;
    }
    while (daysBeforeYear(year) > days) {
        year--;
    }
    const dayOfYear = days - daysBeforeYear(year);
    if (dayOfYear < 186) {
        return { year, month: Math.floor(dayOfYear / 31) + 1, day: (dayOfYear % 31) + 1 };
    }
    const rest = dayOfYear - 186;
    return { year, month: Math.floor(rest / 30) + 7, day: (rest % 30) + 1 };
}

/**
 * Converts a Jalali day to the Gregorian calendar. Out-of-range days and months overflow
 * into the next ones (use {@link isValidJalaliDate} to validate typed input first).
 *
 * @param {number} jy
 * @param {number} jm 1-12
 * @param {number} jd
 * @returns {{ year: number, month: number, day: number }}
 */
export function toGregorian(jy, jm, jd) {
    const days = EPOCH_DAY + daysBeforeYear(jy) + daysBeforeMonth(jm) + jd - 1;
    const date = new Date(days * MS_PER_DAY);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * Day of the Jalali year (1 = 1 Farvardin).
 *
 * @param {number} jm
 * @param {number} jd
 */
export function jalaliDayOfYear(jm, jd) {
    return daysBeforeMonth(jm) + jd;
}

/**
 * @param {number} jy
 * @param {number} jm
 * @param {number} count months to add (may be negative)
 * @returns {{ year: number, month: number }}
 */
export function addJalaliMonths(jy, jm, count) {
    const index = jy * 12 + (jm - 1) + count;
    return { year: Math.floor(index / 12), month: mod(index, 12) + 1 };
}

/**
 * @param {string} text
 * @returns {string} text with Persian and Arabic-Indic digits replaced by ASCII digits
 */
export function toLatinDigits(text) {
    return String(text).replace(/[۰-۹٠-٩]/g, (digit) => {
        const persian = PERSIAN_DIGITS.indexOf(digit);
        return String(persian >= 0 ? persian : ARABIC_DIGITS.indexOf(digit));
    });
}

/**
 * @param {string} text
 * @returns {string} text with ASCII digits replaced by Persian digits
 */
export function toPersianDigits(text) {
    return String(text).replace(/[0-9]/g, (digit) => PERSIAN_DIGITS[Number(digit)]);
}
