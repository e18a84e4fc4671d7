from . import models
from . import controllers


def post_init_hook(env):
    """Phone numbers stored before the install (imports, API, Odoo's forms): valid Iranian
    numbers get their national display form, by batches; invalid text is kept."""
    mixin = env.registry["crm.persian.phone.mixin"]
    for name, model in env.registry.items():
        if not model._abstract and model._auto and issubclass(model, mixin):
            env[name]._persian_format_stored_phones()


def uninstall_hook(env):
    """Leave the data valid without this module: saved filters stop using its fields (they
    are removed next), and the Jalali SQL functions that grouping by Jalali periods uses are
    dropped."""
    Filters = env["ir.filters"]
    Filters._crm_persian_remove_fields(Filters._crm_persian_module_fields())
    models.crm_persian_jalali_calendar.drop_sql_functions(env.cr)
