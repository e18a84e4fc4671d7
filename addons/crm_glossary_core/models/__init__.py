from . import crm_lead
from . import crm_touchpoint
from . import res_partner_360
