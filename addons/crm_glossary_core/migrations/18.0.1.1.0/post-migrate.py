# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The KPI digest is sent per company, with that company's figures: its template prints the
amounts in the digest's company currency instead of the manager's main company's. The
template is not updated from the data file (users may have edited it), so only that
expression is replaced, in every language, leaving the rest of the text as it is."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE mail_template t
           SET body_html = replace(body_html::text, 'object.company_id.currency_id',
                                   'ctx[''digest''][''company''].currency_id')::jsonb
          FROM ir_model_data d
         WHERE d.model = 'mail.template' AND d.res_id = t.id
           AND d.module = 'crm_glossary_core' AND d.name = 'mail_template_crm_kpi_digest'
        """
    )
