"""Public services readers may call: a project's `handbook/helplines.yml` and the shipped list.

    - id: linka-bezpeci            # lowercase ASCII, hyphens; unique
      number: "116 111"            # as printed; compared by digits
      name: {cs: Linka bezpečí, en: Linka bezpečí (helpline for children)}
      for: {cs: děti a studenti do 26 let, en: children and students up to 26}   # optional
      hours: {cs: nonstop, en: 24 hours a day}                                   # optional
      free: true                   # optional: free of charge
      languages: [cs]              # optional: languages the line answers in
      emergency: false             # optional: 112, 155, 158…
      source: https://www.linkabezpeci.cz/   # required: where the number is published

Their numbers are never personal data (`privacy.scan(public_numbers=…)`); the
site will use the same entries for tappable helplines and footers.
`public_lines()` is the list shipped with Příručka (`core/data/public_lines.yml`):
nationwide Czech lines, each with the public page that publishes its number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from . import yamlfile
from .errors import did_you_mean
from .numbers import national_digits

SHIPPED = Path(__file__).with_name("data") / "public_lines.yml"
LANGUAGES = ("cs", "en")
_KEYS = ("id", "number", "name", "for", "hours", "free", "languages", "emergency", "source")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# What a printed number may contain besides digits: +420 00420, spaces, dashes, slashes.
_NUMBER = re.compile(r"^\+?[\d \u00a0\u2009\u202f()/.\-]+$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+(?:/\S*)?$")


@dataclass(frozen=True)
class Helpline:
    """One public service; `name`, `for_` and `hours` are per language (cs, en)."""

    id: str
    number: str
    name: dict[str, str]
    source: str
    for_: dict[str, str] | None = None
    hours: dict[str, str] | None = None
    free: bool | None = None
    languages: tuple[str, ...] = ()
    emergency: bool = False
    line: int = 1

    @property
    def digits(self) -> str:
        return national_digits(self.number)


@dataclass(frozen=True)
class Helplines:
    entries: tuple[Helpline, ...] = ()
    path: Path | None = None

    def numbers(self) -> frozenset[str]:
        """The national digits of every number (nine digits, or a short number like 116111)."""
        return frozenset(entry.digits for entry in self.entries)


def _texts(located: yamlfile.Located, key: tuple, value: Any, what: str) -> dict[str, str]:
    example = f"`{key[-1]}: {{cs: …, en: …}}`"
    if not isinstance(value, dict):
        raise located.error(key, f"`{key[-1]}` gives the {what} in Czech and English: {example}")
    for lang in value:
        if lang not in LANGUAGES:
            raise located.error(
                (*key, lang), f"`{key[-1]}` has the languages cs and en, not `{lang}`"
            )
    for lang in LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise located.error(key, f"`{key[-1]}.{lang}` is missing: {example}")
    return {lang: " ".join(value[lang].split()) for lang in LANGUAGES}


def _flag(located: yamlfile.Located, key: tuple, value: Any) -> bool:
    if not isinstance(value, bool):
        raise located.error(key, f"`{key[-1]}` is `true` or `false`, not `{value}`")
    return value


def _entry(located: yamlfile.Located, index: int, raw: Any, seen: dict) -> Helpline:
    key = (index,)
    if not isinstance(raw, dict):
        raise located.error(key, "each helpline is a block starting with `- id: …`")
    for name in raw:
        if name not in _KEYS:
            hint = did_you_mean(name, _KEYS, f"known keys: {', '.join(_KEYS)}")
            raise located.error((*key, name), f"unknown key `{name}`{hint}")
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not _ID.match(entry_id):
        raise located.error(
            (*key, "id"),
            "`id` must be lowercase ASCII letters, digits and hyphens, e.g. linka-bezpeci",
        )
    if entry_id in seen["ids"]:
        raise located.error(
            (*key, "id"), f"duplicate id `{entry_id}` (first on line {seen['ids'][entry_id]})"
        )
    seen["ids"][entry_id] = located.line(*key, "id")
    number = raw.get("number")
    if isinstance(number, int) and not isinstance(number, bool):
        number = str(number)
    digits = national_digits(number) if isinstance(number, str) else ""
    if not isinstance(number, str) or not _NUMBER.match(number) or not 3 <= len(digits) <= 9:
        raise located.error(
            (*key, "number"),
            '`number` is the phone number as printed, in quotes, e.g. `number: "116 111"`',
        )
    if digits in seen["numbers"]:
        raise located.error(
            (*key, "number"),
            f"the number {number} is already listed as `{seen['numbers'][digits]}`",
        )
    seen["numbers"][digits] = entry_id
    if "name" not in raw:
        raise located.error(key, f"helpline `{entry_id}` needs `name: {{cs: …, en: …}}`")
    source = raw.get("source")
    if not isinstance(source, str) or not _URL.match(source.strip()):
        raise located.error(
            (*key, "source") if "source" in raw else key,
            f"helpline `{entry_id}` needs `source:`, the public web page that publishes the "
            "number (https://…)",
        )
    languages = raw.get("languages") or []
    if not isinstance(languages, list) or not all(
        isinstance(lang, str) and _LANGUAGE.match(lang) for lang in languages
    ):
        raise located.error(
            (*key, "languages"), "`languages` is a list of language codes, e.g. `[cs, en]`"
        )
    return Helpline(
        id=entry_id,
        number=number.strip(),
        name=_texts(located, (*key, "name"), raw["name"], "name"),
        source=source.strip(),
        for_=_texts(located, (*key, "for"), raw["for"], "people it is for")
        if raw.get("for") is not None
        else None,
        hours=_texts(located, (*key, "hours"), raw["hours"], "hours")
        if raw.get("hours") is not None
        else None,
        free=_flag(located, (*key, "free"), raw["free"]) if "free" in raw else None,
        languages=tuple(languages),
        emergency=_flag(located, (*key, "emergency"), raw["emergency"])
        if "emergency" in raw
        else False,
        line=located.line(*key) or 1,
    )


def load(path: Path) -> Helplines:
    """Read and validate a helplines file; raise AuthorError naming the line."""
    path = Path(path)
    located = yamlfile.load(path)
    data = located.data
    if data is None:
        return Helplines((), path)
    if not isinstance(data, list):
        raise located.error((), "the helplines file is a list, each entry starting with `- id: …`")
    seen: dict[str, dict] = {"ids": {}, "numbers": {}}
    return Helplines(tuple(_entry(located, i, raw, seen) for i, raw in enumerate(data)), path)


@cache
def public_lines() -> Helplines:
    """The nationwide Czech public lines shipped with Příručka."""
    return load(SHIPPED)
