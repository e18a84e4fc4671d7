/**
 * Jalali month, year, decade and century grids for Odoo's DateTimePicker, used by every
 * date and datetime field and by the date filters of the search panel. The picker keeps
 * working on Gregorian luxon DateTime values: only the grids, titles and navigation follow
 * the Jalali calendar, weeks start on Saturday.
 */
import { _t } from "@web/core/l10n/translation";
import { isInRange, today } from "@web/core/l10n/dates";
import { DateTimePicker } from "@web/core/datetime/datetime_picker";
import { patch } from "@web/core/utils/patch";
import {
    addJalaliMonths,
    jalaliDayOfYear,
    jalaliMonthLength,
    toGregorian,
    toJalali,
} from "../core/jalali";
import { applyDigits, jalaliMonthName, jalaliSettings } from "../core/jalali_luxon";

const { Info } = luxon;

const SATURDAY = 6;
const DAYS_PER_WEEK = 7;
const GRID_COUNT = 10;

/** @param {luxon.DateTime} dt */
export function jalaliOf(dt) {
    return toJalali(dt.year, dt.month, dt.day);
}

/**
 * @param {number} jy
 * @param {number} jm
 * @param {number} jd
 * @param {luxon.DateTime} like zone and locale to keep
 */
export function fromJalali(jy, jm, jd, like) {
    const { year, month, day } = toGregorian(jy, jm, jd);
    return like.set({ year, month, day }).startOf("day");
}

/** @param {luxon.DateTime} dt */
export function startOfJalaliMonth(dt) {
    const { year, month } = jalaliOf(dt);
    return fromJalali(year, month, 1, dt);
}

/** @param {luxon.DateTime} dt */
export function endOfJalaliMonth(dt) {
    const { year, month } = jalaliOf(dt);
    return fromJalali(year, month, jalaliMonthLength(year, month), dt).endOf("day");
}

/**
 * @param {luxon.DateTime} dt
 * @param {number} count Jalali months to add (may be negative)
 * @returns {luxon.DateTime} the first day of the resulting Jalali month
 */
export function addJalaliMonthsTo(dt, count) {
    const current = jalaliOf(dt);
    const { year, month } = addJalaliMonths(current.year, current.month, count);
    return fromJalali(year, month, 1, dt);
}

function yearRange(jy, like) {
    return [fromJalali(jy, 1, 1, like), fromJalali(jy, 12, jalaliMonthLength(jy, 12), like).endOf("day")];
}

/** Days between the Saturday that starts the week of ``dt`` and ``dt``. */
function daysSinceSaturday(dt) {
    return (dt.weekday - SATURDAY + DAYS_PER_WEEK) % DAYS_PER_WEEK;
}

/** Week of the Jalali year of a Saturday-to-Friday week, 1 being the week of 1 Farvardin. */
function jalaliWeekNumber(lastDayOfWeek) {
    const { year, month, day } = jalaliOf(lastDayOfWeek);
    const firstDay = fromJalali(year, 1, 1, lastDayOfWeek);
    return Math.floor((jalaliDayOfYear(month, day) - 1 + daysSinceSaturday(firstDay)) / 7) + 1;
}

function toItem({ range, label, isOutOfRange = false, isValid = true, extraClass = "" }) {
    return {
        id: range[0].toISODate(),
        includesToday: isInRange(today(), range),
        isOutOfRange,
        isValid,
        label: applyDigits(String(label)),
        range,
        extraClass,
    };
}

/** Months shown by the Jalali "days" level: their weeks and day cells. */
function getDayItems(date, { additionalMonth, maxDate, minDate, showWeekNumbers, isDateValid, dayCellClass }) {
    const monthStarts = [startOfJalaliMonth(date)];
    if (additionalMonth) {
        monthStarts.push(addJalaliMonthsTo(monthStarts[0], 1));
    }
    const weekCount = Math.max(
        ...monthStarts.map((start) => {
            const { year, month } = jalaliOf(start);
            return Math.ceil((daysSinceSaturday(start) + jalaliMonthLength(year, month)) / 7);
        })
    );
    return monthStarts.map((monthStart, index) => {
        const monthRange = [monthStart, endOfJalaliMonth(monthStart)];
        const gridStart = monthStart.minus({ day: daysSinceSaturday(monthStart) });
        const weeks = [];
        for (let w = 0; w < weekCount; w++) {
            const days = [];
            for (let d = 0; d < DAYS_PER_WEEK; d++) {
                const day = gridStart.plus({ day: w * DAYS_PER_WEEK + d });
                const range = [day, day.endOf("day")];
                days.push(
                    toItem({
                        range,
                        label: jalaliOf(day).day,
                        isOutOfRange: !isInRange(day, monthRange),
                        isValid: isInRange(range, [minDate, maxDate]) && (isDateValid?.(day) ?? true),
                        extraClass: dayCellClass?.(day) || "",
                    })
                );
            }
            weeks.push({ number: jalaliWeekNumber(days[DAYS_PER_WEEK - 1].range[0]), days });
        }
        const daysOfWeek = weeks[0].days.map(({ range: [day] }) => [
            day.weekdayShort,
            day.weekdayLong,
            Info.weekdays("narrow", { locale: day.locale })[day.weekday - 1],
        ]);
        if (showWeekNumbers) {
            daysOfWeek.unshift(["#", _t("Week numbers"), "#"]);
        }
        return { id: `__month__${index}`, number: jalaliOf(monthStart).month, daysOfWeek, weeks };
    });
}

/** Jalali precision levels, same shape as the picker's own; ``months`` is the step. */
export const JALALI_PRECISION_LEVELS = new Map()
    .set("days", {
        mainTitle: _t("Select month"),
        nextTitle: _t("Next month"),
        prevTitle: _t("Previous month"),
        months: 1,
        getTitle: (date, { additionalMonth }) => {
            const starts = [startOfJalaliMonth(date)];
            if (additionalMonth) {
                starts.push(addJalaliMonthsTo(starts[0], 1));
            }
            return starts.map((start) => {
                const { year, month } = jalaliOf(start);
                return applyDigits(`${jalaliMonthName(month, start.locale)} ${year}`);
            });
        },
        getItems: getDayItems,
    })
    .set("months", {
        mainTitle: _t("Select year"),
        nextTitle: _t("Next year"),
        prevTitle: _t("Previous year"),
        months: 12,
        getTitle: (date) => applyDigits(String(jalaliOf(date).year)),
        getItems: (date, { maxDate, minDate }) => {
            const { year } = jalaliOf(date);
            return [...Array(12).keys()].map((index) => {
                const start = fromJalali(year, index + 1, 1, date);
                const range = [start, endOfJalaliMonth(start)];
                return toItem({
                    range,
                    label: jalaliMonthName(index + 1, date.locale),
                    isValid: isInRange(range, [minDate, maxDate]),
                });
            });
        },
    })
    .set("years", {
        mainTitle: _t("Select decade"),
        nextTitle: _t("Next decade"),
        prevTitle: _t("Previous decade"),
        months: 12 * 10,
        getTitle: (date) => {
            const decade = Math.floor(jalaliOf(date).year / 10) * 10;
            return applyDigits(`${decade - 1} - ${decade + GRID_COUNT}`);
        },
        getItems: (date, { maxDate, minDate }) => {
            const decade = Math.floor(jalaliOf(date).year / 10) * 10;
            return [...Array(GRID_COUNT + 2).keys()].map((index) => {
                const year = decade + index - 1;
                const range = yearRange(year, date);
                return toItem({
                    range,
                    label: year,
                    isOutOfRange: index === 0 || index === GRID_COUNT + 1,
                    isValid: isInRange(range, [minDate, maxDate]),
                });
            });
        },
    })
    .set("decades", {
        mainTitle: _t("Select century"),
        nextTitle: _t("Next century"),
        prevTitle: _t("Previous century"),
        months: 12 * 100,
        getTitle: (date) => {
            const century = Math.floor(jalaliOf(date).year / 100) * 100;
            return applyDigits(`${century - 10} - ${century + 100}`);
        },
        getItems: (date, { maxDate, minDate }) => {
            const century = Math.floor(jalaliOf(date).year / 100) * 100;
            return [...Array(GRID_COUNT + 2).keys()].map((index) => {
                const decade = century + (index - 1) * 10;
                const range = [yearRange(decade, date)[0], yearRange(decade + 9, date)[1]];
                return toItem({
                    range,
                    label: decade,
                    isOutOfRange: index === 0 || index === GRID_COUNT + 1,
                    isValid: isInRange(range, [minDate, maxDate]),
                });
            });
        },
    });

patch(DateTimePicker.prototype, {
    get activePrecisionLevel() {
        if (!jalaliSettings.enabled) {
            return super.activePrecisionLevel;
        }
        return JALALI_PRECISION_LEVELS.get(this.state.precision);
    },

    adjustFocus(values, focusedDateIndex) {
        if (!jalaliSettings.enabled) {
            return super.adjustFocus(...arguments);
        }
        if (!this.shouldAdjustFocusDate && this.state.focusDate) {
            return;
        }
        let focus = values[focusedDateIndex] || values[focusedDateIndex === 1 ? 0 : 1] || today();
        if (this.additionalMonth && focusedDateIndex === 1 && values[0] && values[1]) {
            // With two months shown, the end date sits in the second one.
            if (jalaliOf(values[0]).month !== jalaliOf(values[1]).month) {
                focus = addJalaliMonthsTo(focus, -1);
            }
        }
        this.shouldAdjustFocusDate = false;
        this.state.focusDate = this.clamp(startOfJalaliMonth(focus));
    },

    next(ev) {
        if (!jalaliSettings.enabled) {
            return super.next(...arguments);
        }
        ev.preventDefault();
        const { months } = this.activePrecisionLevel;
        this.state.focusDate = this.clamp(addJalaliMonthsTo(this.state.focusDate, months));
    },

    previous(ev) {
        if (!jalaliSettings.enabled) {
            return super.previous(...arguments);
        }
        ev.preventDefault();
        const { months } = this.activePrecisionLevel;
        this.state.focusDate = this.clamp(addJalaliMonthsTo(this.state.focusDate, -months));
    },
});
