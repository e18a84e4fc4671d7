# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from odoo.tests import tagged

from .common import CrmGlossaryCommon


@tagged("post_install", "-at_install")
class TestTouchpoints(CrmGlossaryCommon):
    def _touches(self, lead):
        return self.env["crm.touchpoint"].search([("lead_id", "=", lead.id)], order="id")

    def test_lead_creation_logs_a_touch_with_its_utm(self):
        campaign = self.env["utm.campaign"].create({"name": "Nowruz sale"})
        lead = self.env["crm.lead"].create(
            {
                "name": "Website form",
                "partner_id": self.contact.id,
                "medium_id": self.env.ref("utm.utm_medium_website").id,
                "source_id": self.env.ref("utm.utm_source_search_engine").id,
                "campaign_id": campaign.id,
            }
        )
        touch = self._touches(lead)
        self.assertEqual(len(touch), 1)
        self.assertEqual(touch.channel, "website_form")
        self.assertEqual(touch.direction, "inbound")
        self.assertEqual(touch.campaign_id, campaign)
        self.assertEqual(touch.commercial_partner_id, self.customer)
        self.assertEqual(lead.first_touch_id, touch)
        self.assertEqual(lead.first_touch_channel, "website_form")
        # the contact remembers where it came from
        self.assertEqual(self.customer.original_source_id, lead.source_id)
        self.assertEqual(self.customer.original_campaign_id, campaign)

    def test_emails_in_and_out_are_touches(self):
        self.lead.message_post(
            body="Please send a quote",
            message_type="email",
            author_id=self.contact.id,
            subject="Quote",
            subtype_xmlid="mail.mt_comment",
        )
        self.lead.with_user(self.salesman).message_post(
            body="Here it is", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.lead.message_post(body="internal note", subtype_xmlid="mail.mt_note")
        touches = self._touches(self.lead).filtered(lambda t: t.channel == "email")
        self.assertEqual(touches.mapped("direction"), ["inbound", "outbound"])
        self.assertEqual(touches[0].summary, "Quote")

    def test_done_activity_is_a_touch_of_its_type(self):
        activity = self.lead.activity_schedule("mail.mail_activity_data_call", summary="Call")
        activity.action_feedback(feedback="Talked to Maryam")
        touch = self._touches(self.lead).filtered(lambda t: t.channel == "phone")
        self.assertEqual(len(touch), 1)
        self.assertEqual(touch.direction, "outbound")
        self.assertEqual(touch.activity_type_id, self.env.ref("mail.mail_activity_data_call"))

    def test_meeting_on_an_opportunity_is_a_touch(self):
        start = datetime(2026, 3, 1, 9, 0)
        self.env["calendar.event"].create(
            {
                "name": "Demo",
                "opportunity_id": self.lead.id,
                "start": start,
                "stop": start + timedelta(hours=1),
            }
        )
        touch = self._touches(self.lead).filtered(lambda t: t.channel == "meeting")
        self.assertEqual(touch.date, start)
        self.assertEqual(touch.res_model, "calendar.event")

    def test_last_touch_is_before_conversion(self):
        touchpoint = self.env["crm.touchpoint"]
        first = self._touches(self.lead)
        before = touchpoint.create(
            {
                "lead_id": self.lead.id,
                "channel": "phone",
                "summary": "Call",
                "date": first.date + timedelta(days=1),
            }
        )
        self.lead.date_conversion = first.date + timedelta(days=2)
        touchpoint.create(
            {
                "lead_id": self.lead.id,
                "channel": "email",
                "summary": "After",
                "date": first.date + timedelta(days=3),
            }
        )
        self.assertEqual(self.lead.first_touch_id, first)
        self.assertEqual(self.lead.last_touch_id, before)

    def test_recommended_channel_is_the_one_answered(self):
        touchpoint = self.env["crm.touchpoint"]
        now = datetime(2026, 5, 1, 10, 0)
        for channel in ("email", "email", "sms"):
            touchpoint.create(
                {
                    "partner_id": self.contact.id,
                    "channel": channel,
                    "direction": "outbound",
                    "summary": "Offer",
                    "date": now,
                }
            )
        touchpoint.create(
            {
                "partner_id": self.contact.id,
                "channel": "sms",
                "direction": "inbound",
                "summary": "Yes please",
                "date": now + timedelta(days=1),
            }
        )
        self.contact.invalidate_recordset(["recommended_channel"])
        self.assertEqual(self.contact.recommended_channel, "sms")
        self.assertEqual(self.lead.partner_recommended_channel, "sms")

    def test_inbound_touches_answer_recent_outbound_ones_of_their_channel(self):
        Touchpoint = self.env["crm.touchpoint"]
        other = self.env["res.partner"].create({"name": "Parisa Karimi"})
        now = datetime(2026, 5, 10, 10, 0)

        def outbound(partner, channel, days_before):
            return Touchpoint.create(
                {
                    "partner_id": partner.id,
                    "channel": channel,
                    "direction": "outbound",
                    "summary": "Offer",
                    "date": now - timedelta(days=days_before),
                }
            )

        answered = outbound(self.contact, "email", 3) | outbound(other, "sms", 6)
        too_old = outbound(self.contact, "email", 9)
        other_channel = outbound(self.contact, "phone", 1)
        other_contact = outbound(other, "email", 1)
        after_the_answer = Touchpoint.create(
            {
                "partner_id": self.contact.id,
                "channel": "email",
                "direction": "outbound",
                "summary": "Reminder",
                "date": now + timedelta(hours=2),
            }
        )
        answers = [
            {
                "partner_id": partner.id,
                "channel": channel,
                "direction": "inbound",
                "summary": "Reply",
                "date": now,
            }
            for partner, channel in ((self.contact, "email"), (other, "sms"))
        ]
        inbound = Touchpoint.create(answers)
        self.assertEqual(answered.mapped("responded"), [True, True])
        for touch in too_old | other_channel | other_contact | after_the_answer:
            self.assertFalse(touch.responded, touch.summary)
        # a batch of inbound touches (a mail gateway run, an import) is matched in one query
        answered.responded = False
        self.env.flush_all()
        with self.assertQueryCount(__system__=2):
            inbound._mark_responded()
            self.env.flush_all()
        self.assertEqual(answered.mapped("responded"), [True, True])

    def test_log_touchpoint_action_and_journey(self):
        action = self.lead.action_log_touchpoint()
        self.assertEqual(action["res_model"], "crm.touchpoint")
        self.assertEqual(action["context"]["default_lead_id"], self.lead.id)
        journey = self.contact.action_view_customer_journey()
        touches = self.env["crm.touchpoint"].search(journey["domain"])
        self.assertIn(self.lead.first_touch_id, touches)
        self.assertEqual(self.contact.touchpoint_count, len(touches))

    def test_backfill_gives_existing_leads_their_touches(self):
        lead = (
            self.env["crm.lead"]
            .with_context(crm_touchpoint_skip=True)
            .create(
                {
                    "name": "Older lead",
                    "partner_id": self.contact.id,
                    "medium_id": self.env.ref("utm.utm_medium_phone").id,
                }
            )
        )
        message = lead.message_post(
            body="Question", message_type="email", author_id=self.contact.id, subject="Q"
        )
        message.date = lead.create_date + timedelta(hours=1)
        self.env["crm.touchpoint"].search([("lead_id", "=", lead.id)]).unlink()
        lead.date_conversion = lead.create_date + timedelta(minutes=1)
        self.env["crm.touchpoint"]._backfill_from_leads()
        touches = self._touches(lead)
        self.assertEqual(sorted(touches.mapped("channel")), ["email", "phone"])
        creation = touches.filtered(lambda t: t.channel == "phone")
        self.assertEqual(lead.first_touch_id, creation)
        self.assertEqual(lead.last_touch_id, creation, "the email came after the conversion")
        # a second run adds nothing
        self.env["crm.touchpoint"]._backfill_from_leads()
        self.assertEqual(self._touches(lead), touches)

    def test_merged_leads_bring_their_touches(self):
        other = self.env["crm.lead"].create(
            {"name": "Same customer, second form", "partner_id": self.contact.id}
        )
        self.env["crm.touchpoint"]._log(other, "phone", "outbound")
        leads = self.lead | other
        touches = self.env["crm.touchpoint"].search([("lead_id", "in", leads.ids)])
        merged = leads._merge_opportunity(auto_unlink=True)
        self.assertFalse((leads - merged).exists())
        self.assertEqual(touches.exists(), touches)
        self.assertEqual(touches.lead_id, merged)
        created = touches.filtered(lambda t: t.res_model == "crm.lead")
        self.assertEqual(created.mapped("res_id"), [merged.id] * len(created))
