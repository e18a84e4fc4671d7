from . import test_page_visit_scoring
