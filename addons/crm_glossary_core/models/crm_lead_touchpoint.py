# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Touchpoints of a lead: logged from what Odoo records, first and last touch."""

from odoo import _, api, fields, models

# A lead's UTM medium tells the channel of the touch that created it.
MEDIUM_CHANNELS = {
    "utm.utm_medium_website": "website_form",
    "utm.utm_medium_email": "email",
    "utm.utm_medium_phone": "phone",
    "utm.utm_medium_direct": "walk_in",
    "utm.utm_medium_facebook": "social",
    "utm.utm_medium_twitter": "social",
    "utm.utm_medium_linkedin": "social",
    "utm.utm_medium_banner": "campaign_click",
}
ACTIVITY_CATEGORY_CHANNELS = {"phonecall": "phone", "meeting": "meeting"}


class CrmLead(models.Model):
    _inherit = "crm.lead"

    touchpoint_ids = fields.One2many("crm.touchpoint", "lead_id", "Touchpoints")
    touchpoint_count = fields.Integer(compute="_compute_touchpoint_count")
    first_touch_id = fields.Many2one(
        "crm.touchpoint",
        compute="_compute_first_last_touch",
        store=True,
        index="btree_not_null",
        help="The first interaction of the customer journey of this lead. Glossary: First touch.",
    )
    last_touch_id = fields.Many2one(
        "crm.touchpoint",
        compute="_compute_first_last_touch",
        store=True,
        index="btree_not_null",
        help="The last interaction before the lead was converted into an opportunity (or the "
        "latest one while it is not converted). Glossary: Last touch.",
    )
    first_touch_channel = fields.Selection(
        related="first_touch_id.channel", store=True, string="First Touch Channel"
    )
    last_touch_channel = fields.Selection(
        related="last_touch_id.channel", store=True, string="Last Touch Channel"
    )

    def _compute_touchpoint_count(self):
        counts = dict(
            self.env["crm.touchpoint"]._read_group(
                [("lead_id", "in", self.ids)], ["lead_id"], ["__count"]
            )
        )
        for lead in self:
            lead.touchpoint_count = counts.get(lead, 0)

    @api.depends("touchpoint_ids.date", "date_conversion")
    def _compute_first_last_touch(self):
        for lead in self:
            touches = lead.touchpoint_ids.sorted(lambda t: (t.date, t.id))
            lead.first_touch_id = touches[:1]
            before = touches
            converted = lead.date_conversion
            if converted:
                before = touches.filtered(lambda t, d=converted: t.date <= d) or touches[:1]
            lead.last_touch_id = before[-1:]

    # ------------------------------------------------------------------ automatic logging
    @api.model
    def _touchpoint_medium_channels(self):
        """UTM medium xml id → touchpoint channel; extend to map your own media."""
        return dict(MEDIUM_CHANNELS)

    def _touchpoint_channel_from_utm(self):
        self.ensure_one()
        if self.medium_id:
            xmlid = self.medium_id.get_external_id().get(self.medium_id.id)
            channels = self._touchpoint_medium_channels()
            if xmlid in channels:
                return channels[xmlid]
        if self.campaign_id:
            return "campaign_click"
        return "other"

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        if not self.env.context.get("crm_touchpoint_skip"):
            for lead in leads:
                self.env["crm.touchpoint"]._log(
                    lead,
                    lead._touchpoint_channel_from_utm(),
                    "inbound",
                    summary=_("Lead created: %s", lead.name),
                    date=lead.create_date,
                )
        return leads

    def _message_post_after_hook(self, message, msg_vals):
        res = super()._message_post_after_hook(message, msg_vals)
        message_type = msg_vals.get("message_type", message.message_type)
        author = self.env["res.partner"].browse(msg_vals.get("author_id", message.author_id.id))
        # OdooBot (automations, scheduled actions) writes for the company too
        users = author.with_context(active_test=False).user_ids
        internal = author == self.env.ref("base.partner_root") or any(
            not user.share for user in users
        )
        channel = direction = None
        if message_type == "email":
            channel, direction = "email", "inbound"
        elif message_type == "sms":
            # an SMS posted by a user (or an automation) went out; one from the customer is
            # a reply received through an SMS panel
            channel, direction = "sms", "outbound" if internal else "inbound"
        elif message_type in ("comment", "email_outgoing") and not msg_vals.get(
            "mail_activity_type_id"
        ):
            subtype_id = msg_vals.get("subtype_id", message.subtype_id.id)
            if subtype_id == self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment"):
                channel, direction = "email", "outbound" if internal else "inbound"
        if channel:
            self.env["crm.touchpoint"]._log(
                self,
                channel,
                direction,
                summary=msg_vals.get("subject") or message.subject or self.name,
                date=message.date,
                res_model="mail.message",
                res_id=message.id,
            )
        return res

    def _merge_dependences(self, opportunities):
        """The merged leads' touchpoints belong to the customer journey of the lead they are
        merged into (they would be deleted with the merged leads otherwise)."""
        res = super()._merge_dependences(opportunities)
        touchpoints = opportunities.touchpoint_ids.sudo()
        on_leads = touchpoints.filtered(lambda t: t.res_model == self._name)
        on_leads.write({"lead_id": self.id, "res_id": self.id})
        (touchpoints - on_leads).write({"lead_id": self.id})
        return res

    def action_view_touchpoints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_glossary_core.action_crm_touchpoint"
        )
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = {
            "default_lead_id": self.id,
            "default_partner_id": self.partner_id.id,
        }
        return action

    def action_log_touchpoint(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Log a Touchpoint"),
            "res_model": "crm.touchpoint",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_lead_id": self.id,
                "default_partner_id": self.partner_id.id,
                "default_campaign_id": self.campaign_id.id,
                "default_source_id": self.source_id.id,
                "default_medium_id": self.medium_id.id,
                "default_res_model": self._name,
                "default_res_id": self.id,
            },
        }
