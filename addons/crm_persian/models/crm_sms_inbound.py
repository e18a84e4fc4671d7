# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""SMS received on a panel's line: customers' replies, brought into the CRM.

Odoo Community cannot receive SMS. Iranian panels keep the messages sent to their lines in an
inbox; the panel model fetches them (``crm.sms.panel._fetch_inbound``) and stores each one
here first, so that nothing fetched is lost, then :meth:`_assign` posts it where the sales
team works: on the sender's open lead, else on the contact with that number, else on a new
lead. The chatter message is an SMS from the customer, which ``crm_glossary_core`` records as
an inbound SMS touchpoint (what lead scoring counts as an SMS reply).
"""

import logging

from markupsafe import Markup

from odoo import _, api, fields, models

from ..tools import phone as phone_tools

_logger = logging.getLogger(__name__)


class CrmSmsInbound(models.Model):
    _name = "crm.sms.inbound"
    _description = "Received SMS"
    _order = "date desc, id desc"
    _rec_name = "number"

    panel_id = fields.Many2one(
        "crm.sms.panel", "SMS Panel", required=True, index=True, ondelete="cascade"
    )
    panel_message_id = fields.Char(
        "Panel Message ID", required=True, help="The panel's identifier of the message."
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    number = fields.Char("Sender", required=True, help="The number as the panel gave it.")
    number_e164 = fields.Char(
        "Sender (canonical)",
        index="btree_not_null",
        help="The sender's number in international form, empty when it is not a valid number.",
    )
    line = fields.Char("Received On", help="The panel line the message was sent to.")
    body = fields.Text(required=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    state = fields.Selection(
        [("received", "Received"), ("assigned", "Assigned")],
        required=True,
        default="received",
        index=True,
        help="Received: fetched from the panel, not yet posted. Assigned: posted on a lead "
        "or a contact.",
    )
    lead_id = fields.Many2one("crm.lead", "Lead/Opportunity", index="btree_not_null")
    partner_id = fields.Many2one("res.partner", "Contact", index="btree_not_null")
    message_id = fields.Many2one("mail.message", "Chatter Message", ondelete="set null")

    _sql_constraints = [
        (
            "panel_message_unique",
            "UNIQUE(panel_id, panel_message_id)",
            "A message of a panel is received once.",
        ),
    ]

    @api.model
    def _store_entries(self, panel, entries):
        """Create the messages of ``entries`` (dicts: ``message_id``, ``number``, ``body``,
        ``date``, ``line``) that ``panel`` did not give before; returns the new records."""
        entries = [entry for entry in entries if entry.get("message_id") and entry.get("number")]
        if not entries:
            return self.browse()
        known = set(
            self.with_context(active_test=False)
            .search(
                [
                    ("panel_id", "=", panel.id),
                    ("panel_message_id", "in", [entry["message_id"] for entry in entries]),
                ]
            )
            .mapped("panel_message_id")
        )
        vals_list, seen = [], set()
        for entry in entries:
            if entry["message_id"] in known or entry["message_id"] in seen:
                continue
            seen.add(entry["message_id"])
            vals_list.append(
                {
                    "panel_id": panel.id,
                    "panel_message_id": entry["message_id"],
                    "company_id": (panel.company_id or self.env.company).id,
                    "number": entry["number"],
                    "number_e164": phone_tools.to_e164(entry["number"]),
                    "line": entry.get("line"),
                    "body": entry.get("body") or "",
                    "date": entry.get("date") or fields.Datetime.now(),
                }
            )
        return self.create(vals_list)

    def _assign(self):
        """Post the received messages on the sender's open lead, else on the contact with
        that number, else on a new lead (an SMS from an unknown number is a new lead)."""
        # run by the scheduler or a manager: the messages go where they belong whoever runs it
        pending = self.sudo().filtered(lambda sms: sms.state == "received")
        if not pending:
            return
        numbers = list(set(pending.mapped("number_e164")) - {False})
        leads_by_number, partners_by_number = {}, {}
        if numbers:
            # the most recently updated open lead of each number, in the message's company
            leads = self.env["crm.lead"].search(
                [
                    ("phone_sanitized", "in", numbers),
                    ("probability", "<", 100),
                ],
                order="write_date desc, id desc",
            )
            for lead in leads:
                leads_by_number.setdefault((lead.phone_sanitized, lead.company_id.id), lead)
            partners = self.env["res.partner"].search(
                [("phone_sanitized", "in", numbers)], order="is_company, id"
            )
            for partner in partners:
                partners_by_number.setdefault(partner.phone_sanitized, partner)
        for sms in pending:
            company_id = sms.company_id.id
            lead = leads_by_number.get((sms.number_e164, company_id)) or leads_by_number.get(
                (sms.number_e164, False)
            )
            partner = partners_by_number.get(sms.number_e164) if sms.number_e164 else False
            if not lead and not partner:
                lead = sms._create_lead()
                if sms.number_e164:
                    leads_by_number[(sms.number_e164, company_id)] = lead
            author = lead.partner_id if lead else partner
            # from the customer (never from the user or scheduler that fetched it)
            message = (lead or partner).message_post(
                body=sms.body,
                message_type="sms",
                subtype_xmlid="mail.mt_comment",
                author_id=author.id,
                email_from=author.email_formatted or False,
            )
            if not lead:
                # a contact's chatter keeps no touchpoints of its own: log the reply
                self.env["crm.touchpoint"]._log(
                    partner,
                    "sms",
                    "inbound",
                    summary=_("SMS reply: %s", sms.body[:80]),
                    date=sms.date,
                    res_model="mail.message",
                    res_id=message.id,
                )
            sms.write(
                {
                    "state": "assigned",
                    "lead_id": lead.id if lead else False,
                    "partner_id": author.id,
                    "message_id": message.id,
                }
            )

    def _create_lead(self):
        self.ensure_one()
        number = phone_tools.display(self.number)
        panel = self.panel_id
        return (
            self.env["crm.lead"]
            .with_company(self.company_id)
            .with_context(crm_touchpoint_skip=True, mail_create_nosubscribe=True)
            .create(
                {
                    "name": _("SMS from %(number)s", number=number),
                    "type": "lead",
                    "phone": self.number,
                    "description": Markup("<p>%s</p>") % self.body,
                    "team_id": panel.inbound_team_id.id or False,
                    "user_id": panel.inbound_team_id.user_id.id or False,
                    "company_id": self.company_id.id,
                }
            )
        )

    def action_assign(self):
        """Post the selected received messages now."""
        self._assign()
