"""Counts in words by the CLDR plural rules of each language (through Babel).

Czech has four forms: "1 dokument", "2 dokumenty", "5 dokumentů", and "many"
for fractions ("1,5 dokumentu"); English two. Nothing here spells an ending
by hand: the category comes from CLDR, the words from core.languages.
"""

from __future__ import annotations

import pickle
from collections.abc import Mapping
from decimal import Decimal
from functools import cache

from babel import Locale, localedata
from babel.plural import PluralRule

# CLDR's order of categories, for listing a language's forms.
ORDER = ("zero", "one", "two", "few", "many", "other")


@cache
def _rule(lang: str) -> PluralRule:
    """`lang`'s CLDR plural rule, read from Babel's data file of that language alone:
    Babel's `Locale` would keep all its locale data (megabytes) for the whole build."""
    try:
        with open(localedata.resolve_locale_filename(lang), "rb") as data:
            rule = pickle.load(data).get("plural_form")  # Babel's own package data
    except (OSError, ValueError):
        rule = None
    return rule if isinstance(rule, PluralRule) else Locale.parse(lang).plural_form


def category(lang: str, count: float | int | Decimal) -> str:
    """The CLDR plural category of `count` in `lang`: 'one', 'few', 'many' or 'other'."""
    if isinstance(count, float):
        # 2.0 is the whole number 2 (category few), 1.5 a fraction (many).
        count = int(count) if count.is_integer() else Decimal(repr(count))
    return _rule(lang)(count)


def categories(lang: str) -> tuple[str, ...]:
    """Every category `lang` distinguishes, in CLDR order ('other' always included)."""
    tags = set(_rule(lang).tags) | {"other"}
    return tuple(tag for tag in ORDER if tag in tags)


def choose(lang: str, count: float | int, forms: Mapping[str, str]) -> str:
    """The form of `forms` (keyed by category) that `count` takes in `lang`.

    A missing category falls back to 'other', so English needs only 'one' and 'other'.
    """
    form = category(lang, count)
    if form in forms:
        return forms[form]
    if "other" in forms:
        return forms["other"]
    raise KeyError(f"no plural form '{form}' or 'other' for {lang}")
