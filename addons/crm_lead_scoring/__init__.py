from . import models
from . import report
from . import wizards


def post_init_hook(env):
    """Give existing leads their team's framework and answer lines, then score them."""
    Lead = env["crm.lead"]
    for team in env["crm.team"].search([("qualification_framework_id", "!=", False)]):
        Lead.search([("team_id", "=", team.id), ("qualification_framework_id", "=", False)]).write(
            {"qualification_framework_id": team.qualification_framework_id.id}
        )
    leads = Lead.search([("qualification_framework_id", "!=", False)])
    leads._qualification_sync_answers()
    leads._qualification_promote()
    Lead._score_recompute(domain=[], force_temperature=True)
