from . import crm_lead_qualification_wizard
