# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Iranian phone numbers: one canonical form whatever the user typed.

People write the same mobile number as ``۰۹۱۲ ۱۲۳ ۴۵۶۷``, ``0912-123-4567``, ``+98 912 123 4567``,
``00989121234567``, ``989121234567`` or ``9121234567``. :func:`parse` turns all of them into a
:class:`ParsedPhone` whose ``e164`` (``+989121234567``) is the form to store and compare, and
whose ``national`` (``0912 123 4567``) is the form to display. Validation and the
mobile/landline classification come from Google's ``phonenumbers`` metadata for region ``IR``.

No Odoo import: tested with plain pytest. The Odoo layer translates :class:`InvalidPhone`'s
``reason`` into a user message.
"""

import re
from collections import namedtuple

import phonenumbers

REGION = "IR"
COUNTRY_CODE = 98

_TO_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "0123456789" * 2)
# separators people type inside a number; "(0)" of "+98 (0)21 ..." is handled by phonenumbers
_SEPARATORS = re.compile(r"[\s\-./\\\u200c\u200e\u200f\u00a0()]")

ParsedPhone = namedtuple("ParsedPhone", "e164 national international kind region")

#: reasons of :class:`InvalidPhone`
REASONS = ("empty", "not_a_number", "too_short", "too_long", "invalid")

_KINDS = {
    phonenumbers.PhoneNumberType.MOBILE: "mobile",
    phonenumbers.PhoneNumberType.FIXED_LINE: "landline",
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE: "landline",
    phonenumbers.PhoneNumberType.VOIP: "voip",
    phonenumbers.PhoneNumberType.TOLL_FREE: "other",
    phonenumbers.PhoneNumberType.PREMIUM_RATE: "other",
    phonenumbers.PhoneNumberType.SHARED_COST: "other",
    phonenumbers.PhoneNumberType.UAN: "other",
    phonenumbers.PhoneNumberType.PAGER: "other",
    phonenumbers.PhoneNumberType.PERSONAL_NUMBER: "other",
    phonenumbers.PhoneNumberType.VOICEMAIL: "other",
}


class InvalidPhone(ValueError):
    """The text is not a valid phone number; ``reason`` is one of :data:`REASONS`."""

    def __init__(self, number, reason):
        super().__init__(f"{number!r}: {reason}")
        self.number = number
        self.reason = reason


def clean(number):
    """Return ``number`` with Latin digits and without separators; a leading ``+`` is kept."""
    if not number:
        return ""
    return _SEPARATORS.sub("", str(number).translate(_TO_LATIN))


def _candidates(digits):
    """Ways to read a cleaned Iranian-looking number, most explicit first."""
    if digits.startswith("+"):
        yield digits
        return
    if digits.startswith("00"):
        yield "+" + digits[2:]
        return
    yield digits  # national form, parsed with region IR ("0912...", "912...", "021...")
    if digits.startswith(str(COUNTRY_CODE)):
        yield "+" + digits  # "98912..." typed without "+"


def parse(number, region=REGION):
    """Parse ``number`` (any script of digits, separators, ``+98``/``0098``/``98``/``0``).

    ``region`` is the country assumed for a number typed without a country prefix. Numbers of
    other countries with an explicit prefix are accepted too (``+44 ...``). Raises
    :class:`InvalidPhone` when the text is not a valid number.
    """
    digits = clean(number)
    if not digits:
        raise InvalidPhone(number, "empty")
    if not re.fullmatch(r"\+?\d+", digits):
        raise InvalidPhone(number, "not_a_number")
    reason = "invalid"
    for candidate in _candidates(digits):
        try:
            parsed = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            number_region = phonenumbers.region_code_for_number(parsed)
            return ParsedPhone(
                e164=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
                national=phonenumbers.format_number(
                    parsed, phonenumbers.PhoneNumberFormat.NATIONAL
                ),
                international=phonenumbers.format_number(
                    parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL
                ),
                kind=_KINDS.get(phonenumbers.number_type(parsed), "other"),
                region=number_region,
            )
        possible = phonenumbers.is_possible_number_with_reason(parsed)
        if possible == phonenumbers.ValidationResult.TOO_SHORT:
            reason = "too_short"
        elif possible == phonenumbers.ValidationResult.TOO_LONG and reason == "invalid":
            reason = "too_long"
    raise InvalidPhone(number, reason)


def to_e164(number, region=REGION):
    """Canonical E.164 form (``+989121234567``), or ``None`` when the number is invalid."""
    try:
        return parse(number, region).e164
    except InvalidPhone:
        return None


def display(number, region=REGION):
    """National form for Iranian numbers (``0912 123 4567``), international form for others,
    the text unchanged when it is not a valid number (nothing the user typed is lost)."""
    try:
        parsed = parse(number, region)
    except InvalidPhone:
        return number
    return parsed.national if parsed.region == REGION else parsed.international


def kind(number, region=REGION):
    """``mobile``, ``landline``, ``voip``, ``other``, or ``None`` when invalid."""
    try:
        return parse(number, region).kind
    except InvalidPhone:
        return None


def is_valid(number, region=REGION):
    return to_e164(number, region) is not None
