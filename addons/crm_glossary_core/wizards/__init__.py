from . import crm_lead_recycle
