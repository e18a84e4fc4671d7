from . import crm_lead_score_report
from . import crm_scoring_rule_contribution_report
