# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Customer 360° view: everything about a customer (and its contacts) in one page.

The figures are those of the current company, in its currency, for the commercial partner and
all its contacts. Each block costs one aggregate query whatever the number of documents, so the
page has a bounded cost (asserted in the tests at 10 and 1,000 invoices).
"""

import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

TIMELINE_KINDS = {
    "touchpoint": "fa-hand-pointer-o",
    "email": "fa-envelope",
    "meeting": "fa-calendar",
    "invoice": "fa-file-text-o",
    "credit_note": "fa-undo",
    "payment": "fa-money",
    "delivery": "fa-truck",
    "return": "fa-reply",
    "ticket": "fa-life-ring",
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    # ------------------------------------------------------------------ extension points
    def _crm_360_ticket_stats(self):
        """Support figures of the commercial partners in ``self`` for the 360° page.

        Returns ``{partner_id: {"open": int, "closed": int, "sla_failed": int}}`` for
        commercial partner ids; empty here, filled by ``crm_ticketing``.
        """
        return {}

    @api.model
    def _crm_360_timeline_events(self, commercial_partner, before=None, limit=20):
        """Events of ``commercial_partner`` (and its contacts) for the merged 360° timeline.

        Returns a list of at most ``limit`` dicts, newest first, each
        ``{"date": datetime, "kind": str, "title": str, "res_model": str, "res_id": int,
        "amount": float or None, "key": "model,id"}`` (``key`` names the record the event
        comes from, see :meth:`_crm_360_event`), only events at or before ``before`` when
        given (:meth:`_crm_360_before_domain`): the page drops those it has already shown.
        Each module that knows events extends the list from ``super()`` and merges with
        :meth:`_crm_360_merge_events`, so that every page is ordered the same way.
        """
        events = []
        for source in (
            self._crm_360_touchpoint_events,
            self._crm_360_email_events,
            self._crm_360_meeting_events,
            self._crm_360_invoice_events,
            self._crm_360_payment_events,
            self._crm_360_picking_events,
        ):
            events.extend(source(commercial_partner, before, limit))
        return self._crm_360_merge_events(events, limit)

    @api.model
    def _crm_360_event_key(self, event):
        """The record an event comes from, ``"model,id"``: unique among the events."""
        return event.get("key") or f"{event['res_model']},{event['res_id']}"

    @api.model
    def _crm_360_merge_events(self, events, limit):
        """Newest first, at most ``limit``: what each override returns after adding its own.

        Events of the same date are ordered by the record they come from (model, then id,
        descending as each source orders its own), a total order that pages rely on.
        """

        def order(event):
            model, _sep, res_id = self._crm_360_event_key(event).partition(",")
            return (event["date"], model, int(res_id or 0))

        events.sort(key=order, reverse=True)
        return events[:limit]

    # ------------------------------------------------------------------ timeline sources
    @api.model
    def _crm_360_before_domain(self, fname, before, is_date=False):
        """Events of a source at or before the page boundary ``before`` (inclusive: several
        events may share the boundary's date, and those already shown are dropped by
        :meth:`get_crm_360_timeline`). A date is shown at midnight."""
        if not before:
            return []
        if is_date:
            return [(fname, "<=", fields.Datetime.to_datetime(before).date())]
        return [(fname, "<=", before)]

    @api.model
    def _crm_360_event(self, date, kind, title, record, amount=None):
        return {
            "date": fields.Datetime.to_datetime(date),
            "kind": kind,
            "title": title,
            "res_model": record._name,
            "res_id": record.id,
            "amount": amount,
            "key": f"{record._name},{record.id}",
        }

    @api.model
    def _crm_360_documents_with_events(self):
        """Models the timeline shows through their own source: their touchpoints are not
        shown a second time. Modules adding a source add its model."""
        return {
            "mail.message",
            "calendar.event",
            "account.move",
            "account.payment",
            "stock.picking",
        }

    @api.model
    def _crm_360_touchpoint_events(self, partner, before, limit):
        touchpoints = self.env["crm.touchpoint"].search_fetch(
            [
                ("commercial_partner_id", "=", partner.id),
                "|",
                ("res_model", "=", False),
                ("res_model", "not in", list(self._crm_360_documents_with_events())),
                *self._crm_360_before_domain("date", before),
            ],
            ["date", "summary", "channel"],
            limit=limit,
            order="date desc, id desc",
        )
        return [self._crm_360_event(t.date, "touchpoint", t.summary, t) for t in touchpoints]

    @api.model
    def _crm_360_lead_ids(self, partner):
        return (
            self.env["crm.lead"]
            .with_context(active_test=False)
            ._search([("partner_id", "child_of", partner.id)])
        )

    @api.model
    def _crm_360_email_events(self, partner, before, limit):
        contacts = self.with_context(active_test=False)._search([("id", "child_of", partner.id)])
        lead_ids = list(self._crm_360_lead_ids(partner))
        messages = (
            self.env["mail.message"]
            .sudo()
            .search_fetch(
                [
                    ("message_type", "in", ("email", "email_outgoing", "comment")),
                    "|",
                    "&",
                    ("model", "=", "res.partner"),
                    ("res_id", "in", list(contacts)),
                    "&",
                    ("model", "=", "crm.lead"),
                    ("res_id", "in", lead_ids),
                    *self._crm_360_before_domain("date", before),
                ],
                ["date", "subject", "record_name", "model", "res_id"],
                limit=limit,
                order="date desc, id desc",
            )
        )
        return [
            {
                "date": m.date,
                "kind": "email",
                "title": m.subject or m.record_name or _("Message"),
                "res_model": m.model,
                "res_id": m.res_id,
                "amount": None,
                "key": f"mail.message,{m.id}",
            }
            for m in messages
        ]

    @api.model
    def _crm_360_meeting_events(self, partner, before, limit):
        meetings = self.env["calendar.event"].search_fetch(
            [
                ("partner_ids", "child_of", partner.id),
                *self._crm_360_before_domain("start", before),
            ],
            ["start", "name"],
            limit=limit,
            order="start desc, id desc",
        )
        return [self._crm_360_event(m.start, "meeting", m.name, m) for m in meetings]

    @api.model
    def _crm_360_invoice_events(self, partner, before, limit):
        if not self._crm_360_value_visible(partner):
            return []
        # The page shows the customer's documents to the sales team, who may not read
        # accounting or inventory documents themselves: restricted to the current company.
        moves = (
            self.env["account.move"]
            .sudo()
            .search_fetch(
                [
                    ("commercial_partner_id", "=", partner.id),
                    ("company_id", "=", self.env.company.id),
                    ("state", "=", "posted"),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    *self._crm_360_before_domain("invoice_date", before, is_date=True),
                ],
                ["invoice_date", "name", "move_type", "amount_total_signed"],
                limit=limit,
                order="invoice_date desc, id desc",
            )
        )
        return [
            self._crm_360_event(
                m.invoice_date,
                "invoice" if m.move_type == "out_invoice" else "credit_note",
                m.name,
                m,
                m.amount_total_signed,
            )
            for m in moves
        ]

    @api.model
    def _crm_360_payment_events(self, partner, before, limit):
        if not self._crm_360_value_visible(partner):
            return []
        payments = (
            self.env["account.payment"]
            .sudo()
            .search_fetch(
                [
                    ("partner_id", "child_of", partner.id),
                    ("company_id", "=", self.env.company.id),
                    ("partner_type", "=", "customer"),
                    ("state", "in", ("in_process", "paid")),
                    *self._crm_360_before_domain("date", before, is_date=True),
                ],
                ["date", "name", "amount_company_currency_signed"],
                limit=limit,
                order="date desc, id desc",
            )
        )
        return [
            self._crm_360_event(p.date, "payment", p.name, p, p.amount_company_currency_signed)
            for p in payments
        ]

    @api.model
    def _crm_360_picking_events(self, partner, before, limit):
        pickings = (
            self.env["stock.picking"]
            .sudo()
            .search_fetch(
                [
                    ("partner_id", "child_of", partner.id),
                    ("company_id", "=", self.env.company.id),
                    ("state", "=", "done"),
                    ("picking_type_code", "in", ("outgoing", "incoming")),
                    *self._crm_360_before_domain("date_done", before),
                ],
                ["date_done", "name", "picking_type_code", "return_id"],
                limit=limit,
                order="date_done desc, id desc",
            )
        )
        return [
            self._crm_360_event(
                p.date_done,
                "return" if p.return_id or p.picking_type_code == "incoming" else "delivery",
                p.name,
                p,
            )
            for p in pickings
        ]

    # ------------------------------------------------------------------ page data
    def _crm_360_partner(self):
        self.ensure_one()
        self.check_access("read")
        return self.commercial_partner_id

    def get_crm_360_timeline(self, cursor=None, limit=20):
        """The page's timeline: ``limit`` events after ``cursor``, newest first.

        ``cursor`` is what the previous page returned (none for the first page): the date of
        its last event and the keys of the events already shown at that date. The next page
        starts at that date and leaves those out, so that events sharing a date (invoices
        and payments dated at midnight, for instance) are never skipped at a page boundary.
        """
        partner = self._crm_360_partner()
        if limit <= 0 or limit > 200:
            raise UserError(_("The timeline shows between 1 and 200 events at a time."))
        cursor = cursor or {}
        # exact to the microsecond: some events (a lead's creation) are dated by the database
        before = datetime.datetime.fromisoformat(cursor["date"]) if cursor.get("date") else None
        shown = set(cursor.get("shown") or ()) if before else set()
        events = self._crm_360_timeline_events(partner, before=before, limit=limit + 1 + len(shown))
        events = [e for e in events if self._crm_360_event_key(e) not in shown]
        page = events[:limit]
        has_more = len(events) > limit
        next_cursor = False
        if has_more:
            last = page[-1]["date"]
            keys = {self._crm_360_event_key(e) for e in page if e["date"] == last}
            if last == before:
                keys |= shown
            next_cursor = {"date": last.isoformat(sep=" "), "shown": sorted(keys)}
        return {
            "events": [
                dict(
                    event,
                    key=self._crm_360_event_key(event),
                    date=fields.Datetime.to_string(event["date"]),
                    icon=TIMELINE_KINDS.get(event["kind"], "fa-circle"),
                )
                for event in page
            ],
            "has_more": has_more,
            "cursor": next_cursor,
        }

    @api.model
    def _crm_360_value_visible(self, partner):
        """Whether the current user sees the value and money figures of ``partner``.

        The rule is that of ``crm.customer.value``, applied through its own access rights and
        record rules: a salesman sees the figures of his customers (and of customers without a
        salesperson); all-leads users, sales managers and accountants those of every customer.
        The sales, invoicing, payment, product and habit blocks of the 360° page read documents
        the user may not read himself, so they follow the same rule.
        """
        Value = self.env["crm.customer.value"]
        if self.env.su:
            return True
        if not Value.has_access("read"):
            return False
        domain = self.env["ir.rule"]._compute_domain(Value._name, "read")
        if not domain:
            return True
        probe = Value.sudo().new({"partner_id": partner.id, "company_id": self.env.company.id})
        return bool(probe.filtered_domain(domain))

    def get_crm_360_data(self):
        """All blocks of the 360° page for the current company, in its currency.

        The value and money blocks are ``False`` (empty for the top products) when the user
        may not see the customer's value (see :meth:`_crm_360_value_visible`).
        """
        partner = self._crm_360_partner()
        company = self.env.company
        visible = self._crm_360_value_visible(partner)
        # several blocks are aggregated in SQL: pending changes first
        self.env.flush_all()
        return {
            "partner": self._crm_360_identity(partner, value_visible=visible),
            "currency": {
                "id": company.currency_id.id,
                "symbol": company.currency_id.symbol,
                "position": company.currency_id.position,
                "digits": company.currency_id.decimal_places,
            },
            "value_visible": visible,
            "value": visible and self._crm_360_value(partner),
            "opportunities": self._crm_360_opportunities(partner),
            "sales": visible and self._crm_360_sales(partner),
            "invoicing": visible and self._crm_360_invoicing(partner),
            "payments": visible and self._crm_360_payments(partner),
            "deliveries": self._crm_360_deliveries(partner),
            "top_products": self._crm_360_top_products(partner) if visible else [],
            "tickets": partner._crm_360_ticket_stats().get(partner.id),
            "activities": self._crm_360_activities(partner),
            "habits": visible and self._crm_360_habits(partner),
        }

    @api.model
    def _selection_label(self, record, fname):
        value = record[fname]
        if not value:
            return False
        return dict(record._fields[fname]._description_selection(self.env)).get(value)

    @api.model
    def _crm_360_identity(self, partner, value_visible=True):
        identity = {
            "id": partner.id,
            "name": partner.display_name,
            "is_company": partner.is_company,
            "email": partner.email or False,
            "phone": partner.phone or partner.mobile or False,
            "city": partner.city or False,
            "state": partner.state_id.name or False,
            "salesperson": partner.user_id.name or False,
            "contact_count": self.with_context(active_test=False).search_count(
                [("id", "child_of", partner.id), ("id", "!=", partner.id)]
            ),
            "lifecycle_stage": self._selection_label(partner, "lifecycle_stage"),
            "rfm_segment": False,
            "churn_risk": False,
            "churn_risk_label": False,
            "customer_tier": False,
            "customer_tier_label": False,
            "relationship_phase": False,
        }
        if value_visible:
            identity.update(
                rfm_segment=self._selection_label(partner, "rfm_segment"),
                churn_risk=partner.churn_risk or False,
                churn_risk_label=self._selection_label(partner, "churn_risk"),
                customer_tier=partner.customer_tier or False,
                customer_tier_label=self._selection_label(partner, "customer_tier"),
                relationship_phase=self._selection_label(partner, "relationship_phase"),
            )
        return identity

    @api.model
    def _crm_360_value(self, partner):
        value = self.env["crm.customer.value"].search_fetch(
            [("partner_id", "=", partner.id), ("company_id", "=", self.env.company.id)],
            [
                "first_purchase_date",
                "last_purchase_date",
                "purchase_count",
                "net_revenue",
                "aov",
                "purchase_frequency",
                "avg_days_between",
                "customer_age_days",
                "recency_days",
                "gross_margin",
                "historical_clv",
                "predicted_clv",
                "rfm_score",
            ],
            limit=1,
        )
        if not value:
            return False
        return {
            "first_purchase_date": fields.Date.to_string(value.first_purchase_date),
            "last_purchase_date": fields.Date.to_string(value.last_purchase_date),
            "purchase_count": value.purchase_count,
            "net_revenue": value.net_revenue,
            "aov": value.aov,
            "purchase_frequency": value.purchase_frequency,
            "avg_days_between": value.avg_days_between,
            "customer_age_days": value.customer_age_days,
            "recency_days": value.recency_days,
            "gross_margin": value.gross_margin,
            "historical_clv": value.historical_clv,
            "predicted_clv": value.predicted_clv,
            "rfm_score": value.rfm_score,
        }

    @api.model
    def _crm_360_opportunities(self, partner):
        Lead = self.env["crm.lead"].with_context(active_test=False)
        result = {key: {"count": 0, "amount": 0.0} for key in ("open", "won", "lost", "leads")}
        groups = Lead._read_group(
            [
                ("partner_id", "child_of", partner.id),
                ("company_id", "in", [False, self.env.company.id]),
            ],
            ["type", "active", "stage_id"],
            ["__count", "expected_revenue:sum"],
        )
        for lead_type, active, stage, count, amount in groups:
            if lead_type == "lead":
                key = "leads" if active else None
            elif stage.is_won and active:
                key = "won"
            elif active:
                key = "open"
            else:
                key = "lost"
            if key:
                result[key]["count"] += count
                result[key]["amount"] += amount or 0.0
        return result

    @api.model
    def _crm_360_sales(self, partner):
        self.env.cr.execute(
            SQL(
                """
                SELECT COUNT(*) FILTER (WHERE so.state IN ('draft', 'sent')),
                       COALESCE(SUM(so.amount_untaxed / NULLIF(so.currency_rate, 0))
                                FILTER (WHERE so.state IN ('draft', 'sent')), 0),
                       COUNT(*) FILTER (WHERE so.state = 'sale'),
                       COALESCE(SUM(so.amount_untaxed / NULLIF(so.currency_rate, 0))
                                FILTER (WHERE so.state = 'sale'), 0)
                  FROM sale_order so
                  JOIN res_partner p ON p.id = so.partner_id
                 WHERE p.commercial_partner_id = %s AND so.company_id = %s
                """,
                partner.id,
                self.env.company.id,
            )
        )
        quotations, quotations_amount, orders, orders_amount = self.env.cr.fetchone()
        return {
            "quotation_count": quotations,
            "quotation_amount": float(quotations_amount),
            "order_count": orders,
            "order_amount": float(orders_amount),
        }

    @api.model
    def _crm_360_invoicing(self, partner):
        self.env.cr.execute(
            SQL(
                """
                SELECT COUNT(*),
                       COALESCE(SUM(m.amount_untaxed_signed), 0),
                       COALESCE(SUM(m.amount_total_signed - m.amount_residual_signed), 0),
                       COALESCE(SUM(m.amount_residual_signed), 0),
                       COALESCE(SUM(m.amount_residual_signed)
                                FILTER (WHERE m.invoice_date_due < %(today)s), 0),
                       COUNT(*) FILTER (WHERE m.amount_residual_signed != 0
                                          AND m.invoice_date_due < %(today)s)
                  FROM account_move m
                 WHERE m.commercial_partner_id = %(partner)s
                   AND m.company_id = %(company)s
                   AND m.state = 'posted'
                   AND m.move_type IN ('out_invoice', 'out_refund')
                """,
                today=fields.Date.context_today(self),
                partner=partner.id,
                company=self.env.company.id,
            )
        )
        count, invoiced, paid, due, overdue, overdue_count = self.env.cr.fetchone()
        return {
            "invoice_count": count,
            "invoiced": float(invoiced),
            "paid": float(paid),
            "due": float(due),
            "overdue": float(overdue),
            "overdue_count": overdue_count,
        }

    @api.model
    def _crm_360_payments(self, partner):
        self.env.cr.execute(
            SQL(
                """
                SELECT COALESCE(jr.name, '') AS method,
                       COUNT(*), COALESCE(SUM(pay.amount_company_currency_signed), 0)
                  FROM account_payment pay
                  JOIN res_partner p ON p.id = pay.partner_id
             LEFT JOIN account_payment_method_line jr ON jr.id = pay.payment_method_line_id
                 WHERE p.commercial_partner_id = %(partner)s
                   AND pay.company_id = %(company)s
                   AND pay.partner_type = 'customer'
                   AND pay.state IN ('in_process', 'paid')
              GROUP BY 1
              ORDER BY 3 DESC
                """,
                partner=partner.id,
                company=self.env.company.id,
            )
        )
        methods = [
            {"method": name, "count": count, "amount": float(amount)}
            for name, count, amount in self.env.cr.fetchall()
        ]
        return {
            "count": sum(m["count"] for m in methods),
            "amount": sum(m["amount"] for m in methods),
            "methods": methods,
        }

    @api.model
    def _crm_360_deliveries(self, partner):
        self.env.cr.execute(
            SQL(
                """
                SELECT COUNT(*) FILTER (WHERE t.code = 'outgoing' AND sp.state = 'done'
                                          AND sp.return_id IS NULL),
                       COUNT(*) FILTER (WHERE t.code = 'outgoing'
                                          AND sp.state NOT IN ('done', 'cancel')),
                       COUNT(*) FILTER (WHERE t.code = 'outgoing'
                                          AND sp.state NOT IN ('done', 'cancel')
                                          AND sp.scheduled_date < %(now)s),
                       COUNT(*) FILTER (WHERE sp.return_id IS NOT NULL AND sp.state != 'cancel')
                  FROM stock_picking sp
                  JOIN stock_picking_type t ON t.id = sp.picking_type_id
                  JOIN res_partner p ON p.id = sp.partner_id
                 WHERE p.commercial_partner_id = %(partner)s AND sp.company_id = %(company)s
                """,
                now=fields.Datetime.now(),
                partner=partner.id,
                company=self.env.company.id,
            )
        )
        done, pending, late, returns = self.env.cr.fetchone()
        return {"done": done, "pending": pending, "late": late, "returns": returns}

    @api.model
    def _crm_360_top_products(self, partner, limit=5):
        self.env.cr.execute(
            SQL(
                """
                SELECT l.product_id, SUM(-l.balance), SUM(
                           l.quantity * CASE WHEN m.move_type = 'out_refund' THEN -1 ELSE 1 END)
                  FROM account_move_line l
                  JOIN account_move m ON m.id = l.move_id
                 WHERE m.commercial_partner_id = %s AND m.company_id = %s
                   AND m.state = 'posted' AND m.move_type IN ('out_invoice', 'out_refund')
                   AND l.display_type = 'product' AND l.product_id IS NOT NULL
              GROUP BY l.product_id
              ORDER BY 2 DESC
                 LIMIT %s
                """,
                partner.id,
                self.env.company.id,
                limit,
            )
        )
        rows = self.env.cr.fetchall()
        products = self.env["product.product"].browse([r[0] for r in rows])
        names = dict(zip(products.ids, products.sudo().mapped("display_name"), strict=True))
        return [
            {"id": pid, "name": names[pid], "revenue": float(rev), "quantity": float(qty)}
            for pid, rev, qty in rows
        ]

    @api.model
    def _crm_360_activities(self, partner):
        self.env.cr.execute(
            SQL(
                """
                SELECT COUNT(*), COUNT(*) FILTER (WHERE a.date_deadline < %(today)s)
                  FROM mail_activity a
                 WHERE (a.res_model = 'res.partner' AND a.res_id IN (
                            SELECT id FROM res_partner WHERE commercial_partner_id = %(partner)s))
                    OR (a.res_model = 'crm.lead' AND a.res_id IN (
                            SELECT l.id FROM crm_lead l JOIN res_partner p ON p.id = l.partner_id
                             WHERE p.commercial_partner_id = %(partner)s))
                """,
                today=fields.Date.context_today(self),
                partner=partner.id,
            )
        )
        count, overdue = self.env.cr.fetchone()
        return {"open": count, "overdue": overdue}

    @api.model
    def _crm_360_habits(self, partner):
        """Discounts and promotions used, and how late the customer pays on average.

        The payment delay is, per fully paid invoice, the date of the last reconciliation
        minus the due date (negative when early), averaged over the invoices.
        """
        self.env.cr.execute(
            SQL(
                """
                WITH lines AS (
                    SELECT l.discount, l.price_unit
                      FROM account_move_line l
                      JOIN account_move m ON m.id = l.move_id
                     WHERE m.commercial_partner_id = %(partner)s AND m.company_id = %(company)s
                       AND m.state = 'posted' AND m.move_type = 'out_invoice'
                       AND l.display_type = 'product'
                ), paid AS (
                    SELECT m.id, m.invoice_date_due, MAX(apr.max_date) AS paid_date
                      FROM account_move m
                      JOIN account_move_line l ON l.move_id = m.id
                      JOIN account_account a ON a.id = l.account_id
                                           AND a.account_type = 'asset_receivable'
                      JOIN account_partial_reconcile apr ON apr.debit_move_id = l.id
                     WHERE m.commercial_partner_id = %(partner)s AND m.company_id = %(company)s
                       AND m.state = 'posted' AND m.move_type = 'out_invoice'
                       AND m.payment_state IN ('paid', 'in_payment')
                  GROUP BY m.id, m.invoice_date_due
                )
                SELECT (SELECT COUNT(*) FROM lines),
                       (SELECT COUNT(*) FROM lines WHERE discount > 0),
                       (SELECT AVG(discount) FROM lines WHERE discount > 0),
                       (SELECT COUNT(*) FROM lines WHERE price_unit < 0),
                       (SELECT AVG(paid_date - invoice_date_due) FROM paid),
                       (SELECT COUNT(*) FROM paid)
                """,
                partner=partner.id,
                company=self.env.company.id,
            )
        )
        lines, discounted, avg_discount, promotions, delay, paid_count = self.env.cr.fetchone()
        return {
            "line_count": lines,
            "discounted_lines": discounted,
            "avg_discount": float(avg_discount or 0.0),
            "promotion_lines": promotions,
            "avg_payment_delay": float(delay) if delay is not None else None,
            "paid_invoice_count": paid_count,
        }

    # ------------------------------------------------------------------ smart buttons
    def action_open_crm_360(self):
        """Open the 360° page of the customer."""
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "crm_glossary_core.customer_360",
            "name": _("360° View: %s", self.commercial_partner_id.display_name),
            "params": {"partner_id": self.commercial_partner_id.id},
            "context": {"active_id": self.commercial_partner_id.id},
        }

    def action_crm_360_open(self, block):
        """The list behind a block of the 360° page, filtered on the customer: the documents
        its figures count (the customer and its contacts, the current company)."""
        partner = self._crm_360_partner()
        company = self.env.company.id
        customer = [("partner_id.commercial_partner_id", "=", partner.id)]
        actions = {
            "opportunities": (
                "crm.crm_lead_opportunities",
                [("partner_id", "child_of", partner.id), ("type", "=", "opportunity")],
                {"active_test": False},
            ),
            "quotations": (
                "sale.action_quotations_with_onboarding",
                [*customer, ("company_id", "=", company), ("state", "in", ("draft", "sent"))],
                {},
            ),
            "orders": (
                "sale.action_orders",
                [*customer, ("company_id", "=", company), ("state", "=", "sale")],
                {},
            ),
            "invoices": (
                "account.action_move_out_invoice_type",
                [
                    ("commercial_partner_id", "=", partner.id),
                    ("company_id", "=", company),
                    ("state", "=", "posted"),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                ],
                {},
            ),
            "payments": (
                "account.action_account_payments",
                [
                    *customer,
                    ("company_id", "=", company),
                    ("partner_type", "=", "customer"),
                    ("state", "in", ("in_process", "paid")),
                ],
                {},
            ),
            "deliveries": (
                "stock.action_picking_tree_all",
                [
                    *customer,
                    ("company_id", "=", company),
                    ("state", "!=", "cancel"),
                    "|",
                    ("picking_type_code", "=", "outgoing"),
                    ("return_id", "!=", False),
                ],
                {},
            ),
            "activities": (
                "mail.mail_activity_action",
                [
                    "|",
                    "&",
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", list(self._search([("id", "child_of", partner.id)]))),
                    "&",
                    ("res_model", "=", "crm.lead"),
                    ("res_id", "in", list(self._crm_360_lead_ids(partner))),
                ],
                {},
            ),
        }
        if block not in actions:
            raise UserError(_("The 360° page has no list called “%s”.", block))
        xmlid, domain, context = actions[block]
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action.update(domain=domain, context=dict(context, create=False))
        return action
