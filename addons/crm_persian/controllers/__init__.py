from . import sms_panel
