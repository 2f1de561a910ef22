"""Tags shared by both languages (handbook/tags.yml): each tag has a name per language.

    - id: domestic-violence
      cs: domácí násilí
      en: domestic violence

A page may name a tag by its id or by its name in either language; it is shown
in the page's language, so a Czech tag copied into an English translation
still reads in English. Tags not in the file are shown as written.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import yamlfile

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Vocabulary:
    def __init__(self, entries: list[dict[str, str]]) -> None:
        self.entries = entries
        self._lookup: dict[str, dict[str, str]] = {}
        for entry in entries:
            for value in entry.values():
                self._lookup[value.casefold()] = entry

    def name(self, tag: str, lang: str) -> str:
        entry = self._lookup.get(tag.casefold())
        return entry.get(lang, tag) if entry else tag

    def names(self, tags: list[str], lang: str) -> list[str]:
        return list(dict.fromkeys(self.name(tag, lang) for tag in tags))


def load(path: Path, languages: list[str]) -> Vocabulary:
    """The vocabulary at `path` (empty without the file); AuthorError with the line when wrong."""
    if not path.is_file():
        return Vocabulary([])
    located = yamlfile.load(path)
    data = located.data or []
    if not isinstance(data, list):
        raise located.error(
            (), "tags.yml is a list of tags, each `- id: …` with a name per language"
        )
    entries = []
    seen: dict[str, str] = {}
    for index, raw in enumerate(data):
        if (
            not isinstance(raw, dict)
            or not isinstance(raw.get("id"), str)
            or not _ID.match(raw["id"])
        ):
            raise located.error(
                (index,),
                "each tag needs an `id` (lowercase ASCII letters and hyphens, in quotes if it "
                'is a number: id: "2025") and a name per language',
            )
        unknown = sorted(set(raw) - {"id", *languages})
        if unknown:
            raise located.error(
                (index, unknown[0]),
                f"unknown key `{unknown[0]}`; a tag has `id` and {', '.join(languages)}",
            )
        missing = [
            lang
            for lang in languages
            if not isinstance(raw.get(lang), (str, int, float)) or not str(raw[lang]).strip()
        ]
        if missing:
            raise located.error((index,), f"tag `{raw['id']}` has no {' and '.join(missing)} name")
        entry = {"id": raw["id"], **{lang: str(raw[lang]).strip() for lang in languages}}
        for value in entry.values():
            key = value.casefold()
            if key in seen and seen[key] != entry["id"]:
                raise located.error((index,), f"“{value}” is already a name of tag `{seen[key]}`")
            seen[key] = entry["id"]
        entries.append(entry)
    return Vocabulary(entries)
