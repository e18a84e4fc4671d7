# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestMailingTouchpoints(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.env["utm.campaign"].create({"name": "Yalda newsletter"})
        cls.lead = cls.env["crm.lead"].create(
            {"name": "Newsletter reader", "email_from": "reader@example.ir"}
        )
        cls.mailing = cls.env["mailing.mailing"].create(
            {
                "subject": "Yalda offers",
                "mailing_model_id": cls.env["ir.model"]._get_id("crm.lead"),
                "campaign_id": cls.campaign.id,
                "body_html": "<p>Offers</p>",
            }
        )
        cls.trace = cls.env["mailing.trace"].create(
            {
                "mass_mailing_id": cls.mailing.id,
                "model": "crm.lead",
                "res_id": cls.lead.id,
                "email": "reader@example.ir",
            }
        )

    def _touches(self, channel):
        return self.env["crm.touchpoint"].search(
            [("lead_id", "=", self.lead.id), ("channel", "=", channel)]
        )

    def test_sent_mailing_is_an_outbound_touch_of_its_campaign(self):
        self.trace.set_sent()
        touch = self._touches("email")
        self.assertEqual(len(touch), 1)
        self.assertEqual(touch.direction, "outbound")
        self.assertEqual(touch.campaign_id, self.campaign)
        self.assertEqual((touch.res_model, touch.res_id), ("mailing.trace", self.trace.id))
        self.assertIn("Yalda offers", touch.summary)

    def test_first_click_only_is_a_touch(self):
        self.trace.set_clicked()
        self.trace.set_clicked()
        touch = self._touches("campaign_click")
        self.assertEqual(len(touch), 1)
        self.assertEqual(touch.direction, "inbound")
        self.assertEqual(touch.campaign_id, self.campaign)

    def test_traces_of_other_models_are_ignored(self):
        other = self.env["mailing.trace"].create(
            {
                "mass_mailing_id": self.mailing.id,
                "model": "mailing.contact",
                "res_id": 1,
                "email": "x@example.ir",
            }
        )
        before = self.env["crm.touchpoint"].search_count([])
        other.set_sent()
        self.assertEqual(self.env["crm.touchpoint"].search_count([]), before)
