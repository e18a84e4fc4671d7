/**
 * Jalali titles for the calendar view. Its grid stays the Gregorian one of FullCalendar, so
 * each title names the Jalali days, months and years that the shown range covers (a
 * Gregorian month is labelled "Aban - Azar 1404"), and week and day columns and the cells
 * of the month grid show the Jalali day of the month.
 */
import { CalendarController } from "@web/views/calendar/calendar_controller";
import { CalendarCommonRenderer } from "@web/views/calendar/calendar_common/calendar_common_renderer";
import { patch } from "@web/core/utils/patch";
import { applyDigits, jalaliMonthName, jalaliSettings } from "../core/jalali_luxon";
import { jalaliOf } from "../datetime/datetime_picker_patch";

/**
 * @param {luxon.DateTime} start
 * @param {luxon.DateTime} end
 * @returns {string} the Jalali months (and years) from ``start`` to ``end``
 */
export function jalaliSpanLabel(start, end) {
    const first = jalaliOf(start);
    const last = jalaliOf(end);
    const name = (month) => jalaliMonthName(month, start.locale);
    let label;
    if (first.year !== last.year) {
        label = `${name(first.month)} ${first.year} - ${name(last.month)} ${last.year}`;
    } else if (first.month !== last.month) {
        label = `${name(first.month)} - ${name(last.month)} ${first.year}`;
    } else {
        label = `${name(first.month)} ${first.year}`;
    }
    return applyDigits(label);
}

patch(CalendarController.prototype, {
    get today() {
        if (!jalaliSettings.enabled) {
            return super.today;
        }
        return applyDigits(String(jalaliOf(luxon.DateTime.now()).day));
    },
    get currentYear() {
        if (!jalaliSettings.enabled) {
            return super.currentYear;
        }
        const first = jalaliOf(this.date.startOf("year")).year;
        const last = jalaliOf(this.date.endOf("year")).year;
        return applyDigits(`${first} - ${last}`);
    },
    get currentMonth() {
        if (!jalaliSettings.enabled) {
            return super.currentMonth;
        }
        return jalaliSpanLabel(this.date.startOf("month"), this.date.endOf("month"));
    },
    get weekHeader() {
        if (!jalaliSettings.enabled) {
            return super.weekHeader;
        }
        return jalaliSpanLabel(this.model.rangeStart, this.model.rangeEnd);
    },
    get dayHeader() {
        if (!jalaliSettings.enabled) {
            return super.dayHeader;
        }
        const { year, month, day } = jalaliOf(this.date);
        return applyDigits(`${day} ${jalaliMonthName(month, this.date.locale)} ${year}`);
    },
    get currentDate() {
        const text = super.currentDate;
        if (!jalaliSettings.enabled || !text) {
            return text;
        }
        const unit = this.model.meta.scale === "week" ? "week" : "month";
        return ` - ${jalaliSpanLabel(this.date.startOf(unit), this.date.endOf(unit))}`;
    },
});

/**
 * Text of a day cell of the month grid: the Jalali day, with the month name on the first
 * day of a Jalali month so that month boundaries show inside the Gregorian grid.
 *
 * @param {Date} date day of the cell, as FullCalendar gives it
 * @param {string} scale calendar scale ("month" cells carry dates without time zone)
 */
export function jalaliDayCellText(date, scale) {
    const options = scale === "month" ? { zone: "UTC" } : {};
    const dt = luxon.DateTime.fromJSDate(date, options);
    const { month, day } = jalaliOf(dt);
    return applyDigits(day === 1 ? `${day} ${jalaliMonthName(month, dt.locale)}` : String(day));
}

patch(CalendarCommonRenderer.prototype, {
    get options() {
        const options = super.options;
        if (!jalaliSettings.enabled) {
            return options;
        }
        return {
            ...options,
            dayCellContent: ({ date }) => jalaliDayCellText(date, this.props.model.scale),
        };
    },

    headerTemplateProps(date) {
        const props = super.headerTemplateProps(...arguments);
        if (!jalaliSettings.enabled) {
            return props;
        }
        const options = this.props.model.scale === "month" ? { zone: "UTC" } : {};
        const { day } = jalaliOf(luxon.DateTime.fromJSDate(date, options));
        return { ...props, day: applyDigits(String(day)) };
    },
});
