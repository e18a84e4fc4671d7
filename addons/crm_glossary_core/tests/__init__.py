from . import test_install
from . import test_lead_lifecycle
from . import test_touchpoint
from . import test_attribution_report
from . import test_stage
from . import test_partner
from . import test_security
from . import test_ui
