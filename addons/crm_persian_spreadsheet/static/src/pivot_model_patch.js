/**
 * Spreadsheet pivots (and the dashboards built on them) name and look up their date groups
 * by Gregorian periods computed from each group's range (``MM/yyyy`` for a month, ``Q/yyyy``
 * for a quarter), whatever the reader's calendar. crm_persian groups dates by Jalali periods
 * for Jalali readers, which would put the figures of Aban 1404 under October 2025: the
 * pivots of spreadsheets ask the server for Gregorian groups.
 */
import { patch } from "@web/core/utils/patch";
import { OdooPivotModel } from "@spreadsheet/pivot/pivot_model";

patch(OdooPivotModel.prototype, {
    _getSubGroups(groupBys, params) {
        const kwargs = params.kwargs || {};
        params.kwargs = { ...kwargs, context: { ...kwargs.context, date_calendar: "gregorian" } };
        return super._getSubGroups(groupBys, params);
    },
});
