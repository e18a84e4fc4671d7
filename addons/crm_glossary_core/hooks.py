# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


def post_init_hook(env):
    """Give the existing leads and customers their history, set-based."""
    env["crm.lead.stage.history"]._backfill_from_tracking()
    env["crm.touchpoint"]._backfill_from_leads()
    env["res.partner"]._cron_update_lifecycle_stages(everyone=True)
