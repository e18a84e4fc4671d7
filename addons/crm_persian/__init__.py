from . import models
from . import controllers


def uninstall_hook(env):
    """Drop the Jalali SQL functions that grouping by Jalali periods uses."""
    models.crm_persian_jalali_calendar.drop_sql_functions(env.cr)
