"""Relationship phase of prospects in crm_glossary_core's customer value math."""

from tests.conftest import load_addon_tool

cv = load_addon_tool("crm_glossary_core", "customer_value")


def test_prospects_without_purchase_are_in_awareness():
    for stage in ("subscriber", "lead", "mql", "sql", "opportunity"):
        assert cv.prospect_phase(stage) == "awareness"
        assert stage in cv.PROSPECT_LIFECYCLE_STAGES


def test_other_partners_without_purchase_have_no_phase():
    for stage in (None, False, "customer", "repeat_customer", "churned", "other"):
        assert cv.prospect_phase(stage) is False
