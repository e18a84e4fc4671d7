"""Every suite addon has a sound manifest and the files it names."""

import ast
import os
import re

import pytest
from conftest import ADDONS

MODULES = sorted(
    m for m in os.listdir(ADDONS) if os.path.isfile(os.path.join(ADDONS, m, "__manifest__.py"))
)
SUITE = {"crm_glossary_core", "crm_lead_scoring", "crm_ticketing", "crm_persian"}
# CONVENTIONS.md: each suite module's direct dependencies.
DEPENDS = {
    "crm_glossary_core": {
        "crm",
        "sale_crm",
        "sale_stock",
        "account",
        "utm",
        "mail",
        "web",
        "base_automation",
    },
    "crm_lead_scoring": {"crm_glossary_core"},
    "crm_ticketing": {"crm_glossary_core", "portal", "rating", "resource", "stock", "account"},
    "crm_persian": {
        "crm_glossary_core",
        "crm_lead_scoring",
        "crm_ticketing",
        "phone_validation",
        "sms",
    },
}
REQUIRED = ("name", "summary", "version", "category", "author", "website", "license", "depends")


def manifest(module):
    with open(os.path.join(ADDONS, module, "__manifest__.py"), encoding="utf-8") as fh:
        return ast.literal_eval(fh.read())


def test_the_four_suite_modules_exist():
    assert set(MODULES) >= SUITE


@pytest.mark.parametrize("module", MODULES)
def test_manifest_keys(module):
    data = manifest(module)
    missing = [k for k in REQUIRED if not data.get(k)]
    assert not missing, f"{module}: manifest lacks {missing}"
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", data["version"]), data["version"]
    assert data["license"] == "LGPL-3"
    assert "\n" not in data["summary"]


@pytest.mark.parametrize("module", sorted(SUITE))
def test_depends_follow_conventions(module):
    assert set(manifest(module)["depends"]) == DEPENDS[module]


def test_only_the_top_module_is_an_application():
    apps = {m for m in SUITE if manifest(m).get("application")}
    assert "crm_glossary_core" in apps
    assert "crm_lead_scoring" not in apps and "crm_persian" not in apps


@pytest.mark.parametrize("module", MODULES)
def test_manifest_files_exist(module):
    data = manifest(module)
    files = list(data.get("data", [])) + list(data.get("demo", []))
    for bundle in data.get("assets", {}).values():
        files += [
            f.split(module + "/", 1)[1]
            for f in bundle
            if isinstance(f, str) and f.startswith(module + "/") and "*" not in f
        ]
    missing = [f for f in files if not os.path.exists(os.path.join(ADDONS, module, f))]
    assert not missing, f"{module}: missing {missing}"


@pytest.mark.parametrize("module", MODULES)
def test_module_layout(module):
    path = os.path.join(ADDONS, module)
    for required in (
        "__init__.py",
        "README.rst",
        "readme/DESCRIPTION.md",
        "static/description/icon.png",
        "security/ir.model.access.csv",
        "tests/__init__.py",
    ):
        assert os.path.exists(os.path.join(path, required)), f"{module}: no {required}"


@pytest.mark.parametrize("module", MODULES)
def test_no_import_of_modules_not_depended_on(module):
    """A suite module never imports from a suite module it does not depend on."""
    allowed, todo = set(), [module]
    while todo:
        m = todo.pop()
        if m in allowed:
            continue
        allowed.add(m)
        if m in MODULES:
            todo += manifest(m).get("depends", [])
    pattern = re.compile(r"odoo\.addons\.(\w+)")
    for folder, _dirs, files in os.walk(os.path.join(ADDONS, module)):
        for name in files:
            if name.endswith(".py"):
                with open(os.path.join(folder, name), encoding="utf-8") as fh:
                    for used in pattern.findall(fh.read()):
                        assert used in allowed or used not in MODULES, (
                            f"{folder}/{name} imports {used}, not a dependency of {module}"
                        )
