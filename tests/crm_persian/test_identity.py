import pytest


@pytest.fixture(scope="module")
def identity(addon_tool):
    return addon_tool("crm_persian", "identity")


VALID_NATIONAL_CODES = ["0499370899", "0790419904", "0084575948", "0013542419", "4608968882"]


@pytest.mark.parametrize("code", VALID_NATIONAL_CODES)
def test_valid_national_codes(identity, code):
    assert identity.validate_national_code(code) == code


def test_national_code_accepts_persian_digits_and_separators(identity):
    assert identity.validate_national_code("۰۴۹۹۳۷۰۸۹۹") == "0499370899"
    assert identity.validate_national_code("٠٤٩٩٣٧٠٨٩٩") == "0499370899"
    assert identity.validate_national_code("049-937089-9") == "0499370899"
    # printed without the leading zeros on old cards
    assert identity.validate_national_code("84575948") == "0084575948"


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("0499370898", "checksum"),
        ("۰۴۹۹۳۷۰۸۹۸", "checksum"),
        ("1111111111", "repeated"),
        ("0000000000", "repeated"),
        ("12345", "length"),
        ("04993708990", "length"),
        ("04993a0899", "not_digits"),
        ("", "empty"),
        (False, "empty"),
    ],
)
def test_invalid_national_codes(identity, code, reason):
    with pytest.raises(identity.InvalidIdentity) as info:
        identity.validate_national_code(code)
    assert info.value.reason == reason
    assert info.value.kind == "national_code"


VALID_NATIONAL_IDS = ["10380284790", "14003778990", "10861871900", "10320894878", "14007650912"]


@pytest.mark.parametrize("national_id", VALID_NATIONAL_IDS)
def test_valid_national_ids(identity, national_id):
    assert identity.validate_national_id(national_id) == national_id


def test_national_id_uses_weight_19_not_20(identity):
    # 10102202005 passes with the weight 20 and fails with the official 19
    assert not identity.is_valid(identity.validate_national_id, "10102202005")
    assert identity.LEGAL_ID_WEIGHTS == (29, 27, 23, 19, 17, 29, 27, 23, 19, 17)


def test_national_id_accepts_persian_digits(identity):
    assert identity.validate_national_id("۱۰۳۸۰۲۸۴۷۹۰") == "10380284790"


@pytest.mark.parametrize(
    ("national_id", "reason"),
    [
        ("10380284792", "checksum"),
        ("10380285692", "checksum"),
        ("11111111111", "repeated"),
        ("1038028479", "length"),
        ("10300000000", "format"),
        ("1038028479x", "not_digits"),
    ],
)
def test_invalid_national_ids(identity, national_id, reason):
    with pytest.raises(identity.InvalidIdentity) as info:
        identity.validate_national_id(national_id)
    assert info.value.reason == reason


def test_economic_code_schemes(identity):
    assert identity.validate_economic_code("۰۴۹۹۳۷۰۸۹۹") == "0499370899"  # person
    assert identity.validate_economic_code("10380284790") == "10380284790"  # legal entity
    assert identity.validate_economic_code("4111-1111-1119") == "411111111119"  # legacy
    for bad, reason in [
        ("0499370898", "checksum"),
        ("10380284792", "checksum"),
        ("111111111111", "repeated"),
        ("123", "length"),
    ]:
        with pytest.raises(identity.InvalidIdentity) as info:
            identity.validate_economic_code(bad)
        assert info.value.reason == reason
        assert info.value.kind == "economic_code"


def test_postal_codes(identity):
    assert identity.validate_postal_code("1193653471") == "1193653471"
    assert identity.validate_postal_code("۱۱۹۳۶-۵۳۴۷۱") == "1193653471"
    assert identity.format_postal_code("1193653471") == "11936-53471"
    for bad, reason in [
        ("0423437584", "format"),
        ("1123653471", "format"),
        ("1111111111", "repeated"),
        ("142386473", "length"),
        ("test", "not_digits"),
    ]:
        with pytest.raises(identity.InvalidIdentity) as info:
            identity.validate_postal_code(bad)
        assert info.value.reason == reason


def test_registration_numbers(identity):
    assert identity.validate_registration_number("۱۲۳۴۵") == "12345"
    assert identity.validate_registration_number("0012345") == "12345"
    for bad, reason in [("000", "length"), ("12345678901", "length"), ("12/3a", "not_digits")]:
        with pytest.raises(identity.InvalidIdentity) as info:
            identity.validate_registration_number(bad)
        assert info.value.reason == reason
