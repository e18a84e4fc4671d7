# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from collections import OrderedDict

from markupsafe import Markup

from odoo import _, http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request
from odoo.osv import expression
from odoo.tools import escape_psql, html_sanitize, plaintext2html

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

PAGE_SIZE = 20


class CrmTicketPortal(CustomerPortal):
    # How many delivered products and serial numbers the new ticket form suggests; the one a
    # customer types is checked against all their deliveries whatever this number.
    _portal_choices = 200

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "ticket_count" in counters:
            Ticket = request.env["crm.ticket"]
            values["ticket_count"] = (
                Ticket.search_count(self._ticket_domain()) if Ticket.has_access("read") else 0
            )
        return values

    def _ticket_domain(self):
        """Tickets of the portal user's company; record rules already restrict it, this
        keeps internal users (who may see more) to their own company's tickets too."""
        partner = request.env.user.partner_id
        return [("commercial_partner_id", "=", partner.commercial_partner_id.id)]

    def _ticket_searchbar(self):
        sortings = OrderedDict(
            [
                ("date", {"label": _("Newest"), "order": "create_date desc, id desc"}),
                ("number", {"label": _("Number"), "order": "number desc"}),
                ("stage", {"label": _("Status"), "order": "stage_id, id desc"}),
                ("update", {"label": _("Last Update"), "order": "write_date desc, id desc"}),
            ]
        )
        filters = OrderedDict(
            [
                ("open", {"label": _("Open"), "domain": [("is_closed", "=", False)]}),
                ("closed", {"label": _("Closed"), "domain": [("is_closed", "=", True)]}),
                ("all", {"label": _("All"), "domain": []}),
            ]
        )
        inputs = OrderedDict(
            [
                ("all", {"input": "all", "label": _("Search in All")}),
                ("number", {"input": "number", "label": _("Search in Number")}),
                ("name", {"input": "name", "label": _("Search in Subject")}),
                ("message", {"input": "message", "label": _("Search in Messages")}),
            ]
        )
        return sortings, filters, inputs

    @staticmethod
    def _ticket_search_domain(search_in, search):
        """Search domain of the ticket list. Messages are searched as the portal shows them:
        ``website_message_ids`` without internal notes, because the join on messages bypasses
        the access rules of ``mail.message``."""
        if not search:
            return []
        Message = request.env["mail.message"]
        terms = {
            "number": [("number", "ilike", search)],
            "name": [("name", "ilike", search)],
            "message": [
                (
                    "website_message_ids",
                    "any",
                    [("body", "ilike", search), *Message._get_search_domain_share()],
                )
            ],
        }
        if search_in in terms:
            return terms[search_in]
        return expression.OR(terms.values())

    @http.route(
        ["/my/tickets", "/my/tickets/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_tickets(
        self, page=1, sortby="date", filterby="open", search=None, search_in="all", **kw
    ):
        Ticket = request.env["crm.ticket"]
        sortings, filters, inputs = self._ticket_searchbar()
        sortby = sortby if sortby in sortings else "date"
        filterby = filterby if filterby in filters else "open"
        search_in = search_in if search_in in inputs else "all"
        domain = expression.AND(
            [
                self._ticket_domain(),
                filters[filterby]["domain"],
                self._ticket_search_domain(search_in, search),
            ]
        )
        count = Ticket.search_count(domain)
        pager = portal_pager(
            url="/my/tickets",
            url_args={
                "sortby": sortby,
                "filterby": filterby,
                "search": search or "",
                "search_in": search_in,
            },
            total=count,
            page=page,
            step=PAGE_SIZE,
        )
        tickets = Ticket.search(
            domain, order=sortings[sortby]["order"], limit=PAGE_SIZE, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "tickets": tickets.sudo(),
                "page_name": "ticket",
                "default_url": "/my/tickets",
                "pager": pager,
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "searchbar_filters": filters,
                "filterby": filterby,
                "searchbar_inputs": inputs,
                "search_in": search_in,
                "search": search,
            }
        )
        request.session["my_tickets_history"] = tickets.ids[:100]
        return request.render("crm_ticketing.portal_my_tickets", values)

    @http.route(["/my/tickets/<int:ticket_id>"], type="http", auth="public", website=True)
    def portal_my_ticket(self, ticket_id, access_token=None, **kw):
        try:
            ticket_sudo = self._document_check_access("crm.ticket", ticket_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._ticket_page_values(ticket_sudo, access_token, **kw)
        return request.render("crm_ticketing.portal_my_ticket", values)

    def _ticket_page_values(self, ticket_sudo, access_token, **kw):
        values = {
            "page_name": "ticket",
            "ticket": ticket_sudo,
            "invoice": ticket_sudo.invoice_id,
            "invoice_url": ticket_sudo.invoice_id.get_portal_url()
            if ticket_sudo.invoice_id.state == "posted"
            else False,
            "picking": ticket_sudo.picking_id,
            "message": kw.get("message"),
        }
        return self._get_page_view_values(
            ticket_sudo, access_token, values, "my_tickets_history", False, **kw
        )

    def _ticket_redirect(self, ticket_sudo, access_token, message=None):
        url = f"/my/tickets/{ticket_sudo.id}"
        params = {}
        if access_token:
            params["access_token"] = access_token
        if message:
            params["message"] = message
        if params:
            url += "?" + "&".join(f"{k}={v}" for k, v in params.items())
        return request.redirect(url)

    @http.route(
        ["/my/tickets/<int:ticket_id>/close"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_ticket_close(self, ticket_id, access_token=None, **kw):
        """Close a ticket: only after the same access check as the ticket page, never on
        the id alone."""
        try:
            ticket_sudo = self._document_check_access("crm.ticket", ticket_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        ticket_sudo._action_customer_close()
        return self._ticket_redirect(ticket_sudo, access_token, "closed")

    @http.route(
        ["/my/tickets/<int:ticket_id>/reopen"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_ticket_reopen(self, ticket_id, access_token=None, **kw):
        try:
            ticket_sudo = self._document_check_access("crm.ticket", ticket_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        ticket_sudo.action_customer_reopen()
        return self._ticket_redirect(ticket_sudo, access_token, "reopened")

    # ------------------------------------------------------------------
    # New ticket
    # ------------------------------------------------------------------

    @staticmethod
    def _portal_delivery_domain(partner):
        """Done moves that left for the customer's company (any of its contacts)."""
        return [
            ("state", "=", "done"),
            ("location_dest_id.usage", "=", "customer"),
            ("picking_id.partner_id", "child_of", partner.commercial_partner_id.id),
        ]

    def _portal_delivered_lots(self, partner):
        """The serial numbers last delivered to the customer's company, one per serial, as
        suggestions of the form; any older serial is checked by
        :meth:`_portal_find_delivered_lots`."""
        groups = (
            request.env["stock.move.line"]
            .sudo()
            ._read_group(
                [*self._portal_delivery_domain(partner), ("lot_id", "!=", False)],
                ["lot_id"],
                order="date:max desc",
                limit=self._portal_choices,
            )
        )
        return request.env["stock.lot"].sudo().union(*(lot for (lot,) in groups))

    def _portal_delivered_products(self, partner):
        """The products last delivered to the customer's company, one per product."""
        groups = (
            request.env["stock.move"]
            .sudo()
            ._read_group(
                self._portal_delivery_domain(partner),
                ["product_id"],
                order="date:max desc",
                limit=self._portal_choices,
            )
        )
        return request.env["product.product"].sudo().union(*(product for (product,) in groups))

    def _portal_delivered_product(self, partner, product_id):
        """The product ``product_id`` (a form value) if it was delivered to the customer's
        company, else an empty recordset."""
        Product = request.env["product.product"].sudo()
        if not str(product_id or "").isdigit():
            return Product
        moves = (
            request.env["stock.move"]
            .sudo()
            .search_fetch(
                [*self._portal_delivery_domain(partner), ("product_id", "=", int(product_id))],
                ["product_id"],
                limit=1,
            )
        )
        return moves.product_id

    def _portal_find_delivered_lots(self, partner, lot_name=None, lot_id=None):
        """Serial numbers delivered to the customer's company named ``lot_name`` (or of id
        ``lot_id``), looked up directly whatever their age; a name may be shared by serials
        of different products."""
        if lot_name:
            condition = ("lot_id.name", "=ilike", escape_psql(lot_name))
        elif str(lot_id or "").isdigit():
            condition = ("lot_id", "=", int(lot_id))
        else:
            return request.env["stock.lot"].sudo()
        groups = (
            request.env["stock.move.line"]
            .sudo()
            ._read_group(
                [*self._portal_delivery_domain(partner), condition],
                ["lot_id"],
                limit=self._portal_choices,
            )
        )
        return request.env["stock.lot"].sudo().union(*(lot for (lot,) in groups))

    def _new_ticket_values(self, **kw):
        partner = request.env.user.partner_id
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "ticket_new",
                "teams": request.env["crm.ticket.team"]
                .sudo()
                .search(
                    [
                        ("portal_enabled", "=", True),
                        ("company_id", "in", request.env.user.company_ids.ids),
                    ]
                ),
                "types": request.env["crm.ticket.type"]
                .sudo()
                .search([("portal_visible", "=", True)]),
                "products": self._portal_delivered_products(partner),
                "lots": self._portal_delivered_lots(partner),
                "articles": request.env["crm.ticket.article"]
                .sudo()
                .search(request.env["crm.ticket.article"]._search_domain(kw.get("name")), limit=5)
                if kw.get("name")
                else request.env["crm.ticket.article"],
                "error": {},
                "form": kw,
            }
        )
        return values

    def _portal_check_product_and_lot(self, values, error, **kw):
        """The product and serial number chosen on the new ticket form, each checked against
        what was delivered to the customer's company. A wrong one gets a message in
        ``error`` and the form is shown again with what the customer typed."""
        partner = request.env.user.partner_id
        product = request.env["product.product"].sudo()
        lot = request.env["stock.lot"].sudo()
        if (kw.get("product_id") or "").strip():
            product = self._portal_delivered_product(partner, kw["product_id"].strip())
            if not product:
                error["product_id"] = _(
                    "This product was not delivered to you: choose one of the list, or leave "
                    "it empty and name it in the description."
                )
            values["products"] |= product
        lot_name = (kw.get("lot_name") or "").strip()
        if not lot_name and not kw.get("lot_id"):
            return product, lot
        lots = self._portal_find_delivered_lots(partner, lot_name, kw.get("lot_id"))
        serial = lot_name or lots[:1].name or kw.get("lot_id")
        if product and lots and not lots.filtered(lambda lot_: lot_.product_id == product):
            error["lot_id"] = _(
                "The serial number %(serial)s is not one of %(product)s: check the product, "
                "or leave it empty.",
                serial=serial,
                product=product.display_name,
            )
            return product, lot
        if product:
            lots = lots.filtered(lambda lot_: lot_.product_id == product)
        if not lots:
            error["lot_id"] = _(
                "The serial number %(serial)s was not delivered to you: check it on your "
                "delivery slip or invoice.",
                serial=serial,
            )
        elif len(lots.product_id) > 1:
            error["lot_id"] = _(
                "Several of your products have the serial number %(serial)s: choose the "
                "product too.",
                serial=serial,
            )
        else:
            lot = lots
            values["lots"] |= lot
        return product, lot

    @http.route(["/my/tickets/new"], type="http", auth="user", website=True, methods=["GET"])
    def portal_ticket_new(self, **kw):
        return request.render("crm_ticketing.portal_ticket_new", self._new_ticket_values(**kw))

    @http.route(["/my/tickets/new"], type="http", auth="user", website=True, methods=["POST"])
    def portal_ticket_submit(self, **kw):
        values = self._new_ticket_values(**kw)
        error = values["error"]
        name = (kw.get("name") or "").strip()
        description = (kw.get("description") or "").strip()
        if not name and not description:
            error["name"] = _("Tell us in a few words what your request is about.")
        team = values["teams"].filtered(lambda t: str(t.id) == str(kw.get("team_id")))[:1]
        if not team:
            team = values["teams"][:1]
        if not team:
            error["team_id"] = _("No support team accepts requests from the portal.")
        ticket_type = values["types"].filtered(lambda t: str(t.id) == str(kw.get("type_id")))
        product, lot = self._portal_check_product_and_lot(values, error, **kw)
        files = request.httprequest.files.getlist("attachments")
        limit = request.env["crm.ticket"].sudo()._max_attachment_bytes()
        too_big = [f.filename for f in files if f.filename and _file_size(f) > limit]
        if too_big:
            error["attachments"] = _(
                "These files are larger than %(limit)s MB and were not sent: %(files)s. "
                "Your text is kept below; send smaller files or compress them.",
                limit=limit // (1024 * 1024),
                files=", ".join(too_big),
            )
        if error:
            values["error"] = error
            return request.render("crm_ticketing.portal_ticket_new", values)
        partner = request.env.user.partner_id
        ticket = (
            request.env["crm.ticket"]
            .sudo()
            .with_context(mail_create_nosubscribe=False)
            .create(
                {
                    "name": name or description.splitlines()[0][:80],
                    "description": plaintext2html(description) if description else False,
                    "partner_id": partner.id,
                    "team_id": team.id,
                    "type_id": ticket_type[:1].id,
                    "product_id": (product or lot.product_id).id,
                    "lot_id": lot.id,
                    "channel": "portal",
                    "company_id": team.company_id.id,
                }
            )
        )
        attachments = request.env["ir.attachment"]
        for upload in files:
            if not upload.filename:
                continue
            attachments |= (
                request.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": upload.filename,
                        "datas": base64.b64encode(upload.read()),
                        "res_model": "crm.ticket",
                        "res_id": ticket.id,
                    }
                )
            )
        body = plaintext2html(description) if description else Markup("<p>%s</p>") % name
        ticket.with_user(request.env.user).sudo().message_post(
            body=html_sanitize(body),
            author_id=partner.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachment_ids=attachments.ids,
        )
        return request.redirect(ticket.get_portal_url(query_string="&message=created"))

    # ------------------------------------------------------------------
    # Knowledge base (self-service)
    # ------------------------------------------------------------------

    @http.route(["/my/kb", "/my/kb/page/<int:page>"], type="http", auth="user", website=True)
    def portal_kb(self, search=None, page=1, **kw):
        Article = request.env["crm.ticket.article"]
        domain = Article._search_domain(search)
        count = Article.search_count(domain)
        pager = portal_pager(
            url="/my/kb", url_args={"search": search or ""}, total=count, page=page, step=PAGE_SIZE
        )
        articles = Article.search(domain, limit=PAGE_SIZE, offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "articles": articles,
                "pager": pager,
                "search": search,
                "page_name": "kb",
                "default_url": "/my/kb",
            }
        )
        return request.render("crm_ticketing.portal_kb", values)

    @staticmethod
    def _kb_published_article(article_id):
        """The published article ``article_id`` the user may read, else an empty recordset:
        searched with the user's rights, so an unpublished, missing or other company's
        article is simply not found."""
        return request.env["crm.ticket.article"].search(
            [("id", "=", article_id), ("is_published", "=", True)], limit=1
        )

    @http.route(["/my/kb/<int:article_id>"], type="http", auth="user", website=True)
    def portal_kb_article(self, article_id, **kw):
        article = self._kb_published_article(article_id)
        if not article:
            return request.redirect("/my/kb")
        values = self._prepare_portal_layout_values()
        values.update({"article": article, "page_name": "kb", "voted": kw.get("voted")})
        return request.render("crm_ticketing.portal_kb_article", values)

    @http.route(
        ["/my/kb/<int:article_id>/vote"], type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_kb_vote(self, article_id, helpful="1", **kw):
        article = self._kb_published_article(article_id)
        if not article:
            return request.redirect("/my/kb")
        voted = request.session.setdefault("crm_ticket_kb_votes", [])
        if article.id not in voted:
            article._vote(helpful == "1")
            request.session["crm_ticket_kb_votes"] = [*voted, article.id]
        return request.redirect(f"/my/kb/{article.id}?voted=1")


def _file_size(upload):
    """Size of an uploaded file without reading it into memory."""
    stream = upload.stream
    position = stream.tell()
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(position)
    return size
