import pytest


@pytest.fixture(scope="module")
def digits(addon_tool):
    return addon_tool("crm_persian", "digits")


def test_persian_and_arabic_digits_to_latin(digits):
    assert digits.to_latin("۰۱۲۳۴۵۶۷۸۹") == "0123456789"
    assert digits.to_latin("٠١٢٣٤٥٦٧٨٩") == "0123456789"
    assert digits.to_latin("پلاک ۱۲، واحد ٣") == "پلاک 12، واحد 3"


def test_latin_and_arabic_digits_to_persian(digits):
    assert digits.to_persian("1404/08/25") == "۱۴۰۴/۰۸/۲۵"
    assert digits.to_persian("٣٤") == "۳۴"


def test_round_trip_and_non_strings(digits):
    assert digits.to_latin(digits.to_persian("0912 123 4567")) == "0912 123 4567"
    assert digits.to_latin(False) is False
    assert digits.to_persian(None) is None


def test_only_digits_drops_separators(digits):
    assert digits.only_digits("۰۹۱۲-۱۲۳ ۴۵۶۷") == "09121234567"
    assert digits.only_digits("") == ""
    assert digits.only_digits(None) == ""


def test_has_only_digits_and_separators(digits):
    assert digits.has_only_digits_and_separators("۱۲۳-۴۵۶")
    assert not digits.has_only_digits_and_separators("12a")
    assert not digits.has_only_digits_and_separators(" - ")
    assert not digits.has_only_digits_and_separators("")
