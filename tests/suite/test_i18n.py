"""Each suite module ships its translation template and a complete Persian translation."""

import os

import polib
import pytest
from conftest import ADDONS

MODULES = sorted(
    m for m in os.listdir(ADDONS) if os.path.isfile(os.path.join(ADDONS, m, "__manifest__.py"))
)


@pytest.mark.parametrize("module", MODULES)
def test_pot_and_fa_po_exist(module):
    assert os.path.isfile(os.path.join(ADDONS, module, "i18n", f"{module}.pot"))
    assert os.path.isfile(os.path.join(ADDONS, module, "i18n", "fa.po"))


@pytest.mark.parametrize("module", MODULES)
def test_every_msgid_has_a_persian_translation(module):
    pot = polib.pofile(os.path.join(ADDONS, module, "i18n", f"{module}.pot"))
    po = polib.pofile(os.path.join(ADDONS, module, "i18n", "fa.po"))
    translated = {(e.msgctxt, e.msgid) for e in po if e.msgstr.strip() and not e.obsolete}
    missing = [e.msgid for e in pot if e.msgid and (e.msgctxt, e.msgid) not in translated]
    assert not missing, f"{module}: {len(missing)} msgids without Persian, e.g. {missing[:5]}"


@pytest.mark.parametrize("module", MODULES)
def test_placeholders_survive_translation(module):
    import re

    pattern = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
    po = polib.pofile(os.path.join(ADDONS, module, "i18n", "fa.po"))
    for entry in po:
        if entry.msgstr and "python-format" in entry.flags:
            assert sorted(pattern.findall(entry.msgid)) == sorted(pattern.findall(entry.msgstr)), (
                f"{module}: placeholders differ in {entry.msgid!r}"
            )
