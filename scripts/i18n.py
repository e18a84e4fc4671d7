#!/usr/bin/env python3
"""Keep a suite module's translations in step with its code.

    scripts/i18n.py MODULE              export i18n/MODULE.pot from a scratch database where
                                        MODULE is installed, and merge it into i18n/fa.po
                                        (existing Persian translations are kept)
    scripts/i18n.py MODULE --missing    print the msgids of fa.po that have no translation yet,
                                        as a JSON object {msgid: ""} ready to be filled in
    scripts/i18n.py MODULE --apply F    write the translations of the JSON object in F
                                        ({msgid: msgstr}) into fa.po

Environment: PYTHON-independent (runs Odoo as "python3 -m odoo"); TEST_TEMPLATE_DB to copy
the scratch database from a template (faster); PGHOST/PGPORT/PGUSER as for libpq.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

import polib
import psycopg2

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _addons_path():
    import odoo

    pkg = os.path.dirname(odoo.__file__)
    paths = [os.path.join(os.path.dirname(pkg), "addons"), os.path.join(pkg, "addons")]
    paths = [p for p in paths if os.path.isdir(p)]
    return ",".join([os.environ.get("ODOO_ADDONS_PATH") or ",".join(paths), f"{ROOT}/addons"])


def _admin(sql):
    conn = psycopg2.connect(dbname="postgres")
    conn.autocommit = True
    conn.cursor().execute(sql)
    conn.close()


def export(module):
    db = f"crm_suite_i18n_{module}_{int(time.time())}_{os.getpid()}"
    template = os.environ.get("TEST_TEMPLATE_DB")
    if template:
        _admin(f'CREATE DATABASE "{db}" TEMPLATE "{template}"')
    base = [sys.executable, "-m", "odoo", f"--addons-path={_addons_path()}", "-d", db]
    base += ["--log-level=warn", "--max-cron-threads=0", "--http-port=0", "--no-http"]
    i18n_dir = os.path.join(ROOT, "addons", module, "i18n")
    os.makedirs(i18n_dir, exist_ok=True)
    pot_path = os.path.join(i18n_dir, f"{module}.pot")
    try:
        subprocess.run([*base, "-i", module, "--stop-after-init"], check=True)
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, f"{module}.pot")
            subprocess.run(
                [*base, f"--i18n-export={out}", f"--modules={module}", "--stop-after-init"],
                check=True,
            )
            pot = polib.pofile(out)
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    pot.save(pot_path)
    merge(module, pot)
    print(f"{pot_path}: {len(pot)} msgids")


def _po_path(module):
    return os.path.join(ROOT, "addons", module, "i18n", "fa.po")


def merge(module, pot):
    path = _po_path(module)
    old = polib.pofile(path) if os.path.exists(path) else polib.POFile()
    known = {(e.msgctxt, e.msgid): e.msgstr for e in old if e.msgstr and not e.obsolete}
    by_id = {e.msgid: e.msgstr for e in old if e.msgstr and not e.obsolete}
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "Odoo Server 18.0",
        "Last-Translator": "",
        "Language-Team": "Persian",
        "Language": "fa",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "",
        "Plural-Forms": "nplurals=2; plural=(n > 1);",
    }
    for entry in pot:
        new = polib.POEntry(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgstr=known.get((entry.msgctxt, entry.msgid)) or by_id.get(entry.msgid, ""),
            occurrences=entry.occurrences,
            comment=entry.comment,
            tcomment=entry.tcomment,
            flags=list(entry.flags),
        )
        po.append(new)
    po.save(path)
    missing = sum(1 for e in po if not e.msgstr)
    print(f"{path}: {len(po)} entries, {missing} without translation")


def missing(module):
    po = polib.pofile(_po_path(module))
    json.dump({e.msgid: "" for e in po if not e.msgstr}, sys.stdout, ensure_ascii=False, indent=1)
    print()


def apply(module, json_path):
    with open(json_path, encoding="utf-8") as fh:
        translations = json.load(fh)
    path = _po_path(module)
    po = polib.pofile(path, wrapwidth=0)
    done = 0
    for entry in po:
        if translations.get(entry.msgid):
            entry.msgstr = translations[entry.msgid]
            done += 1
    po.save(path)
    left = sum(1 for e in po if not e.msgstr)
    print(f"{path}: {done} translations written, {left} still missing")


def main(argv):
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__)
    module = argv[0]
    if not os.path.isfile(os.path.join(ROOT, "addons", module, "__manifest__.py")):
        sys.exit(f"{module} is not a module under addons/")
    if argv[1:2] == ["--missing"]:
        missing(module)
    elif argv[1:2] == ["--apply"] and len(argv) == 3:
        apply(module, argv[2])
    elif len(argv) == 1:
        export(module)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
