"""Alphabetical order as each language sorts it.

Czech (ČSN 97 6030): č, ř, š, ž and ch are letters of their own (ch after h);
the other accents (á, é, ě, í, ó, ú, ů, ý, ď, ť, ň) only break ties.
"""

from __future__ import annotations

import unicodedata

_CZECH_ORDER = "a b c č d e f g h ch i j k l m n o p q r ř s š t u v w x y z ž".split()
_RANK = {letter: index for index, letter in enumerate(_CZECH_ORDER)}
_SECONDARY = {
    "á": "a",
    "é": "e",
    "ě": "e",
    "í": "i",
    "ó": "o",
    "ú": "u",
    "ů": "u",
    "ý": "y",
    "ď": "d",
    "ť": "t",
    "ň": "n",
}


def czech_key(text: str) -> tuple:
    lowered = text.casefold()
    primary: list[int] = []
    secondary: list[int] = []
    index = 0
    while index < len(lowered):
        char = lowered[index]
        if lowered.startswith("ch", index):
            primary.append(_RANK["ch"] + 1)
            secondary.append(0)
            index += 2
            continue
        base = _SECONDARY.get(char, char)
        if base in _RANK:
            primary.append(_RANK[base] + 1)
        elif char.isalnum():
            primary.append(100 + ord(base))
        else:
            index += 1
            continue  # spaces and punctuation do not order
        secondary.append(0 if base == char else 1)
        index += 1
    return (primary, secondary, text)


def english_key(text: str) -> tuple:
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    )
    return ("".join(c for c in plain if c.isalnum()), text)


def sort_key(lang: str):
    return czech_key if lang == "cs" else english_key
