# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""SLA policies named a minimum priority ("this priority and higher"); they now name a set
of priorities. Each policy keeps covering the same tickets: its minimum priority and the
higher ones (none, that is all, for a minimum of Low). Odoo drops the old column at the end
of the update."""


def migrate(cr, version):
    cr.execute(
        """
        SELECT 1 FROM information_schema.columns
         WHERE table_name = 'crm_ticket_sla' AND column_name = 'priority'
        """
    )
    if not cr.fetchone():
        return
    cr.execute(
        """
        INSERT INTO crm_ticket_priority_crm_ticket_sla_rel
               (crm_ticket_sla_id, crm_ticket_priority_id)
        SELECT sla.id, priority.id
          FROM crm_ticket_sla sla
          JOIN crm_ticket_priority priority ON priority.code >= sla.priority
         WHERE sla.priority > '0'
        ON CONFLICT DO NOTHING
        """
    )
