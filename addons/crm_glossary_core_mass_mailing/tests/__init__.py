from . import test_mailing_touchpoint
