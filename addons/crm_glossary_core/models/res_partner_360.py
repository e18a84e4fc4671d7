# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Customer 360° view: the extension points other suite modules fill."""

from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

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
        "amount": float or None}``, only events strictly older than ``before`` when given.
        Each module that knows events extends the list from ``super()``; the page merges them.
        """
        return []
