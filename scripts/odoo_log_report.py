"""Read the log of an Odoo test run and say whether it passed.

Usage: odoo_log_report.py LOG DATABASE ODOO_EXIT_CODE MODULE [MODULE ...]

Prints the problems it finds, then one line "passed failed skipped" for scripts/test.
A run fails on: a non-zero exit code of Odoo, any ERROR or CRITICAL log line, any test
failure or error, a traceback, a module left uninstalled, or a run with no test at all.
"""

import re
import sys

import psycopg2

LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) (?P<logger>\S+): "
)
SUMMARY = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
SKIPPED = re.compile(r"^\d{4}-.* INFO \S+ \S+: skipped ")


def main(log_path, db, odoo_rc, modules):
    problems = []
    run = failed = errors = skipped = 0
    summary_seen = False
    with open(log_path, encoding="utf-8", errors="replace") as fh:
        lines = fh.read().splitlines()
    for number, text in enumerate(lines, 1):
        m = LINE.match(text)
        if m and m["level"] in ("ERROR", "CRITICAL"):
            problems.append(f"log line {number}: {text}")
        elif text.startswith("Traceback (most recent call last)") and not (
            problems and problems[-1].startswith(f"log line {number - 1}:")
        ):
            problems.append(f"log line {number}: traceback")
        if SKIPPED.match(text):
            skipped += 1
        s = SUMMARY.search(text)
        if s:
            summary_seen = True
            failed, errors, run = (int(x) for x in s.groups())
    if int(odoo_rc) != 0:
        problems.append(f"Odoo exited with code {odoo_rc}")
    if not summary_seen:
        problems.append("Odoo printed no test summary: the tests did not run")
    elif run == 0:
        problems.append("Odoo ran no test")
    try:
        with psycopg2.connect(dbname=db) as conn, conn.cursor() as cr:
            cr.execute(
                "SELECT name, state FROM ir_module_module WHERE name = ANY(%s)", [list(modules)]
            )
            states = dict(cr.fetchall())
        conn.close()
    except psycopg2.Error as exc:
        states = {}
        problems.append(f"cannot read the modules of database {db}: {exc}".strip())
    for module in modules:
        if states.get(module) != "installed":
            problems.append(f"module {module} is not installed (state: {states.get(module)})")
    for problem in problems:
        print("PROBLEM:", problem, file=sys.stderr)
    bad = failed + errors
    if problems and not bad:
        bad = 1
    print(
        f"odoo: {run} tests run, {failed} failed, {errors} errors, {skipped} skipped",
        file=sys.stderr,
    )
    print(max(run - failed - errors - skipped, 0), bad, skipped)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
