"""The test and run commands fail loudly when Odoo or PostgreSQL is missing."""

import os
import stat
import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.fixture
def python_without_odoo(tmp_path):
    """A python3 that starts without site-packages, so ``import odoo`` fails."""
    wrapper = tmp_path / "python-without-odoo"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -S "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    return str(wrapper)


def _run(command, **env):
    full_env = dict(os.environ, **env)
    return subprocess.run(
        command, cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120, check=False
    )


def test_test_command_without_odoo_fails_with_a_clear_message(python_without_odoo):
    result = _run(["scripts/test"], PYTHON=python_without_odoo)
    assert result.returncode == 1
    assert "Odoo 18 cannot be imported" in result.stderr
    assert "README.md" in result.stderr
    assert result.stdout.strip().splitlines()[-1] == "0 passed, 1 failed"


def test_serve_command_without_odoo_fails_with_a_clear_message(python_without_odoo):
    result = _run(["scripts/serve"], PYTHON=python_without_odoo)
    assert result.returncode == 1
    assert "Odoo 18 cannot be imported" in result.stderr


def test_test_command_without_postgres_fails_with_a_clear_message(tmp_path):
    result = _run(["scripts/test"], PGHOST=str(tmp_path), PGPORT="1")
    assert result.returncode == 1
    assert "PostgreSQL is not reachable" in result.stderr
    assert result.stdout.strip().splitlines()[-1] == "0 passed, 1 failed"


def test_unknown_module_is_refused():
    result = _run(["scripts/test", "no_such_module"])
    assert result.returncode == 2
    assert "no_such_module is not a module" in result.stderr


T = "2026-01-01 10:00:00,000 1"
SUMMARY = "tests when loading database 'db'"
LOG_OK = "\n".join(
    [
        f"{T} INFO db odoo.modules.loading: loading 1 modules...",
        f"{T} INFO db odoo.addons.crm_x.tests.test_a: skipped test_b : no reason",
        f"{T} INFO db odoo.tests.result: 0 failed, 0 error(s) of 5 {SUMMARY}",
    ]
)
LOG_BAD = "\n".join(
    [
        f"{T} ERROR db odoo.addons.crm_x.tests.test_a: FAIL: TestA.test_a",
        "Traceback (most recent call last):",
        "AssertionError: 1 != 2",
        f"{T} ERROR db odoo.tests.result: 2 failed, 1 error(s) of 10 {SUMMARY}",
    ]
)


def _report(tmp_path, log, rc="0"):
    path = tmp_path / "odoo.log"
    path.write_text(log)
    result = subprocess.run(
        [
            sys.executable,
            os.path.join(ROOT, "scripts", "odoo_log_report.py"),
            str(path),
            "crm_suite_no_such_database",
            rc,
            "crm_x",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split(), result.stderr


def test_log_report_counts_failures_and_errors(tmp_path):
    counts, stderr = _report(tmp_path, LOG_BAD)
    assert counts == ["7", "3", "0"]
    assert "FAIL: TestA.test_a" in stderr


def test_log_report_never_passes_a_run_it_cannot_verify(tmp_path):
    # Clean log, but the database (and so the module states) cannot be read.
    counts, stderr = _report(tmp_path, LOG_OK)
    assert counts == ["4", "1", "1"]
    assert "cannot read the modules" in stderr


def test_log_report_fails_a_run_without_summary_or_with_odoo_error_code(tmp_path):
    counts, stderr = _report(tmp_path, "nothing\n", rc="1")
    assert counts[1] == "1"
    assert "no test summary" in stderr and "exited with code 1" in stderr
