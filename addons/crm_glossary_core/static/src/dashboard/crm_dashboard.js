/** @odoo-module **/
// Copyright 2026 CRM Suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { Component, onMounted, onWillStart, onWillUnmount, useRef, useState } from "@odoo/owl";
import { loadBundle } from "@web/core/assets";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { formatFloat } from "@web/views/fields/formatters";
import { useService } from "@web/core/utils/hooks";

/**
 * A bar or line chart drawn with Chart.js, the library of Odoo's own graph view.
 */
export class CrmDashboardChart extends Component {
    static template = "crm_glossary_core.DashboardChart";
    static props = {
        type: { type: String, optional: true },
        labels: Array,
        datasets: Array,
        horizontal: { type: Boolean, optional: true },
    };

    setup() {
        this.canvasRef = useRef("canvas");
        this.chart = null;
        onMounted(() => this.renderChart());
        onWillUnmount(() => this.chart && this.chart.destroy());
    }

    renderChart() {
        const colors = ["#875A7B", "#00A09D", "#E9A13B", "#5B8DEF", "#D9534F"];
        this.chart = new Chart(this.canvasRef.el, {
            type: this.props.type || "bar",
            data: {
                labels: this.props.labels,
                datasets: this.props.datasets.map((ds, index) => ({
                    backgroundColor: colors[index % colors.length],
                    borderColor: colors[index % colors.length],
                    ...ds,
                })),
            },
            options: {
                indexAxis: this.props.horizontal ? "y" : "x",
                maintainAspectRatio: false,
                plugins: { legend: { display: this.props.datasets.length > 1 } },
            },
        });
    }
}

export class CrmDashboard extends Component {
    static template = "crm_glossary_core.Dashboard";
    static components = { CrmDashboardChart };
    static props = { "*": true };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ data: null, dateFrom: "", dateTo: "", teamId: "" });
        onWillStart(async () => {
            await loadBundle("web.chartjs_lib");
            await this.load();
        });
    }

    async load() {
        const data = await this.orm.call("crm.dashboard", "get_dashboard_data", [], {
            date_from: this.state.dateFrom || null,
            date_to: this.state.dateTo || null,
            team_ids: this.state.teamId ? [parseInt(this.state.teamId)] : null,
        });
        this.state.dateFrom = data.period.date_from;
        this.state.dateTo = data.period.date_to;
        this.state.data = data;
    }

    async onFilterChange() {
        await this.load();
    }

    money(value) {
        const currency = this.state.data.currency;
        const amount = formatFloat(value || 0, { digits: [false, 0] });
        return currency.position === "after"
            ? `${amount} ${currency.symbol}`
            : `${currency.symbol} ${amount}`;
    }

    number(value, digits = 0) {
        return formatFloat(value || 0, { digits: [false, digits] });
    }

    get funnelChart() {
        const funnel = this.state.data.funnel;
        return {
            labels: funnel.map((s) => s.name),
            datasets: [{ label: _t("Opportunities"), data: funnel.map((s) => s.count) }],
        };
    }

    get forecastChart() {
        const forecast = this.state.data.forecast;
        return {
            labels: forecast.map((m) => m.month),
            datasets: [
                { label: _t("Weighted pipeline"), data: forecast.map((m) => m.weighted) },
                { label: _t("Won"), data: forecast.map((m) => m.won) },
                { label: _t("Quota"), data: forecast.map((m) => m.quota) },
            ],
        };
    }

    get lifecycleChart() {
        const lifecycle = this.state.data.lifecycle;
        return {
            labels: lifecycle.map((s) => s.label),
            datasets: [{ label: _t("Customers"), data: lifecycle.map((s) => s.count) }],
        };
    }

    get rfmChart() {
        const rfm = this.state.data.rfm;
        return {
            labels: rfm.map((s) => s.label),
            datasets: [{ label: _t("Net revenue"), data: rfm.map((s) => s.revenue) }],
        };
    }

    openPartner(partnerId) {
        this.action.doAction({
            type: "ir.actions.client",
            tag: "crm_glossary_core.customer_360",
            params: { partner_id: partnerId },
        });
    }

    openAction(xmlid) {
        this.action.doAction(xmlid);
    }
}

registry.category("actions").add("crm_glossary_core.dashboard", CrmDashboard);
