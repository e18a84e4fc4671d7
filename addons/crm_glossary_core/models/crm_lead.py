# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Lead maturity: the marketing-to-sales hand-off (raw → MQL → SAL → SQL → opportunity)."""

from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

QUALIFICATION_STATUSES = [
    ("raw", "Raw lead"),
    ("mql", "MQL"),
    ("sal", "SAL"),
    ("sql", "SQL"),
    ("opportunity", "Opportunity"),
    ("recycled", "Recycled"),
    ("disqualified", "Disqualified"),
]

# The hand-off is a funnel: a status may move forward (skipping steps dates the skipped ones),
# go back to marketing (recycled) or out (disqualified). Conversion into an opportunity is
# Odoo's own and is accepted from any open status.
ALLOWED_TRANSITIONS = {
    "raw": {"mql", "sal", "sql", "opportunity", "recycled", "disqualified"},
    "mql": {"sal", "sql", "opportunity", "recycled", "disqualified"},
    "sal": {"sql", "opportunity", "recycled", "disqualified"},
    "sql": {"opportunity", "recycled", "disqualified"},
    "opportunity": {"recycled", "disqualified"},
    "recycled": {"raw", "mql", "sal", "sql", "opportunity", "disqualified"},
    "disqualified": {"raw", "mql", "sal", "sql", "opportunity", "recycled"},
}
FUNNEL_ORDER = ["raw", "mql", "sal", "sql", "opportunity"]
STATUS_DATE_FIELDS = {
    "mql": "mql_date",
    "sal": "sal_date",
    "sql": "sql_date",
    "recycled": "recycled_date",
    "disqualified": "disqualified_date",
}

TEMPERATURES = [("cold", "Cold"), ("warm", "Warm"), ("hot", "Hot")]
# Lead values whose change may move the customer's lifecycle stage.
LIFECYCLE_TRIGGERS = {"qualification_status", "stage_id", "active", "partner_id", "type"}


class CrmLead(models.Model):
    _inherit = "crm.lead"

    qualification_status = fields.Selection(
        QUALIFICATION_STATUSES,
        default="raw",
        required=True,
        index=True,
        tracking=True,
        copy=False,
        help="Where the lead stands in the marketing-to-sales hand-off. Glossary: Lead "
        "qualification, MQL, SAL, SQL, Converted lead, Recycled lead.",
    )
    temperature = fields.Selection(
        TEMPERATURES,
        index=True,
        tracking=True,
        help="How ready the lead is to buy: cold, warm or hot. Set by hand, or from the score "
        "when lead scoring is installed. Glossary: Cold / warm / hot lead.",
    )
    mql_date = fields.Datetime(
        "MQL Date", copy=False, readonly=True, help="When the lead became marketing qualified."
    )
    sal_date = fields.Datetime(
        "SAL Date", copy=False, readonly=True, help="When sales accepted the lead."
    )
    sql_date = fields.Datetime(
        "SQL Date", copy=False, readonly=True, help="When sales qualified the lead."
    )
    recycled_date = fields.Datetime(
        copy=False, readonly=True, help="When the lead was last sent back to marketing."
    )
    disqualified_date = fields.Datetime(copy=False, readonly=True)
    recycle_reason = fields.Text(
        copy=False,
        tracking=True,
        help="Why sales sent the lead back to marketing. Glossary: Recycled lead.",
    )
    revisit_date = fields.Date(
        copy=False,
        tracking=True,
        index=True,
        help="When marketing should look at the recycled lead again.",
    )

    # ------------------------------------------------------------------ create / write
    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            if vals.get("type") == "opportunity" and "qualification_status" not in vals:
                vals["qualification_status"] = "opportunity"
            status = vals.get("qualification_status")
            if status in STATUS_DATE_FIELDS:
                vals.setdefault(STATUS_DATE_FIELDS[status], now)
        leads = super().create(vals_list)
        leads._fill_partner_origin()
        leads.partner_id._update_lifecycle_stage()
        return leads

    def write(self, vals):
        partners_before = self.partner_id if "partner_id" in vals else self.env["res.partner"]
        if vals.get("type") == "opportunity" and "qualification_status" not in vals:
            leads = self.filtered(lambda lead: lead.qualification_status != "opportunity")
            res = super().write(vals)
            if leads:
                leads._set_qualification_status("opportunity")
        else:
            res = super().write(vals)
        if LIFECYCLE_TRIGGERS.intersection(vals):
            (partners_before | self.partner_id)._update_lifecycle_stage()
        if "partner_id" in vals:
            self._fill_partner_origin()
        return res

    def _fill_partner_origin(self):
        """The first lead of a contact tells where the contact came from."""
        for lead in self.filtered(lambda lead: lead.partner_id and lead.source_id):
            partner = lead.partner_id.commercial_partner_id
            if not partner.original_source_id:
                partner.sudo().write(
                    {
                        "original_source_id": lead.source_id.id,
                        "original_medium_id": lead.medium_id.id,
                        "original_campaign_id": lead.campaign_id.id,
                    }
                )

    # ------------------------------------------------------------------ transitions
    def _set_qualification_status(self, status, reason=False, revisit_date=False):
        """Move the leads to ``status``, dating the step (and the funnel steps it skips).

        Raises a UserError naming the leads for which the move is not allowed, before
        writing anything.
        """
        if status not in dict(QUALIFICATION_STATUSES):
            raise ValidationError(_("Unknown qualification status: %s", status))
        labels = dict(self._fields["qualification_status"]._description_selection(self.env))
        refused = self.filtered(
            lambda lead: (
                lead.qualification_status != status
                and status not in ALLOWED_TRANSITIONS[lead.qualification_status]
            )
        )
        if refused:
            raise UserError(
                _(
                    "A lead cannot go from “%(current)s” to “%(new)s”: %(leads)s",
                    current=labels[refused[0].qualification_status],
                    new=labels[status],
                    leads=", ".join(refused.mapped("display_name")),
                )
            )
        if status == "recycled":
            if not (reason or "").strip():
                raise UserError(_("Say why the lead goes back to marketing."))
            if revisit_date and revisit_date < fields.Date.context_today(self):
                raise UserError(_("The revisit date cannot be in the past."))
        now = fields.Datetime.now()
        # leads needing the same values are written together: a rescore moves thousands
        groups = defaultdict(list)
        for lead in self.filtered(lambda lead: lead.qualification_status != status):
            vals = {"qualification_status": status}
            if status in FUNNEL_ORDER:
                # Skipped funnel steps are dated too, so funnel reports count them.
                for step in FUNNEL_ORDER[1 : FUNNEL_ORDER.index(status) + 1]:
                    fname = STATUS_DATE_FIELDS.get(step)
                    if fname and not lead[fname]:
                        vals[fname] = now
            elif status in STATUS_DATE_FIELDS:
                vals[STATUS_DATE_FIELDS[status]] = now
            if status == "recycled":
                vals.update(recycle_reason=reason, revisit_date=revisit_date or False)
            groups[tuple(sorted(vals.items()))].append(lead.id)
        for vals, ids in groups.items():
            self.browse(ids).write(dict(vals))
        return True

    def action_mark_mql(self):
        """Marketing hands the lead over: it is marketing qualified."""
        return self._set_qualification_status("mql")

    def action_accept(self):
        """Sales accepts the lead (SAL) and takes it if nobody owns it yet."""
        self._set_qualification_status("sal")
        self.filtered(lambda lead: not lead.user_id).write({"user_id": self.env.uid})
        return True

    def action_qualify(self):
        """Sales confirms the lead is worth pursuing (SQL)."""
        return self._set_qualification_status("sql")

    def action_open_recycle_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Recycle Lead"),
            "res_model": "crm.lead.recycle",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": "crm.lead", "active_ids": self.ids},
        }

    def action_set_lost(self, **additional_values):
        res = super().action_set_lost(**additional_values)
        leads = self.filtered(
            lambda lead: lead.type == "lead" and lead.qualification_status != "disqualified"
        )
        if leads:
            leads._set_qualification_status("disqualified")
        return res

    def toggle_active(self):
        res = super().toggle_active()
        # Restoring a disqualified lead gives it a new start in the funnel.
        self.filtered(
            lambda lead: lead.active and lead.qualification_status == "disqualified"
        ).write({"qualification_status": "raw"})
        return res
