# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models

from .crm_lead_touchpoint import ACTIVITY_CATEGORY_CHANNELS


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        # Read what the touchpoints need before the done activities are deleted.
        done = [
            (
                activity.res_id,
                activity.activity_type_id,
                activity.summary or activity.activity_type_id.name,
            )
            for activity in self
            if activity.res_model == "crm.lead"
            # a meeting with a calendar event is logged from the event itself
            and not activity.calendar_event_id
        ]
        # a meeting whose activity is done was held (see calendar.event)
        events = self.calendar_event_id
        res = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        events.exists()._touchpoint_log_held(force=True)
        Touchpoint = self.env["crm.touchpoint"]
        for lead_id, activity_type, summary in done:
            lead = self.env["crm.lead"].browse(lead_id).exists()
            if not lead:
                continue
            channel = ACTIVITY_CATEGORY_CHANNELS.get(activity_type.category, "other")
            if activity_type == self.env.ref("mail.mail_activity_data_email", False):
                channel = "email"
            Touchpoint._log(
                lead,
                channel,
                "outbound",
                summary=_("Done: %s", summary),
                activity_type_id=activity_type.id,
            )
        return res
