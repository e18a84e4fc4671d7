# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Page visit: an engagement rule that counts the website pages a lead's visitors view."""

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

PAGE_VISIT = "page_visit"


class CrmScoringRule(models.Model):
    _inherit = "crm.scoring.rule"

    # Rules counting page visits go with this module: without it, nothing feeds them.
    channel = fields.Selection(
        selection_add=[(PAGE_VISIT, "Website page visit")],
        ondelete={PAGE_VISIT: "cascade"},
        help="Touchpoints of this channel count; website page visit: the page views of the "
        "website visitors linked to the lead. Glossary: Touchpoint.",
    )
    page_url = fields.Char(
        "Page URL Contains",
        help="Only views of pages whose address contains this text count, e.g. /pricing "
        "(capitals do not matter). Empty: every page the lead's website visitors view.",
    )

    @api.onchange("channel")
    def _onchange_channel_page_visit(self):
        if self.channel == PAGE_VISIT:
            self.direction = False
            self.activity_type_id = False
            self.document_model = False

    @api.constrains("channel", "direction", "activity_type_id", "document_model")
    def _check_page_visit_rule(self):
        for rule in self:
            if rule.channel == PAGE_VISIT and (
                rule.direction or rule.activity_type_id or rule.document_model
            ):
                raise ValidationError(
                    _(
                        "“%s”: a page visit rule counts website page views; a direction, an "
                        "activity type or a related document do not apply to it.",
                        rule.name,
                    )
                )

    def _match_values(self):
        values = super()._match_values()
        values["page_url"] = (self.channel == PAGE_VISIT and self.page_url) or ""
        return values
