from . import models
from . import report
from . import wizards


def post_init_hook(env):
    """Give existing open leads their qualification lines and their first score."""
    leads = env["crm.lead"].search([("qualification_framework_id", "!=", False)])
    leads._qualification_sync_answers()
    env["crm.lead"]._score_recompute(domain=[], force_temperature=True)
