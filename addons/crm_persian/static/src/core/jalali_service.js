/**
 * For a user whose calendar is Jalali, dates are written year first (1404/08/25) and weeks
 * start on Saturday, whatever the language's own date format and week start are, so that
 * what is shown, what is typed and the calendar views agree.
 */
import { localization } from "@web/core/l10n/localization";
import { registry } from "@web/core/registry";
import { jalaliSettings } from "./jalali_luxon";

export const JALALI_DATE_FORMAT = "yyyy/MM/dd";

export const jalaliLocalizationService = {
    dependencies: ["localization"],
    start() {
        if (!jalaliSettings.enabled) {
            return;
        }
        if (!localization.dateFormat.startsWith("y")) {
            localization.dateFormat = JALALI_DATE_FORMAT;
            localization.dateTimeFormat = `${JALALI_DATE_FORMAT} ${localization.timeFormat}`;
        }
        localization.weekStart = 6;
    },
};

registry.category("services").add("crm_persian_jalali_localization", jalaliLocalizationService);
