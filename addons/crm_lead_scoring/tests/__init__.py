from . import test_install
from . import test_qualification
from . import test_scoring
from . import test_assignment_reports
from . import test_concurrency
from . import test_tour
from . import test_scoring_triggers
from . import test_qualification_rules
