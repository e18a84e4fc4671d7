/** @odoo-module **/
// Copyright 2026 CRM Suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { Component, onWillStart, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { formatFloat } from "@web/views/fields/formatters";
import { useService } from "@web/core/utils/hooks";

const PAGE_SIZE = 20;

/**
 * The merged timeline of a customer, newest first, paginated with "load more".
 */
export class CustomerTimeline extends Component {
    static template = "crm_glossary_core.CustomerTimeline";
    static props = { partnerId: Number, money: Function };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ events: [], hasMore: false, loading: false });
        // where the next page starts: returned by the server with each page
        this.cursor = null;
        onWillStart(() => this.loadMore());
    }

    async loadMore() {
        this.state.loading = true;
        const result = await this.orm.call(
            "res.partner",
            "get_crm_360_timeline",
            [[this.props.partnerId]],
            { cursor: this.cursor, limit: PAGE_SIZE }
        );
        this.cursor = result.cursor;
        this.state.events.push(...result.events);
        this.state.hasMore = result.has_more;
        this.state.loading = false;
    }

    openEvent(event) {
        if (event.res_model && event.res_id) {
            this.action.doAction({
                type: "ir.actions.act_window",
                res_model: event.res_model,
                res_id: event.res_id,
                views: [[false, "form"]],
            });
        }
    }
}

export class Customer360 extends Component {
    static template = "crm_glossary_core.Customer360";
    static components = { CustomerTimeline };
    static props = { "*": true };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        const params = this.props.action.params || {};
        this.partnerId = params.partner_id || (this.props.action.context || {}).active_id;
        this.state = useState({ data: null });
        onWillStart(async () => {
            if (this.partnerId) {
                this.state.data = await this.orm.call("res.partner", "get_crm_360_data", [
                    [this.partnerId],
                ]);
            }
        });
        this.money = this.money.bind(this);
    }

    money(value) {
        const currency = this.state.data.currency;
        const amount = formatFloat(value || 0, { digits: [false, currency.digits] });
        return currency.position === "after"
            ? `${amount} ${currency.symbol}`
            : `${currency.symbol} ${amount}`;
    }

    number(value, digits = 0) {
        return formatFloat(value || 0, { digits: [false, digits] });
    }

    async open(block) {
        const action = await this.orm.call("res.partner", "action_crm_360_open", [
            [this.partnerId],
            block,
        ]);
        this.action.doAction(action);
    }

    openPartner() {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "res.partner",
            res_id: this.partnerId,
            views: [[false, "form"]],
        });
    }

    get churnClass() {
        return (
            { high: "text-bg-danger", medium: "text-bg-warning", low: "text-bg-success" }[
                this.state.data.partner.churn_risk
            ] || "text-bg-light"
        );
    }

    get noValueText() {
        return _t("No posted invoice yet in this company.");
    }
}

registry.category("actions").add("crm_glossary_core.customer_360", Customer360);
