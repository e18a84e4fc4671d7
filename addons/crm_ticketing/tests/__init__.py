from . import test_install
from . import test_sla
from . import test_escalation
from . import test_ticket
from . import test_mail_gateway
from . import test_security
from . import test_portal
from . import test_performance
