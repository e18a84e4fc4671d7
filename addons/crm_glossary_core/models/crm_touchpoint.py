# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Touchpoints: every interaction with a lead or contact, the material of the customer journey."""

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

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


RESPONSE_DAYS = 7


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
    activity_type_id = fields.Many2one("mail.activity.type", index=True, ondelete="set null")
    res_model = fields.Char("Related Document Model", index=True)
    res_id = fields.Many2oneReference("Related Document ID", model_field="res_model")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    responded = fields.Boolean(
        help="An outbound touchpoint that the contact answered (an inbound touchpoint on the "
        "same channel within seven days). Used to recommend the contact's best channel.",
    )
    is_reply = fields.Boolean(
        "Reply",
        readonly=True,
        help="An inbound touchpoint that answers an outbound one: the company reached the "
        "contact on the same channel within the seven days before.",
    )

    _sql_constraints = [
        (
            "lead_or_partner",
            "CHECK(lead_id IS NOT NULL OR partner_id IS NOT NULL)",
            "A touchpoint belongs to a lead or to a contact.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        touchpoints = super().create(vals_list)
        touchpoints.filtered(lambda t: t.direction == "inbound")._mark_responded()
        return touchpoints

    def _mark_responded(self):
        """An inbound touch answers the outbound touches of the same channel of the last
        RESPONSE_DAYS days with the same contact: those are marked responded, and the inbound
        touch is a reply. One query for the whole batch (an import or a mail gateway run
        creates many inbound touches at once)."""
        inbound = self.filtered("partner_id")
        if not inbound:
            return
        self.flush_model(["partner_id", "channel", "direction", "responded", "date"])
        answers = SQL(", ").join(
            SQL("(%s, %s, %s, %s::timestamp)", t.id, t.partner_id.id, t.channel, t.date)
            for t in inbound
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT outbound.id, outbound.responded, answer.id
                  FROM crm_touchpoint outbound
                  JOIN (VALUES %(answers)s) AS answer(id, partner_id, channel, date)
                    ON answer.partner_id = outbound.partner_id
                   AND answer.channel = outbound.channel
                   AND outbound.date <= answer.date
                   AND outbound.date >= answer.date - %(window)s * INTERVAL '1 day'
                 WHERE outbound.direction = 'outbound'
                """,
                answers=answers,
                window=RESPONSE_DAYS,
            )
        )
        rows = self.env.cr.fetchall()
        answered = {outbound_id for outbound_id, responded, _answer in rows if not responded}
        if answered:
            self.sudo().browse(answered).write({"responded": True})
        replies = {answer_id for _outbound, _responded, answer_id in rows}
        if replies:
            self.sudo().browse(replies).write({"is_reply": True})

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

    @api.model
    def _backfill_from_leads(self):
        """Touchpoints for what existing leads already recorded: their creation (channel from
        the UTM medium) and the emails on them. Set-based; leads with touchpoints are skipped.
        """
        self.env.flush_all()
        medium_channels = [
            (xmlid.split(".")[1], channel)
            for xmlid, channel in self.env["crm.lead"]._touchpoint_medium_channels().items()
        ]
        comment = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment")
        values = SQL(", ").join(SQL("(%s, %s)", name, channel) for name, channel in medium_channels)
        self.env.cr.execute(
            SQL(
                """
                WITH todo AS (
                    SELECT l.* FROM crm_lead l
                     WHERE NOT EXISTS (SELECT 1 FROM crm_touchpoint t WHERE t.lead_id = l.id)
                ),
                medium_channel(name, channel) AS (VALUES %(values)s),
                created AS (
                    INSERT INTO crm_touchpoint (
                        date, channel, direction, summary, lead_id, partner_id,
                        commercial_partner_id, user_id, campaign_id, source_id, medium_id,
                        res_model, res_id, company_id, responded,
                        create_uid, create_date, write_uid, write_date)
                    SELECT l.create_date,
                           COALESCE(mc.channel,
                                    CASE WHEN l.campaign_id IS NOT NULL THEN 'campaign_click'
                                         ELSE 'other' END),
                           'inbound', l.name, l.id, l.partner_id, p.commercial_partner_id,
                           l.create_uid, l.campaign_id, l.source_id, l.medium_id,
                           'crm.lead', l.id, COALESCE(l.company_id, %(company)s), FALSE,
                           %(uid)s, NOW() AT TIME ZONE 'UTC', %(uid)s, NOW() AT TIME ZONE 'UTC'
                      FROM todo l
                      LEFT JOIN res_partner p ON p.id = l.partner_id
                      LEFT JOIN ir_model_data d ON d.model = 'utm.medium'
                            AND d.res_id = l.medium_id AND d.module = 'utm'
                      LEFT JOIN medium_channel mc ON mc.name = d.name
                )
                INSERT INTO crm_touchpoint (
                    date, channel, direction, summary, lead_id, partner_id,
                    commercial_partner_id, user_id, campaign_id, source_id, medium_id,
                    res_model, res_id, company_id, responded,
                    create_uid, create_date, write_uid, write_date)
                SELECT m.date, 'email',
                       CASE WHEN m.message_type = 'email' THEN 'inbound' ELSE 'outbound' END,
                       COALESCE(NULLIF(m.subject, ''), l.name), l.id, l.partner_id,
                       p.commercial_partner_id, l.user_id, l.campaign_id, l.source_id,
                       l.medium_id, 'mail.message', m.id,
                       COALESCE(l.company_id, %(company)s), FALSE,
                       %(uid)s, NOW() AT TIME ZONE 'UTC', %(uid)s, NOW() AT TIME ZONE 'UTC'
                  FROM mail_message m
                  JOIN todo l ON l.id = m.res_id
                  LEFT JOIN res_partner p ON p.id = l.partner_id
                 WHERE m.model = 'crm.lead'
                   AND (m.message_type = 'email'
                        OR (m.message_type = 'comment' AND m.subtype_id = %(comment)s))
                """,
                values=values,
                company=self.env.company.id,
                uid=self.env.uid,
                comment=comment,
            )
        )
        # fresh statistics, or the planner takes the new rows for a handful
        self.env.cr.execute("ANALYZE crm_touchpoint")
        # first touch, and last touch before conversion (the first one if none was before)
        self.env.cr.execute(
            """
            WITH ranked AS (
                SELECT t.lead_id, t.id, t.channel,
                       ROW_NUMBER() OVER (PARTITION BY t.lead_id ORDER BY t.date, t.id)
                           AS first_rank,
                       ROW_NUMBER() OVER (
                           PARTITION BY t.lead_id
                           ORDER BY (t.date <= COALESCE(l.date_conversion, 'infinity'))
                                        DESC,
                                    CASE WHEN t.date <= COALESCE(l.date_conversion,
                                                                 'infinity')
                                         THEN t.date END DESC NULLS LAST,
                                    t.date,
                                    CASE WHEN t.date <= COALESCE(l.date_conversion,
                                                                 'infinity')
                                         THEN -t.id ELSE t.id END
                       ) AS last_rank
                  FROM crm_touchpoint t
                  JOIN crm_lead l ON l.id = t.lead_id
                 WHERE l.first_touch_id IS NULL
            ),
            picked AS (
                SELECT lead_id,
                       MAX(id) FILTER (WHERE first_rank = 1) AS first_id,
                       MAX(channel) FILTER (WHERE first_rank = 1) AS first_channel,
                       MAX(id) FILTER (WHERE last_rank = 1) AS last_id,
                       MAX(channel) FILTER (WHERE last_rank = 1) AS last_channel
                  FROM ranked
                 GROUP BY lead_id
            )
            UPDATE crm_lead l
               SET first_touch_id = p.first_id, first_touch_channel = p.first_channel,
                   last_touch_id = p.last_id, last_touch_channel = p.last_channel
              FROM picked p
             WHERE p.lead_id = l.id
            """
        )
        self.invalidate_model()
        self.env["crm.lead"].invalidate_model(
            ["first_touch_id", "last_touch_id", "first_touch_channel", "last_touch_channel"]
        )

    def action_open_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }
