# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import ScoringCommon


@tagged("post_install", "-at_install")
class TestScoringReplies(ScoringCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule_reply = cls.env["crm.scoring.rule"].create(
            {
                "name": "Email reply",
                "rule_type": "engagement",
                "channel": "email",
                "direction": "inbound",
                "replies_only": True,
                "count_mode": "each",
                "points": 10,
            }
        )
        cls.Touchpoint = cls.env["crm.touchpoint"]

    def _line(self):
        return self.lead.score_line_ids.filtered(lambda line: line.rule_id == self.rule_reply)

    def test_only_answers_to_the_company_count(self):
        now = fields.Datetime.now()
        unsolicited = self.Touchpoint._log(self.lead, "email", "inbound", date=now)
        self.assertFalse(unsolicited.is_reply)
        self.assertFalse(self._line())
        sent = self.Touchpoint._log(self.lead, "email", "outbound", date=now + timedelta(minutes=1))
        reply = self.Touchpoint._log(self.lead, "email", "inbound", date=now + timedelta(minutes=5))
        self.assertTrue(reply.is_reply)
        self.assertTrue(sent.responded)
        self.assertEqual((self._line().occurrences, self._line().current_points), (1, 10))
        # a phone call in is not an answer to an email
        call = self.Touchpoint._log(self.lead, "phone", "inbound", date=now + timedelta(hours=1))
        self.assertFalse(call.is_reply)
        # the full rescore finds the same reply
        self.lead._score_recompute()
        self.assertEqual((self._line().occurrences, self._line().current_points), (1, 10))

    def test_merged_leads_keep_their_points(self):
        other = self.env["crm.lead"].create(
            {"name": "Pars Kala, second request", "team_id": self.team.id}
        )
        now = fields.Datetime.now()
        self.Touchpoint._log(other, "email", "outbound", date=now, partner_id=self.partner.id)
        self.Touchpoint._log(
            other, "email", "inbound", date=now + timedelta(minutes=5), partner_id=self.partner.id
        )
        self.assertEqual(other.score_engagement, 10)
        merged = (self.lead | other)._merge_opportunity(auto_unlink=True)
        self.assertEqual(
            merged.score_line_ids.filtered(
                lambda line: line.rule_id == self.rule_reply
            ).current_points,
            10,
        )
