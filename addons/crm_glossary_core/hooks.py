# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


def post_init_hook(env):
    """Give the existing leads and customers their history and values, set-based."""
    env["crm.lead.stage.history"]._backfill_from_tracking()
    env["crm.touchpoint"]._backfill_from_leads()
    env["res.partner"]._cron_update_lifecycle_stages(everyone=True)
    # the customers' value, segment, churn risk, tier and phase from the invoices already
    # posted, in every company, rather than after the first nightly run
    env["crm.customer.value"].sudo()._compute_values()
