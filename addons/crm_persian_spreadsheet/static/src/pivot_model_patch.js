/**
 * Spreadsheet pivots (and the dashboards built on them) name and look up their date groups
 * by Gregorian periods computed from each group's range (``MM/yyyy`` for a month, ``Q/yyyy``
 * for a quarter), whatever the reader's calendar. crm_persian groups dates by Jalali periods
 * for Jalali readers, which would put the figures of Aban 1404 under October 2025: the
 * pivots of spreadsheets ask the server for Gregorian groups.
 *
 * The spreadsheet also writes and reads those period keys with luxon (``toFormat("MM/yyyy")``
 * in its time adapters, ``yyyy-MM-dd`` values in list data sources), which crm_persian makes
 * Jalali for Jalali readers: those calls run with luxon's Gregorian formatting, so that
 * headers read "November 2025" and ``ODOO.PIVOT`` formulas using "11/2025" keep matching.
 */
import { registries } from "@odoo/o-spreadsheet";
import { withGregorianDates } from "@crm_persian/core/jalali_luxon";
import { patch } from "@web/core/utils/patch";
import { ListDataSource } from "@spreadsheet/list/list_data_source";
import { OdooPivotModel } from "@spreadsheet/pivot/pivot_model";
import "@spreadsheet/pivot/pivot_time_adapters";

const { pivotTimeAdapterRegistry } = registries;

patch(OdooPivotModel.prototype, {
    _getSubGroups(groupBys, params) {
        const kwargs = params.kwargs || {};
        params.kwargs = { ...kwargs, context: { ...kwargs.context, date_calendar: "gregorian" } };
        return super._getSubGroups(groupBys, params);
    },
});

patch(ListDataSource.prototype, {
    _formatDate() {
        return withGregorianDates(() => super._formatDate(...arguments));
    },
    _formatDateTime() {
        return withGregorianDates(() => super._formatDateTime(...arguments));
    },
});

/**
 * @param {object} adapter a pivot time adapter (functions only)
 * @returns {object} the same adapter, each function run with Gregorian luxon dates
 */
export function gregorianTimeAdapter(adapter) {
    const gregorian = {};
    for (const [name, value] of Object.entries(adapter)) {
        gregorian[name] =
            typeof value === "function"
                ? (...args) => withGregorianDates(() => value.apply(adapter, args))
                : value;
    }
    return gregorian;
}

for (const granularity of pivotTimeAdapterRegistry.getKeys()) {
    pivotTimeAdapterRegistry.add(
        granularity,
        gregorianTimeAdapter(pivotTimeAdapterRegistry.get(granularity))
    );
}
