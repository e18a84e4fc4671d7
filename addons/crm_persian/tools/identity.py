# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Iranian identity numbers of persons and legal entities.

Every ``validate_*`` function accepts Persian/Arabic digits and the separators people type
(spaces, dashes, dots, slashes), returns the number in Latin digits — the form to store — and
raises :class:`InvalidIdentity` with a ``reason`` the Odoo layer turns into a translated
message. No Odoo import: tested with plain pytest.

* National code (کد ملی) of a person: 10 digits, the last one a check digit. With weights
  10..2 on the first nine digits, ``r = sum % 11``; the check digit is ``r`` when ``r < 2``,
  else ``11 - r``. Ten identical digits pass the checksum but are never issued: rejected.
  Old cards printed without leading zeros (8 or 9 digits) are left-padded with zeros.
* National ID (شناسه ملی) of a legal entity: 11 digits. With ``t`` = the tenth digit + 2,
  ``sum((d[i] + t) * w[i])`` over the first ten digits with weights 29, 27, 23, 19, 17, 29,
  27, 23, 19, 17; ``r = sum % 11`` (10 counts as 0) must equal the eleventh digit. The weight
  is 19 — not 20 as sometimes written: published IDs (e.g. 10380284790, 14003778990,
  10861871900) only pass with 19. Digits 4 to 9 (the entity's serial) are never all zero.
* Economic code (کد اقتصادی): since the Iranian National Tax Administration's new scheme,
  a person's economic code *is* the national code and a legal entity's *is* the national ID;
  codes issued before are 12 digits with no published checksum. Accepted: a valid national
  code (10 digits), a valid national ID (11 digits), or 12 digits (legacy, format only).
* Postal code (کد پستی): 10 digits. Iran Post never uses the digits 0 and 2 in the first five
  digits (the area part, to keep them unambiguous when handwritten), so such codes are
  rejected, as are ten identical digits. The last five digits are not constrained here.
* Registration number (شماره ثبت) at the companies registration office: digits only,
  1 to 10 of them; leading zeros are dropped.
"""

import re

_TO_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "0123456789" * 2)
_SEPARATORS = re.compile(r"[\s\-./\\_\u200c\u200e\u200f]")

#: reasons of :class:`InvalidIdentity`
REASONS = ("empty", "not_digits", "length", "checksum", "repeated", "format")

LEGAL_ID_WEIGHTS = (29, 27, 23, 19, 17, 29, 27, 23, 19, 17)


class InvalidIdentity(ValueError):
    """``value`` is not a valid identity number of kind ``kind``; ``reason`` in REASONS."""

    def __init__(self, kind, value, reason):
        super().__init__(f"{kind} {value!r}: {reason}")
        self.kind = kind
        self.value = value
        self.reason = reason


def clean(value):
    """Latin digits of ``value`` with separators removed (other characters kept, so that the
    validators can reject them)."""
    if not value:
        return ""
    return _SEPARATORS.sub("", str(value).translate(_TO_LATIN))


def _digits(kind, value):
    digits = clean(value)
    if not digits:
        raise InvalidIdentity(kind, value, "empty")
    if not digits.isascii() or not digits.isdigit():
        raise InvalidIdentity(kind, value, "not_digits")
    return digits


def _national_code_ok(digits):
    numbers = [int(c) for c in digits]
    remainder = sum(n * (10 - i) for i, n in enumerate(numbers[:9])) % 11
    check = remainder if remainder < 2 else 11 - remainder
    return numbers[9] == check


def _national_id_ok(digits):
    numbers = [int(c) for c in digits]
    shift = numbers[9] + 2
    total = sum((n + shift) * w for n, w in zip(numbers[:10], LEGAL_ID_WEIGHTS, strict=True))
    remainder = total % 11
    return numbers[10] == (0 if remainder == 10 else remainder)


def validate_national_code(value):
    """Return the 10-digit national code (کد ملی) of ``value`` or raise InvalidIdentity."""
    digits = _digits("national_code", value)
    if len(digits) in (8, 9):
        digits = digits.zfill(10)
    if len(digits) != 10:
        raise InvalidIdentity("national_code", value, "length")
    if len(set(digits)) == 1:
        raise InvalidIdentity("national_code", value, "repeated")
    if not _national_code_ok(digits):
        raise InvalidIdentity("national_code", value, "checksum")
    return digits


def validate_national_id(value):
    """Return the 11-digit national ID (شناسه ملی) of a legal entity or raise."""
    digits = _digits("national_id", value)
    if len(digits) != 11:
        raise InvalidIdentity("national_id", value, "length")
    if len(set(digits)) == 1:
        raise InvalidIdentity("national_id", value, "repeated")
    if int(digits[3:9]) == 0:
        raise InvalidIdentity("national_id", value, "format")
    if not _national_id_ok(digits):
        raise InvalidIdentity("national_id", value, "checksum")
    return digits


def validate_economic_code(value):
    """Return the economic code (کد اقتصادی) of ``value`` or raise (see the module doc)."""
    digits = _digits("economic_code", value)
    if len(digits) == 10:
        try:
            return validate_national_code(digits)
        except InvalidIdentity as error:
            raise InvalidIdentity("economic_code", value, error.reason) from error
    if len(digits) == 11:
        try:
            return validate_national_id(digits)
        except InvalidIdentity as error:
            raise InvalidIdentity("economic_code", value, error.reason) from error
    if len(digits) == 12:
        if len(set(digits)) == 1:
            raise InvalidIdentity("economic_code", value, "repeated")
        return digits
    raise InvalidIdentity("economic_code", value, "length")


def validate_postal_code(value):
    """Return the 10-digit Iranian postal code (کد پستی) of ``value`` or raise."""
    digits = _digits("postal_code", value)
    if len(digits) != 10:
        raise InvalidIdentity("postal_code", value, "length")
    if len(set(digits)) == 1:
        raise InvalidIdentity("postal_code", value, "repeated")
    if "0" in digits[:5] or "2" in digits[:5]:
        raise InvalidIdentity("postal_code", value, "format")
    return digits


def validate_registration_number(value):
    """Return the registration number (شماره ثبت) of ``value`` without leading zeros."""
    digits = _digits("registration_number", value)
    digits = digits.lstrip("0")
    if not digits or len(digits) > 10:
        raise InvalidIdentity("registration_number", value, "length")
    return digits


def is_valid(validator, value):
    """True when ``validator(value)`` accepts ``value``."""
    try:
        validator(value)
    except InvalidIdentity:
        return False
    return True


def format_postal_code(digits):
    """Display form ``12345-67890`` of a valid postal code."""
    return f"{digits[:5]}-{digits[5:]}" if digits and len(digits) == 10 else digits
