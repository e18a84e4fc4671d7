# Shared by scripts/test and scripts/serve: what the suite needs from the machine.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"

# Prints the error, then the closing line of the test command, and exits 1.
die() {
    echo "" >&2
    echo "ERROR: $*" >&2
    [ -n "${CLOSING_LINE:-}" ] && echo "0 passed, 1 failed"
    exit 1
}

require_odoo() {
    if ! "$PYTHON" -c "import odoo.release, sys; sys.exit(odoo.release.version_info[0] != 18)" \
            >/dev/null 2>&1; then
        die "Odoo 18 cannot be imported by '$PYTHON' (import odoo failed or is not 18.0).
Install Odoo 18.0 Community from source so that this Python can import it
(see 'Local set-up' in README.md), or set PYTHON to a Python that can."
    fi
}

require_postgres() {
    if ! "$PYTHON" -c "import psycopg2; psycopg2.connect(dbname='postgres', connect_timeout=5).close()" \
            >/dev/null 2>&1; then
        die "PostgreSQL is not reachable (host '${PGHOST:-local socket}', port '${PGPORT:-5432}', user '${PGUSER:-$(id -un)}').
Start PostgreSQL 13+ and give this user a role that may create databases
(e.g. 'sudo -u postgres createuser -s $(id -un)'), or set PGHOST/PGPORT/PGUSER/PGPASSWORD."
    fi
}

# Odoo's own addons folders, from the installed odoo package unless ODOO_ADDONS_PATH is set.
odoo_addons_path() {
    if [ -n "${ODOO_ADDONS_PATH:-}" ]; then
        echo "$ODOO_ADDONS_PATH"
        return
    fi
    "$PYTHON" - <<'PY'
import os, odoo
pkg = os.path.dirname(odoo.__file__)
paths = [os.path.join(os.path.dirname(pkg), "addons"), os.path.join(pkg, "addons")]
print(",".join(p for p in paths if os.path.isdir(p)))
PY
}

suite_modules() {
    for d in "$ROOT"/addons/*/__manifest__.py; do
        basename "$(dirname "$d")"
    done
}

# Optional PostgreSQL connection options for Odoo, from the libpq environment.
odoo_db_options() {
    [ -n "${PGHOST:-}" ] && printf -- '--db_host=%s\n' "$PGHOST"
    [ -n "${PGPORT:-}" ] && printf -- '--db_port=%s\n' "$PGPORT"
    [ -n "${PGUSER:-}" ] && printf -- '--db_user=%s\n' "$PGUSER"
    [ -n "${PGPASSWORD:-}" ] && printf -- '--db_password=%s\n' "$PGPASSWORD"
    return 0
}
