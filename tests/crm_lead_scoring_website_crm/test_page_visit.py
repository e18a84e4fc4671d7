"""Which page views a page visit rule counts (addons/crm_lead_scoring_website_crm/tools)."""

import pytest


@pytest.fixture(scope="module")
def page_visit(addon_tool):
    return addon_tool("crm_lead_scoring_website_crm", "page_visit")


def test_no_pattern_counts_every_page_with_an_address(page_visit):
    assert page_visit.url_matches("", "https://shop.example.ir/")
    assert page_visit.url_matches(None, "https://shop.example.ir/contactus")
    assert not page_visit.url_matches("", None)
    assert not page_visit.url_matches("/pricing", "")


def test_the_pattern_is_plain_text_anywhere_in_the_address_capitals_aside(page_visit):
    assert page_visit.url_matches("/pricing", "https://shop.example.ir/pricing?plan=team")
    assert page_visit.url_matches("/Pricing", "https://shop.example.ir/PRICING")
    assert page_visit.url_matches("utm_campaign=yalda", "https://x.ir/?utm_campaign=yalda")
    assert not page_visit.url_matches("/pricing", "https://shop.example.ir/shop/chair")


def test_sql_wildcards_are_not_wildcards(page_visit):
    assert not page_visit.url_matches("/p%g", "https://shop.example.ir/pricing")
    assert not page_visit.url_matches("/pricin_", "https://shop.example.ir/pricing")
    assert page_visit.url_matches("100%", "https://shop.example.ir/offer/100%")
