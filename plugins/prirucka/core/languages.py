"""The languages Příručka publishes in, and the interface texts readers see."""

from __future__ import annotations

SUPPORTED = ("cs", "en")

# What readers see, per interface language. Keys are stable; add a language by
# adding a block with every key.
_TEXTS: dict[str, dict[str, str]] = {
    "cs": {
        "fallback_notice": "Tato stránka zatím nebyla přeložena do češtiny; čtete {original} originál.",
        "fallback_label": "Nepřeložená stránka",
        "not_found_title": "Stránka nenalezena",
        "not_found_text": "Stránka na této adrese neexistuje. Mohla být přesunuta nebo přejmenována.",
        "not_found_home": "Přejít na úvodní stránku",
        "language_adjective.cs": "český",
        "language_adjective.en": "anglický",
        "language_name.cs": "čeština",
        "language_name.en": "angličtina",
    },
    "en": {
        "fallback_notice": "This page has not been translated yet; you are reading the {original} original.",
        "fallback_label": "Untranslated page",
        "not_found_title": "Page not found",
        "not_found_text": "There is no page at this address. It may have been moved or renamed.",
        "not_found_home": "Go to the home page",
        "language_adjective.cs": "Czech",
        "language_adjective.en": "English",
        "language_name.cs": "Czech",
        "language_name.en": "English",
    },
}


def text(lang: str, key: str, **values: str) -> str:
    """Interface text `key` in `lang` (English when the language is unknown)."""
    table = _TEXTS.get(lang, _TEXTS["en"])
    return table[key].format(**values)


def fallback_notice(reader_lang: str, original_lang: str) -> str:
    """'This page has not been translated yet…' in the reader's language."""
    original = text(reader_lang, f"language_adjective.{original_lang}")
    return text(reader_lang, "fallback_notice", original=original)
