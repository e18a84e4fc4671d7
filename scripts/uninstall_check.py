"""Uninstall the Persian localization from a tested database and check the data left behind.

Usage: uninstall_check.py DATABASE ADDONS_PATH

Run by scripts/test on the database its Odoo tier has just tested (every suite module, demo
data): crm_persian and its bridges are uninstalled with Odoo's own uninstall, then the
records that module touched (contacts, leads, tickets, invoices, quotas, saved filters) must
still read, search, group and render their forms. Prints the problems found (on standard
error), then one line "passed failed skipped" for scripts/test.
"""

import sys
import traceback

LOCALIZATION = ["crm_persian_address_extended", "crm_persian_spreadsheet", "crm_persian"]
# Models whose records crm_persian extends, with a field searched the way users search them.
CHECKED = {
    "res.partner": "name",
    "crm.lead": "name",
    "crm.ticket": "name",
    "account.move": "name",
    "crm.quota": "name",
    "ir.filters": "name",
}


def check(env):
    """Problems (strings) found after the uninstall."""
    problems = []
    modules = env["ir.module.module"].search([("name", "in", LOCALIZATION)])
    left = modules.filtered(lambda m: m.state != "uninstalled")
    if left:
        problems.append(f"still installed: {', '.join(left.mapped('name'))}")
    for model, field in CHECKED.items():
        if model not in env:
            problems.append(f"{model}: model missing after the uninstall")
            continue
        Model = env[model].with_context(active_test=False)
        try:
            records = Model.search([])
            if not records:
                problems.append(f"{model}: no record left")
                continue
            records.read(list(Model._fields))
            Model.search([(field, "ilike", "a")], limit=5)
            Model.read_group([], [field], ["create_date:month"], lazy=False)
            Model.get_views([(False, "form"), (False, "list"), (False, "search")])
        # every failure is reported, none stops the check
        except Exception:
            problems.append(f"{model}: {traceback.format_exc(limit=3)}")
    filters = env["ir.filters"].search([("model_id", "in", list(CHECKED))])
    kept = filters.filtered(lambda f: f.name == "Won leads by Jalali quarter")
    if not kept or "jalali" in (kept.context or ""):
        problems.append("the saved pivot on a Jalali field is not kept without that field")
    if filters.filtered(lambda f: "jalali" in (f.domain or "")):
        problems.append("a saved filter searching a removed Jalali field is left")
    for saved in filters:
        try:
            env[saved.model_id].search(saved._get_eval_domain(), limit=1)
        except Exception:
            problems.append(f"saved filter {saved.name!r}: {traceback.format_exc(limit=2)}")
    return problems


def main(db, addons_path):
    import odoo
    from odoo.tools import config

    config.parse_config([f"--addons-path={addons_path}", "-d", db, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        modules = env["ir.module.module"].search(
            [("name", "in", LOCALIZATION), ("state", "=", "installed")]
        )
        if not modules:
            print("uninstall check: crm_persian is not installed", file=sys.stderr)
            print(0, 0, 1)
            return 0
        # favourites a Persian user saved on the localization's own fields
        env["ir.filters"].create(
            [
                {
                    "name": "Leads by Jalali month",
                    "model_id": "crm.lead",
                    "domain": "[('create_jalali_year', '!=', False)]",
                    "context": "{'group_by': ['create_jalali_month']}",
                    "user_id": False,
                },
                {
                    "name": "Won leads by Jalali quarter",
                    "model_id": "crm.lead",
                    "domain": "[('probability', '=', 100)]",
                    "context": "{'pivot_row_groupby': ['closed_jalali_quarter', 'user_id']}",
                    "user_id": False,
                },
            ]
        )
        cr.commit()
        modules.button_immediate_uninstall()
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        problems = check(env)
        cr.rollback()
    for problem in problems:
        print(f"PROBLEM: uninstall check: {problem}", file=sys.stderr)
    if not problems:
        print(
            "uninstall check: crm_persian uninstalled, the data it touched reads and renders",
            file=sys.stderr,
        )
    print(1 if not problems else 0, 1 if problems else 0, 0)
    return 1 if problems else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1], sys.argv[2]))
    # a crash of the check is a failed check
    except Exception:
        traceback.print_exc()
        print("PROBLEM: uninstall check crashed", file=sys.stderr)
        print(0, 1, 0)
        sys.exit(1)
