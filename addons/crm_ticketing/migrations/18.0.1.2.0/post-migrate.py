# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Cancelled, merged and archived tickets now stop their SLA clocks. Those closed that way
before this version still have running clocks: they stop now, as they would have then (the
ones past their deadline as failed, the others without a verdict)."""

from odoo import SUPERUSER_ID, api, fields


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    statuses = (
        env["crm.ticket.sla.status"]
        .with_context(active_test=False)
        .search(
            [
                ("reached_datetime", "=", False),
                "|",
                ("ticket_id.active", "=", False),
                ("ticket_id.stage_id.is_cancelled", "=", True),
            ]
        )
    )
    statuses._withdraw(fields.Datetime.now())
