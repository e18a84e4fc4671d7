"""XML files parse, and every access row names a model that exists."""

import csv
import functools
import glob
import importlib.util
import os
import re

import pytest
from conftest import ADDONS
from lxml import etree

XML_FILES = sorted(glob.glob(os.path.join(ADDONS, "*", "**", "*.xml"), recursive=True))
CSV_FILES = sorted(glob.glob(os.path.join(ADDONS, "*", "security", "ir.model.access.csv")))
MODEL_NAME = re.compile(r"""^\s*_name\s*=\s*["']([\w.]+)["']""", re.M)


def _odoo_source_roots():
    spec = importlib.util.find_spec("odoo")
    if not spec or not spec.submodule_search_locations:
        return []
    pkg = next(iter(spec.submodule_search_locations))
    return [
        p
        for p in (os.path.join(os.path.dirname(pkg), "addons"), os.path.join(pkg, "addons"))
        if os.path.isdir(p)
    ]


@functools.cache
def _defined_models(roots):
    models = {}
    for root in roots:
        for path in glob.glob(os.path.join(root, "*", "**", "*.py"), recursive=True):
            module = os.path.relpath(path, root).split(os.sep)[0]
            with open(path, encoding="utf-8", errors="replace") as fh:
                for name in MODEL_NAME.findall(fh.read()):
                    models.setdefault(name, module)
    return models


@pytest.mark.parametrize("path", XML_FILES, ids=lambda p: os.path.relpath(p, ADDONS))
def test_xml_parses(path):
    etree.parse(path)


def test_there_are_access_files():
    assert len(CSV_FILES) >= 4


@pytest.mark.parametrize("path", CSV_FILES, ids=lambda p: os.path.relpath(p, ADDONS))
def test_access_rows_reference_existing_models(path):
    roots = [ADDONS, *_odoo_source_roots()]
    if len(roots) == 1:
        pytest.fail("Odoo's source cannot be found: the access check needs it")
    models = _defined_models(tuple(roots))
    ids = {f"model_{name.replace('.', '_')}": name for name in models}
    module = os.path.relpath(path, ADDONS).split(os.sep)[0]
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        ref = row["model_id:id"].split(".")[-1]
        assert ref in ids, f"{module}: {row['id']} names unknown model {row['model_id:id']}"
        for perm in ("perm_read", "perm_write", "perm_create", "perm_unlink"):
            assert row[perm] in ("0", "1"), f"{module}: {row['id']} {perm}={row[perm]!r}"
    assert len({r["id"] for r in rows}) == len(rows), f"{module}: duplicate access ids"
