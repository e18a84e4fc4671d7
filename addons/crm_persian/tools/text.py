# Copyright 2026 CRM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Persian text hygiene: one spelling for the letters that keyboards type in several ways.

Two levels, on purpose:

``normalize(text)`` — what may be *saved* in a name. It only fixes what is a keyboard artefact
and never a spelling choice:

* Arabic yeh ``ي`` (U+064A) and alef maksura ``ى`` (U+0649) → Persian yeh ``ی`` (U+06CC);
  Arabic kaf ``ك`` (U+0643) → Persian keheh ``ک`` (U+06A9). Arabic keyboard layouts (and
  Windows' old Persian layout) send these code points; they look the same but do not match.
* Arabic-Indic digits ``٠..٩`` → Persian digits ``۰..۹`` (Latin digits are left as typed).
* tatweel ``ـ`` (U+0640, a stretching stroke) and invisible zero-width space/BOM removed.
* zero-width non-joiner (ZWNJ, U+200C, the Persian "half space") is *kept* — it is correct
  Persian spelling (``می‌خواهم``) — but repeated ZWNJs become one and ZWNJs next to a space or
  at either end are dropped.
* every kind of space (tab, no-break space, thin spaces, newlines) becomes one space; the
  text is trimmed.

Teh marbuta ``ة``, heh with yeh ``ۀ``, hamza forms ``أ إ ؤ ئ`` and alef with madda ``آ`` are
kept on save: they are real (if variant) spellings — ``آ`` is a letter of its own in Persian
and ``ة``/``ۀ`` appear in Arabic loan words and ezafe — so changing them would change
what the user wrote.

``search_key(text)`` — what is *compared* when searching. Never shown, so it folds
aggressively for recall: everything ``normalize`` does, plus ``ة ۀ ۂ ە ھ`` → ``ه``,
``أ إ ٱ آ`` → ``ا``, ``ؤ`` → ``و``, ``ئ`` → ``ی``, ``ڪ`` → ``ک``, every digit → Latin, all
diacritics (harakat U+064B..U+065F, superscript alef U+0670) removed, and the ZWNJ and
direction marks removed (so ``علی‌رضا`` and ``علیرضا`` match; ``علی رضا`` with a real space
stays a different spelling). Letter case is not folded: searches use ``ILIKE``.

``search_key`` is written with a character translation, deletions and a space collapse only,
so that the very same function can be expressed in SQL (``translate`` + ``regexp_replace``,
see :func:`search_key_sql_parts`) to fill existing rows set-based.
"""

import re

# kept local (same values as digits.py): each tools file imports nothing but the standard
# library, so that it can be loaded and tested on its own
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"

ZWNJ = "\u200c"
TATWEEL = "\u0640"

# every space-like character we fold into a plain space (kept explicit for SQL parity)
_SPACES = "\t\n\r\f\v\u00a0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(
    chr(c) for c in range(0x2000, 0x200B)
)
_INVISIBLE = "\u200b\ufeff"  # zero-width space, byte order mark
_DIRECTION_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"

_SAVE_MAP = {
    "\u064a": "\u06cc",  # ي → ی
    "\u0649": "\u06cc",  # ى → ی
    "\u0643": "\u06a9",  # ك → ک
    **dict(zip(ARABIC_DIGITS, PERSIAN_DIGITS, strict=True)),
    **{ch: " " for ch in _SPACES},
}
_SAVE_TABLE = str.maketrans({**_SAVE_MAP, **dict.fromkeys(TATWEEL + _INVISIBLE)})

_KEY_MAP = {
    **{k: v for k, v in _SAVE_MAP.items() if k not in ARABIC_DIGITS},
    "\u0629": "\u0647",  # ة → ه
    "\u06c0": "\u0647",  # ۀ → ه
    "\u06c2": "\u0647",  # ۂ → ه
    "\u06d5": "\u0647",  # ە → ه
    "\u06be": "\u0647",  # ھ → ه
    "\u0623": "\u0627",  # أ → ا
    "\u0625": "\u0627",  # إ → ا
    "\u0671": "\u0627",  # ٱ → ا
    "\u0622": "\u0627",  # آ → ا
    "\u0624": "\u0648",  # ؤ → و
    "\u0626": "\u06cc",  # ئ → ی
    "\u06aa": "\u06a9",  # ڪ → ک
    **dict(zip(PERSIAN_DIGITS, LATIN_DIGITS, strict=True)),
    **dict(zip(ARABIC_DIGITS, LATIN_DIGITS, strict=True)),
}
_KEY_DELETE = TATWEEL + _INVISIBLE + ZWNJ + _DIRECTION_MARKS + _DIACRITICS
_KEY_TABLE = str.maketrans({**_KEY_MAP, **dict.fromkeys(_KEY_DELETE)})

_MULTI_SPACE = re.compile(" {2,}")
_ZWNJ_RUN = re.compile(ZWNJ + "{2,}")
_ZWNJ_AT_SPACE = re.compile(f" ?{ZWNJ}+ ?")


def _collapse_spaces(value):
    return _MULTI_SPACE.sub(" ", value).strip(" ")


def normalize(value):
    """Return ``value`` with keyboard artefacts fixed (see the module docstring).

    Non-string values (``None``, ``False``) are returned unchanged.
    """
    if not isinstance(value, str) or not value:
        return value
    text = value.translate(_SAVE_TABLE)
    text = _ZWNJ_RUN.sub(ZWNJ, text)

    def _zwnj(match):
        token = match.group(0)
        return " " if token.startswith(" ") or token.endswith(" ") else ZWNJ

    text = _ZWNJ_AT_SPACE.sub(_zwnj, text)
    text = _collapse_spaces(text).strip(ZWNJ)
    return text


def search_key(value):
    """Return the folded comparison key of ``value`` (see the module docstring).

    ``None``/``False``/``''`` give ``False`` so that a stored key is NULL when the text is.
    SQL wildcards (``%`` and ``_``) are left untouched, so a ``like`` pattern can be folded.
    """
    if not isinstance(value, str) or not value:
        return False
    return _collapse_spaces(value.translate(_KEY_TABLE)) or False


def search_key_sql_parts():
    """Return ``(from_chars, to_chars)`` for PostgreSQL's ``translate()`` doing what
    ``search_key`` does before the space collapse: ``from_chars`` lists the mapped characters
    followed by the deleted ones (``translate`` drops characters that have no counterpart in
    ``to_chars``)."""
    mapped = "".join(_KEY_MAP)
    return mapped + _KEY_DELETE, "".join(_KEY_MAP.values())


def is_normalized(value):
    """True when saving ``value`` would not change it."""
    return normalize(value) == value
