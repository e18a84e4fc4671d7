# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Touchpoints: every interaction with a lead or contact, the material of the customer journey."""

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

TOUCHPOINT_CHANNELS = [
    ("website_form", "Website form"),
    ("email", "Email"),
    ("phone", "Phone call"),
    ("meeting", "Meeting"),
    ("sms", "SMS"),
    ("chat", "Chat"),
    ("social", "Social media"),
    ("event", "Event"),
    ("walk_in", "Walk-in"),
    ("campaign_click", "Campaign click"),
    ("ticket", "Support ticket"),
    ("other", "Other"),
]


class CrmTouchpoint(models.Model):
    _name = "crm.touchpoint"
    _description = "Touchpoint"
    _order = "date desc, id desc"
    _rec_name = "summary"

    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    channel = fields.Selection(
        TOUCHPOINT_CHANNELS,
        required=True,
        index=True,
        help="How the interaction happened. Glossary: Channel, Touchpoint.",
    )
    direction = fields.Selection(
        [("inbound", "Inbound"), ("outbound", "Outbound")],
        required=True,
        default="inbound",
        help="Inbound: the customer reached out; outbound: the company did.",
    )
    summary = fields.Char(required=True, translate=False)
    lead_id = fields.Many2one("crm.lead", "Lead/Opportunity", index=True, ondelete="cascade")
    partner_id = fields.Many2one(
        "res.partner", "Contact", index=True, ondelete="cascade", check_company=True
    )
    commercial_partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        related="partner_id.commercial_partner_id",
        store=True,
        index=True,
    )
    user_id = fields.Many2one("res.users", "Done by", default=lambda self: self.env.user)
    campaign_id = fields.Many2one("utm.campaign", index=True, ondelete="set null")
    source_id = fields.Many2one("utm.source", index=True, ondelete="set null")
    medium_id = fields.Many2one("utm.medium", index=True, ondelete="set null")
    activity_type_id = fields.Many2one(
        "mail.activity.type", "Activity Type", index=True, ondelete="set null"
    )
    res_model = fields.Char("Related Document Model", index=True)
    res_id = fields.Many2oneReference("Related Document ID", model_field="res_model")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    responded = fields.Boolean(
        help="An outbound touchpoint that the contact answered (an inbound touchpoint on the "
        "same channel within seven days). Used to recommend the contact's best channel.",
    )

    _sql_constraints = [
        (
            "lead_or_partner",
            "CHECK(lead_id IS NOT NULL OR partner_id IS NOT NULL)",
            "A touchpoint belongs to a lead or to a contact.",
        ),
    ]

    @api.constrains("res_model")
    def _check_res_model(self):
        for touchpoint in self.filtered("res_model"):
            if touchpoint.res_model not in self.env:
                raise ValidationError(_("Unknown document model: %s", touchpoint.res_model))

    @api.model
    def _log(self, records, channel, direction="inbound", summary=None, date=None, **extra):
        """Record a touchpoint for each of ``records`` (leads, partners or any document with a
        ``partner_id``), with the UTM of the document when it has one. Returns the touchpoints.

        Other suite modules call this for their own events (SMS, tickets, ...).
        """
        vals_list = []
        for record in records:
            vals = {
                "channel": channel,
                "direction": direction,
                "summary": summary or record.display_name,
                "date": date or fields.Datetime.now(),
                "res_model": record._name,
                "res_id": record.id,
            }
            if record._name == "crm.lead":
                vals["lead_id"] = record.id
                vals["partner_id"] = record.partner_id.id
            elif record._name == "res.partner":
                vals["partner_id"] = record.id
            elif "partner_id" in record._fields:
                vals["partner_id"] = record.partner_id.id
            for fname in ("campaign_id", "source_id", "medium_id", "company_id"):
                if fname in record._fields and record[fname]:
                    vals[fname] = record[fname].id
            vals.update(extra)
            if vals.get("lead_id") or vals.get("partner_id"):
                vals_list.append(vals)
        return self.sudo().create(vals_list).sudo(False)

    def action_open_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }
