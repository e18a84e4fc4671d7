from . import crm_ticket_merge
from . import crm_ticket_split
