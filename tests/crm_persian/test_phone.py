import pytest

MOBILE = "+989121234567"
LANDLINE = "+982188776655"


@pytest.fixture(scope="module")
def phone(addon_tool):
    return addon_tool("crm_persian", "phone")


@pytest.mark.parametrize(
    "typed",
    [
        "09121234567",
        "۰۹۱۲۱۲۳۴۵۶۷",
        "٠٩١٢١٢٣٤٥٦٧",
        "۰۹۱۲ ۱۲۳ ۴۵۶۷",
        "0912-123-4567",
        "+98 912 123 4567",
        "+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷",
        "00989121234567",
        "989121234567",
        "9121234567",
        "(0912) 123.4567",
    ],
)
def test_every_way_of_typing_a_mobile_gives_one_canonical_form(phone, typed):
    parsed = phone.parse(typed)
    assert parsed.e164 == MOBILE
    assert parsed.national == "0912 123 4567"
    assert parsed.kind == "mobile"
    assert parsed.region == "IR"


@pytest.mark.parametrize(
    "typed", ["02188776655", "۰۲۱-۸۸۷۷۶۶۵۵", "+98 21 8877 6655", "00982188776655"]
)
def test_landline(phone, typed):
    parsed = phone.parse(typed)
    assert parsed.e164 == LANDLINE
    assert parsed.national == "021 8877 6655"
    assert parsed.kind == "landline"


def test_foreign_number_with_prefix_is_accepted_and_shown_internationally(phone):
    parsed = phone.parse("+44 20 7946 0958")
    assert parsed.e164 == "+442079460958"
    assert parsed.region == "GB"
    assert phone.display("+44 20 7946 0958") == "+44 20 7946 0958"


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("abc", "not_a_number"),
        ("0912x1234567", "not_a_number"),
        ("09121234567890", "too_long"),
        ("0912123", "invalid"),
        ("۰۰۰۰۰۰۰۰۰۰۰", "invalid"),
    ],
)
def test_invalid_numbers_raise_with_a_reason(phone, typed, reason):
    with pytest.raises(phone.InvalidPhone) as info:
        phone.parse(typed)
    assert info.value.reason == reason
    assert info.value.reason in phone.REASONS


def test_helpers_never_lose_the_typed_text(phone):
    assert phone.to_e164("۰۹۱۲۱۲۳۴۵۶۷") == MOBILE
    assert phone.to_e164("not a phone") is None
    assert phone.display("not a phone") == "not a phone"
    assert phone.display("00989121234567") == "0912 123 4567"
    assert phone.kind("02188776655") == "landline"
    assert phone.kind("123") is None
    assert phone.is_valid("+989121234567")
    assert not phone.is_valid("+98912")


def test_clean_keeps_plus_and_converts_digits(phone):
    assert phone.clean("+۹۸ (۹۱۲) ۱۲۳-۴۵۶۷") == "+989121234567"
    assert phone.clean(None) == ""
