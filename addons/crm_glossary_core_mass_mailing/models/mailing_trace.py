# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models

TRACKED_MODELS = ("crm.lead", "res.partner")


class MailingTrace(models.Model):
    _inherit = "mailing.trace"

    def _log_touchpoints(self, channel, direction, summary):
        """Log one touchpoint per trace on a lead or a contact, with the mailing's UTM."""
        Touchpoint = self.env["crm.touchpoint"]
        for trace in self.filtered(lambda t: t.model in TRACKED_MODELS and t.res_id):
            record = self.env[trace.model].browse(trace.res_id).exists()
            if not record:
                continue
            mailing = trace.mass_mailing_id
            Touchpoint._log(
                record,
                channel,
                direction,
                summary=summary % (mailing.subject or mailing.display_name),
                res_model=trace._name,
                res_id=trace.id,
                campaign_id=mailing.campaign_id.id or False,
                source_id=mailing.source_id.id or False,
                medium_id=mailing.medium_id.id or False,
            )

    def set_sent(self, domain=None):
        traces = super().set_sent(domain=domain)
        traces._log_touchpoints("email", "outbound", _("Mailing sent: %s"))
        return traces

    def set_clicked(self, domain=None):
        first = (self + (self.search(domain) if domain else self.browse())).filtered(
            lambda t: not t.links_click_datetime
        )
        traces = super().set_clicked(domain=domain)
        first._log_touchpoints("campaign_click", "inbound", _("Mailing link clicked: %s"))
        return traces
