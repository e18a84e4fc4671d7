from . import crm_ticket
from . import repair_order
