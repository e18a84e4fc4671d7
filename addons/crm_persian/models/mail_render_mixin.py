# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Jalali dates in mail templates (``format_date`` and ``format_datetime``), as in reports."""

from odoo import api, models

from .res_users import JALALI_LANGS


class MailRenderMixin(models.AbstractModel):
    _inherit = "mail.render.mixin"

    @api.model
    def _render_eval_context(self):
        """Templates print dates with ``format_date``/``format_datetime``: for a Persian
        email (the language it is rendered in) they print Jalali dates, through the same
        converters as the reports; other languages keep Odoo's Gregorian dates."""
        render_context = super()._render_eval_context()
        gregorian_date = render_context["format_date"]
        gregorian_datetime = render_context["format_datetime"]

        def converter(name, lang_code):
            lang = lang_code or self.env.context.get("lang") or self.env.lang
            if lang not in JALALI_LANGS:
                return None
            return self.env[name].with_context(lang=lang, date_calendar="jalali")

        def format_date(date, date_format=False, lang_code=False):
            field = converter("ir.qweb.field.date", lang_code)
            if field is None or not date:
                return gregorian_date(date, date_format, lang_code)
            return field.value_to_html(date, {"format": date_format} if date_format else {})

        def format_datetime(dt, tz=False, dt_format=False, lang_code=False):
            field = converter("ir.qweb.field.datetime", lang_code)
            if field is None or not dt:
                return gregorian_datetime(dt, tz, dt_format, lang_code)
            options = {"format": dt_format} if dt_format else {}
            if tz:
                options["tz_name"] = tz
            return field.value_to_html(dt, options)

        render_context.update(format_date=format_date, format_datetime=format_datetime)
        return render_context
