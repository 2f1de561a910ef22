"""The helplines the site shows and links: `handbook/helplines.yml`.

One list for every page, contact block, footer and back cover. The build
context will hold it (`ctx.helplines`, loaded and checked by core/helplines.py);
`site_helplines()` uses that when it is there. Until then `read_minimal()`
reads the file itself, with the same schema and only the checks the site
needs: it is the stand-in to delete once the context has the list.

    - id: linka-bezpeci            # lowercase ASCII, hyphens; unique
      number: "116 111"            # as printed; compared by digits
      name: {cs: Linka bezpečí, en: Linka bezpečí (helpline for children)}
      for: {cs: děti a studenti do 26 let, en: children and students up to 26}   # optional
      hours: {cs: nonstop, en: 24 hours a day}                                   # optional
      free: true                   # optional
      languages: [cs]              # optional: languages the line answers in
      emergency: false             # optional
      source: https://www.linkabezpeci.cz/   # required
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError

from ...core.context import BuildContext
from ...core.numbers import national_digits


@dataclass(frozen=True)
class Helpline:
    """One public line (the same fields as core/helplines.py's)."""

    id: str
    number: str
    name: dict[str, str]
    source: str
    for_: dict[str, str] | None = None
    hours: dict[str, str] | None = None
    free: bool | None = None
    languages: tuple[str, ...] = ()
    emergency: bool = False

    @property
    def digits(self) -> str:
        return national_digits(self.number)


def site_helplines(ctx: BuildContext) -> tuple[Any, ...]:
    """The project's helplines: the build context's, or (until it has them) the file's."""
    loaded = getattr(ctx, "helplines", None)
    if loaded is not None:
        return tuple(getattr(loaded, "entries", loaded))
    return read_minimal(ctx.project.handbook_dir / "helplines.yml", ctx.project.languages)


def public_numbers() -> frozenset[str]:
    """National digits of the nationwide public lines shipped with Příručka
    (`core.helplines.public_lines()`: 112, 155, 158, 116 111…, each with its
    source). A page that names one of them gets a `tel:` link even when the
    project's own list leaves it out. Empty where the package has no such list."""
    try:
        from ...core.helplines import public_lines
    except ImportError:  # the shipped list comes with core/helplines.py
        return frozenset()
    return frozenset(public_lines().numbers())


def read_minimal(path: Path, languages: list[str]) -> tuple[Helpline, ...]:
    """Stand-in reader of handbook/helplines.yml (no file: no helplines)."""
    if not path.is_file():
        return ()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise PluginError(f"{path.name}: cannot be read ({error})") from None
    if data is None:
        return ()
    if not isinstance(data, list):
        raise PluginError(f"{path.name}: a list of helplines, each starting with `- id: …`")
    lines = []
    for index, raw in enumerate(data, start=1):
        where = f"{path.name}: helpline {index}"
        if not isinstance(raw, dict) or not raw.get("id") or not raw.get("number"):
            raise PluginError(f"{where} needs `id:` and `number:`")
        if not raw.get("source"):
            raise PluginError(f"{where} needs `source:`, the page that publishes the number")
        lines.append(
            Helpline(
                id=str(raw["id"]),
                number=str(raw["number"]).strip(),
                name=_texts(raw, "name", where, languages, required=True) or {},
                source=str(raw["source"]),
                for_=_texts(raw, "for", where, languages),
                hours=_texts(raw, "hours", where, languages),
                free=raw.get("free") if isinstance(raw.get("free"), bool) else None,
                languages=tuple(raw.get("languages") or ()),
                emergency=raw.get("emergency") is True,
            )
        )
    return tuple(lines)


def _texts(
    raw: dict, key: str, where: str, languages: list[str], required: bool = False
) -> dict[str, str] | None:
    value = raw.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, dict) or any(
        not isinstance(value.get(lang), str) for lang in languages
    ):
        raise PluginError(f"{where}: `{key}` gives a text per language ({', '.join(languages)})")
    return {lang: " ".join(value[lang].split()) for lang in languages}
