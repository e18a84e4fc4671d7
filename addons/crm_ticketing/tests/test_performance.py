# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import TicketingCommon

LIST_SPEC = {
    "priority": {},
    "number": {},
    "name": {},
    "partner_id": {"fields": {"display_name": {}}},
    "team_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
    "tag_ids": {"fields": {"display_name": {}, "color": {}}},
    "sla_deadline": {},
    "sla_state": {},
    "sla_failed": {},
    "stage_id": {"fields": {"display_name": {}}},
    "is_closed": {},
}


@tagged("post_install", "-at_install")
class TestPerformance(TicketingCommon):
    def _open_list(self):
        return (
            self.env["crm.ticket"]
            .with_user(self.agent)
            .web_search_read(
                [("team_id", "=", self.team.id), ("is_closed", "=", False)],
                LIST_SPEC,
                order="priority desc, sla_deadline, id desc",
                limit=80,
            )
        )

    def test_ticket_list_query_count_does_not_grow(self):
        """Opening the queue reads stored, indexed fields only: the same queries for 5 or
        40 tickets and for 1 or 6 SLA policies."""
        tag = self.env["crm.ticket.tag"].create({"name": "تست کارایی"})
        for _index in range(5):
            self._ticket(tag_ids=[(6, 0, tag.ids)])
        self.env.invalidate_all()
        self._open_list()
        self.env.invalidate_all()
        with self.assertQueryCount(9):
            result = self._open_list()
        self.assertEqual(result["length"], 5)
        for index in range(5):
            self.env["crm.ticket.sla"].create(
                {"name": f"P{index}", "team_id": self.team.id, "resolution_hours": 10 + index}
            )
        for _index in range(35):
            self._ticket(tag_ids=[(6, 0, tag.ids)], partner_id=self.contact_b.id)
        self.env.invalidate_all()
        with self.assertQueryCount(9):
            result = self._open_list()
        self.assertEqual(result["length"], 40)
