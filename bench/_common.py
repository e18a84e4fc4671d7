"""Shared plumbing of the benchmarks: a scratch database, an Odoo environment, measurements.

Every benchmark prints one line per measurement:

    name  size  seconds  queries  baseline_seconds  ratio

where the baseline is what stock Odoo (or a naive per-record approach) does on the same data,
measured in the same run, and ratio = baseline_seconds / seconds.
"""

import argparse
import contextlib
import os
import subprocess
import sys
import time

import psycopg2

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def addons_path():
    import odoo

    pkg = os.path.dirname(odoo.__file__)
    paths = [os.path.join(os.path.dirname(pkg), "addons"), os.path.join(pkg, "addons")]
    odoo_paths = os.environ.get("ODOO_ADDONS_PATH") or ",".join(
        p for p in paths if os.path.isdir(p)
    )
    return f"{odoo_paths},{ROOT}/addons"


def parser(description, default_size):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--size", type=int, default=default_size, help="number of main records")
    p.add_argument(
        "--db", help="reuse this database (the suite installed) instead of a scratch one"
    )
    p.add_argument("--keep-db", action="store_true", help="do not drop the scratch database")
    p.add_argument(
        "--template",
        default=os.environ.get("TEST_TEMPLATE_DB"),
        help="copy the scratch database from this template",
    )
    return p


def _admin(sql):
    conn = psycopg2.connect(dbname="postgres")
    conn.autocommit = True
    conn.cursor().execute(sql)
    conn.close()


@contextlib.contextmanager
def scratch_env(modules, args):
    """Yield an Odoo environment (superuser) of a database where ``modules`` are installed."""
    db = args.db or f"crm_suite_bench_{int(time.time())}_{os.getpid()}"
    if not args.db:
        if args.template:
            _admin(f'CREATE DATABASE "{db}" TEMPLATE "{args.template}"')
        subprocess.run(
            [
                sys.executable,
                "-m",
                "odoo",
                f"--addons-path={addons_path()}",
                "-d",
                db,
                "-i",
                ",".join(modules),
                "--without-demo=all",
                "--stop-after-init",
                "--log-level=warn",
                "--no-http",
                "--max-cron-threads=0",
            ],
            check=True,
        )
    import odoo
    from odoo.tools import config

    config.parse_config([f"--addons-path={addons_path()}", "-d", db, "--log-level=warn"])
    try:
        registry = odoo.modules.registry.Registry(db)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            yield env
    finally:
        if not args.db and not args.keep_db:
            odoo.sql_db.close_all()
            _admin(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        elif not args.db:
            print(f"# kept database {db}", file=sys.stderr)


def measure(env, fn):
    """Run ``fn()``, flush, and return (seconds, number of SQL queries)."""
    cr = env.cr
    before = cr.sql_log_count
    start = time.perf_counter()
    fn()
    env.flush_all()
    return time.perf_counter() - start, cr.sql_log_count - before


def report(name, size, seconds, queries, baseline_seconds=None):
    """Print one measurement line (ratio = baseline / measured)."""
    base = f"{baseline_seconds:.3f}" if baseline_seconds is not None else "-"
    ratio = f"{baseline_seconds / seconds:.1f}x" if baseline_seconds and seconds else "-"
    print(f"{name:<40} {size:>9} {seconds:>9.3f} {queries:>8} {base:>9} {ratio:>7}", flush=True)


def header():
    print(f"{'name':<40} {'size':>9} {'seconds':>9} {'queries':>8} {'baseline':>9} {'ratio':>7}")
