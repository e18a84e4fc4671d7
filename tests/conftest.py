"""Shared helpers for the pure-Python tests (no Odoo import)."""

import importlib.util
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = os.path.join(ROOT, "addons")


def load_addon_tool(module, name):
    """Import ``addons/<module>/tools/<name>.py`` as a plain module, without Odoo.

    The suite keeps its pure logic (calendars, validators, scoring math) in ``tools/``
    files that import nothing from Odoo, so they can be tested here in milliseconds.
    """
    path = os.path.join(ADDONS, module, "tools", f"{name}.py")
    key = f"_suite_tools_{module}_{name}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[key] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def addon_tool():
    return load_addon_tool
