# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""From what happens in Odoo to the score: emails, activities, SMS replies, quotations sent
and viewed, and meetings held."""

from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import ScoringCommon

REPLY = """Return-Path: <ali@parskala.ir>
From: Ali Rezaei <ali@parskala.ir>
To: sales@example.com
Subject: Re: ERP for Pars Kala
Message-ID: <reply-1@parskala.ir>
In-Reply-To: {parent}
References: {parent}
Date: Sat, 05 Dec 2026 08:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Yes, we would like a demo next week.
"""


class ScoringEventsCommon(ScoringCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner.email = "ali@parskala.ir"
        Rule = cls.env["crm.scoring.rule"]
        cls.call = cls.env.ref("mail.mail_activity_data_call")
        cls.meeting = cls.env.ref("mail.mail_activity_data_meeting")
        engagement = {"rule_type": "engagement", "count_mode": "each"}
        cls.rule_email_in = Rule.create(
            {
                **engagement,
                "name": "Email received",
                "channel": "email",
                "direction": "inbound",
                "points": 11,
            }
        )
        cls.rule_call = Rule.create(
            {**engagement, "name": "Call done", "activity_type_id": cls.call.id, "points": 7}
        )
        cls.rule_sms = Rule.create(
            {
                **engagement,
                "name": "SMS reply",
                "channel": "sms",
                "direction": "inbound",
                "points": 5,
            }
        )
        cls.rule_quote_sent = Rule.create(
            {
                **engagement,
                "name": "Quotation sent",
                "document_model": "sale.order",
                "direction": "outbound",
                "points": 13,
            }
        )
        cls.rule_quote_viewed = Rule.create(
            {
                **engagement,
                "name": "Quotation viewed",
                "document_model": "sale.order",
                "direction": "inbound",
                "points": 17,
            }
        )
        cls.rule_meeting = Rule.create(
            {**engagement, "name": "Meeting held", "channel": "meeting", "points": 19}
        )
        cls.rule_meeting_activity = Rule.create(
            {
                **engagement,
                "name": "Meeting activity done",
                "activity_type_id": cls.meeting.id,
                "points": 3,
            }
        )
        cls.lead.type = "opportunity"

    def _points(self, rule, lead=None):
        lines = (lead or self.lead).score_line_ids.filtered(lambda line: line.rule_id == rule)
        return lines.current_points, lines.occurrences

    def _quotation(self):
        product = self.env["product.product"].create({"name": "ERP licence", "list_price": 9e8})
        return self.env["sale.order"].create(
            {
                "partner_id": self.partner.id,
                "opportunity_id": self.lead.id,
                "order_line": [(0, 0, {"product_id": product.id})],
            }
        )


@tagged("post_install", "-at_install")
class TestScoringEvents(ScoringEventsCommon):
    def test_customer_email_reply_through_the_mail_gateway(self):
        sent = self.lead.with_user(self.salesman).message_post(
            body="Shall we plan a demo?",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.partner.ids,
        )
        self.assertEqual(self._points(self.rule_email_in), (0, 0))
        thread_id = (
            self.env["mail.thread"]
            .sudo()
            .message_process(None, REPLY.format(parent=sent.message_id))
        )
        self.assertEqual(thread_id, self.lead.id)
        self.assertEqual(self._points(self.rule_email_in), (11, 1))
        self.assertEqual(self.lead.score_engagement, 11)

    def test_done_activity_of_a_type(self):
        self.lead.activity_schedule("mail.mail_activity_data_todo", summary="Send brochure")
        self.lead.activity_ids.action_feedback(feedback="Sent")
        self.assertEqual(self._points(self.rule_call), (0, 0))
        call = self.lead.activity_schedule("mail.mail_activity_data_call", summary="Call Ali")
        call.with_user(self.salesman).action_feedback(feedback="Interested")
        self.assertEqual(self._points(self.rule_call), (7, 1))

    def test_sms_reply(self):
        Touchpoint = self.env["crm.touchpoint"]
        sent = Touchpoint._log(self.lead, "sms", "outbound", summary="Our offer")
        self.assertEqual(self._points(self.rule_sms), (0, 0))
        # what an SMS panel logs when the customer answers
        Touchpoint._log(self.lead, "sms", "inbound", summary="Call me tomorrow")
        self.assertTrue(sent.responded)
        self.assertEqual(self._points(self.rule_sms), (5, 1))

    def test_quotation_sent_by_email(self):
        order = self._quotation()
        action = order.action_quotation_send()
        composer = self.env["mail.compose.message"].with_context(**action["context"]).create({})
        composer.action_send_mail()
        self.assertEqual(order.state, "sent")
        self.assertEqual(self._points(self.rule_quote_sent), (13, 1))
        self.assertEqual(self._points(self.rule_quote_viewed), (0, 0))

    def test_meeting_counts_once_when_held(self):
        start = fields.Datetime.now() + timedelta(days=2)
        activity = self.lead.activity_schedule("mail.mail_activity_data_meeting", summary="Demo")
        event = self.env["calendar.event"].create(
            {
                "name": "Demo at Pars Kala",
                "opportunity_id": self.lead.id,
                "start": start,
                "stop": start + timedelta(hours=1),
                "activity_ids": [(6, 0, activity.ids)],
            }
        )
        touches = self.env["crm.touchpoint"].search([("lead_id", "=", self.lead.id)])
        # scheduled is not held
        self.assertFalse(touches.filtered(lambda t: t.channel == "meeting"))
        self.assertEqual(self._points(self.rule_meeting), (0, 0))
        activity.action_feedback(feedback="Went well")
        meeting = self.env["crm.touchpoint"].search(
            [("lead_id", "=", self.lead.id), ("channel", "=", "meeting")]
        )
        self.assertEqual((meeting.res_model, meeting.res_id), ("calendar.event", event.id))
        self.assertLessEqual(meeting.date, fields.Datetime.now())
        # one touchpoint for the meeting and its activity: counted by one rule
        self.assertEqual(self._points(self.rule_meeting), (19, 1))
        self.assertEqual(self._points(self.rule_meeting_activity), (0, 0))
        event.unlink()
        self.assertFalse(meeting.exists())
        self.assertEqual(self._points(self.rule_meeting), (0, 0))

    def test_meeting_entered_after_it_was_held_and_cancelled(self):
        start = fields.Datetime.now() - timedelta(days=1)
        event = self.env["calendar.event"].create(
            {
                "name": "Visit",
                "opportunity_id": self.lead.id,
                "start": start,
                "stop": start + timedelta(hours=1),
            }
        )
        self.assertEqual(self._points(self.rule_meeting), (19, 1))
        future = self.env["calendar.event"].create(
            {
                "name": "Follow-up",
                "opportunity_id": self.lead.id,
                "start": start + timedelta(days=7),
                "stop": start + timedelta(days=7, hours=1),
            }
        )
        self.assertEqual(self._points(self.rule_meeting), (19, 1))
        # the follow-up took place: the daily pass logs it
        future.write({"start": start, "stop": start + timedelta(hours=1)})
        self.env["calendar.event"]._cron_touchpoint_log_held_meetings()
        self.assertEqual(self._points(self.rule_meeting), (38, 2))
        event.action_archive()
        self.assertEqual(self._points(self.rule_meeting), (19, 1))


@tagged("post_install", "-at_install")
class TestQuotationViewed(HttpCase, ScoringEventsCommon):
    def test_quotation_viewed_on_the_portal(self):
        order = self._quotation()
        order._portal_ensure_token()
        self.assertEqual(self._points(self.rule_quote_viewed), (0, 0))
        response = self.url_open(f"/my/orders/{order.id}?access_token={order.access_token}")
        self.assertEqual(response.status_code, 200)
        viewed = self.env["crm.touchpoint"].search(
            [("lead_id", "=", self.lead.id), ("res_model", "=", "sale.order")]
        )
        self.assertEqual((viewed.direction, viewed.res_id), ("inbound", order.id))
        self.assertEqual(self._points(self.rule_quote_viewed), (17, 1))
        self.assertEqual(self._points(self.rule_quote_sent), (0, 0))
