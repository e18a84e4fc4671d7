from . import crm_scoring_rule
from . import crm_lead
from . import website_track
from . import website_visitor
