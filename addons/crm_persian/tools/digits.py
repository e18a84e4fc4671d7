# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Conversion between Persian (U+06F0..U+06F9), Arabic-Indic (U+0660..U+0669) and Latin digits.

Iranian users type numbers with the Persian keyboard, with the Arabic keyboard (Windows
layouts send Arabic-Indic digits) or with Latin digits; validators and the database work with
Latin digits, screens may show Persian ones. No Odoo import: tested with plain pytest.
"""

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"

_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2)
_TO_PERSIAN = str.maketrans(LATIN_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)


def to_latin(value):
    """Return ``value`` with every Persian or Arabic-Indic digit replaced by its Latin digit.

    Anything that is not a string (``None``, ``False``) is returned unchanged, so the function
    can be applied to ORM values directly.
    """
    if not isinstance(value, str):
        return value
    return value.translate(_TO_LATIN)


def to_persian(value):
    """Return ``value`` with every Latin or Arabic-Indic digit replaced by its Persian digit."""
    if not isinstance(value, str):
        return value
    return value.translate(_TO_PERSIAN)


def only_digits(value):
    """Return the Latin digits of ``value`` (Persian/Arabic digits converted), dropping the
    separators people type (spaces, dashes, dots, slashes). ``''`` for an empty value."""
    if not value:
        return ""
    return "".join(ch for ch in to_latin(str(value)) if ch in LATIN_DIGITS)


def has_only_digits_and_separators(value, separators=" -./\u200c\u00a0"):
    """True when ``value`` holds digits (any script) and the usual separators only."""
    if not value:
        return False
    latin = to_latin(value)
    return any(ch in LATIN_DIGITS for ch in latin) and all(
        ch in LATIN_DIGITS or ch in separators for ch in latin
    )
