from . import test_install
from . import test_qualification
from . import test_scoring
