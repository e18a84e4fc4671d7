# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from psycopg2 import errors

from odoo import SUPERUSER_ID, api, fields
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestConcurrentEvents(TransactionCase):
    """Two transactions add an event to the same lead: no point is lost.

    The data is committed from separate cursors (the test's own transaction cannot be seen
    by them) and removed at the end.
    """

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def test_concurrent_events_on_one_lead_lose_no_points(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            rule = env["crm.scoring.rule"].create(
                {
                    "name": "Concurrent email",
                    "rule_type": "engagement",
                    "channel": "email",
                    "count_mode": "each",
                    "points": 10,
                }
            )
            lead = env["crm.lead"].create({"name": "Concurrent lead", "type": "lead"})
            rule_id, lead_id = rule.id, lead.id
        event = [(lead_id, rule_id, fields.Datetime.now())]
        try:
            with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
                self._env(cr1)["crm.lead"]._score_add_events(event)
                # the second transaction waits for the lead row the first one holds
                cr2.execute("SET LOCAL lock_timeout = '200ms'")
                with self.assertRaises(errors.LockNotAvailable), mute_logger("odoo.sql_db"):
                    self._env(cr2)["crm.lead"]._score_add_events(event)
                cr2.rollback()
                cr1.commit()
                # once the first commits, the second (retried, as Odoo retries a request)
                # adds to what the first wrote
                self._env(cr2)["crm.lead"]._score_add_events(event)
                cr2.commit()
            with self.registry.cursor() as cr:
                cr.execute(
                    "SELECT occurrences, points FROM crm_lead_score_line "
                    "WHERE lead_id = %s AND rule_id = %s",
                    (lead_id, rule_id),
                )
                self.assertEqual(cr.fetchone(), (2, 20.0))
                cr.execute("SELECT score_engagement FROM crm_lead WHERE id = %s", (lead_id,))
                self.assertEqual(cr.fetchone()[0], 20)
        finally:
            with self.registry.cursor() as cr:
                env = self._env(cr)
                env["crm.lead"].browse(lead_id).unlink()
                env["crm.scoring.rule"].browse(rule_id).unlink()
