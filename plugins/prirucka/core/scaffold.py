"""`prirucka new`: a document's first version in both languages, shaped for its type."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from . import translation
from .errors import AuthorError
from .frontmatter import split
from .schema import TYPES
from .textfile import read_text, write_text

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# The usual sections of each type (see shared/domain/DOMAIN.md), Czech and English.
SECTIONS: dict[str, list[tuple[str, str]]] = {
    "page": [("Obsah", "Content")],
    "handbook": [
        ("Co tu najdete", "What you will find here"),
        ("Co můžete udělat", "What you can do"),
        ("Kde hledat pomoc", "Where to find help"),
    ],
    "manual": [
        ("Účel a pro koho je manuál", "Purpose and audience"),
        ("Právní rámec", "Legal frame"),
        ("Zásady", "Principles"),
        ("Fáze rozhovoru", "Interview phases"),
        ("Po rozhovoru", "After the interview"),
        ("Přílohy", "Annexes"),
    ],
    "leaflet": [
        ("Problém", "The problem"),
        ("Řešení", "The solution"),
        ("Jak začít", "How to start"),
    ],
    "methodology": [
        ("Preambule", "Preamble"),
        ("Určeno pro", "Intended for"),
        ("Doporučení", "Recommendations"),
        ("Závaznost", "Status"),
    ],
    "project": [("Popis", "Description"), ("Výsledky", "Results")],
    "report": [
        ("Shrnutí", "Summary"),
        ("Metoda", "Method"),
        ("Zjištění", "Findings"),
        ("Doporučení", "Recommendations"),
        ("Zdroje", "Sources"),
    ],
}
AUDIENCE = {
    "handbook": "parents",
    "manual": "professionals",
    "leaflet": "professionals",
    "methodology": "professionals",
    "project": "professionals",
    "report": "professionals",
    "page": "professionals",
}
PROJECT_KEYS = """# promoter: Organizace, z. s.
# number: CZ03-0000
# region: [jihocesky]            # praha, stredocesky, … moravskoslezsky, cr
# target_groups: [děti, rodiny]
# status: running                 # planned | running | completed
# period: {start: 2025-01, end: 2026-12}
# costs: {initial: 100000, grant: 90000, currency: EUR}
# funder: Fondy EHP
# results: {children_supported: 0}   # achieved figures only; plans go under targets:
# sources:                           # every fact above needs one
#   - title: Název dokumentu, ze kterého údaje pocházejí
#     url: https://example.org/projekt
"""
METHODOLOGY_KEYS = """number: 1/{year}
year: {year}
# issuer: Příručka – redakční rada
binding: false
# reference: PR-MD-{year}/01
"""
PLACEHOLDER = {"cs": "Text doplní redakce.", "en": "Text to be written by the editors."}
SUMMARY = {
    "cs": "Jedna věta o tom, co stránka obsahuje.",
    "en": "One sentence about what the page holds.",
}


@dataclass
class Created:
    files: list[Path]
    nav_added: bool


def _front(kind: str, title: str, lang: str, today: dt.date) -> str:
    lines = [
        f"type: {kind}",
        f"title: {_quoted(title)}",
        f"description: {SUMMARY[lang]}",
        f"audience: [{AUDIENCE[kind]}]",
        f"date: {today.isoformat()}",
    ]
    extra = ""
    if kind == "project":
        extra = PROJECT_KEYS
    elif kind == "methodology":
        extra = METHODOLOGY_KEYS.format(year=today.year)
    return "---\n" + "\n".join(lines) + "\n" + extra + "---\n"


def _quoted(text: str) -> str:
    return f'"{text}"' if re.search(r"[:#\[\]{}&*!|>'\"%@`]", text) else text


def _body(kind: str, title: str, lang: str) -> str:
    index = 0 if lang == "cs" else 1
    parts = [f"# {title}", ""]
    for names in SECTIONS[kind]:
        parts += [f"## {names[index]}", "", PLACEHOLDER[lang], ""]
    return "\n".join(parts)


def document(kind: str, title: str, lang: str, today: dt.date) -> str:
    """A new `kind` document in `lang`: its front matter and the type's usual sections."""
    return _front(kind, title, lang, today) + "\n" + _body(kind, title, lang)


def new_document(
    docs_dir: Path,
    languages: list[str],
    kind: str,
    slug: str,
    section: str = "",
    titles: dict[str, str] | None = None,
    today: dt.date | None = None,
) -> list[Path]:
    """Write docs/<cs>/<section>/<slug>.md and its translation stub; never overwrite."""
    if kind not in TYPES:
        raise AuthorError(
            "prirucka new", None, f"unknown type `{kind}`; use one of: {', '.join(TYPES)}"
        )
    if not SLUG.match(slug):
        raise AuthorError(
            "prirucka new",
            None,
            f"`{slug}` is not a slug: lowercase ASCII letters, digits and hyphens, e.g. kam-se-obratit",
        )
    section = section.strip("/")
    if section and not all(SLUG.match(part) for part in section.split("/")):
        raise AuthorError(
            "prirucka new", None, f"section `{section}` must be folder names like krizovy-rozhovor"
        )
    relative = f"{section}/{slug}.md" if section else f"{slug}.md"
    source_lang = languages[0]
    for lang in languages:
        folder = docs_dir / lang
        for part in section.split("/") if section else []:
            folder = folder / part
            if folder.exists() and not folder.is_dir():
                raise AuthorError(
                    folder, None, f"is a file, not a folder; `--section {section}` needs a folder"
                )
    targets = {lang: docs_dir / lang / relative for lang in languages}
    existing = [str(path) for path in targets.values() if path.exists()]
    if existing:
        raise AuthorError(existing[0], None, "already exists; `prirucka new` never overwrites")
    today = today or dt.date.today()
    titles = titles or {}
    default_title = slug.replace("-", " ").capitalize()
    source_title = titles.get(source_lang) or default_title
    source_text = (
        _front(kind, source_title, source_lang, today)
        + "\n"
        + _body(kind, source_title, source_lang)
    )
    written = []
    write_text(targets[source_lang], source_text)
    written.append(targets[source_lang])
    source_body = split(source_text).body
    for lang in languages[1:]:
        # The stub keeps the source's text (it counts as "missing" until translated)
        # and records what it was made from.
        title = titles.get(lang) or source_title
        stub = _front(kind, title, lang, today) + "\n" + source_body
        record = translation.Record(
            source_lang, translation.text_hash(source_body), None, translation.sections(source_body)
        )
        write_text(targets[lang], translation.with_record(stub, record))
        written.append(targets[lang])
    return written


def add_to_nav(config_file: Path, relative: str) -> bool:
    """Append the page to an explicit block-style `nav:` in mkdocs.yml (nothing to do with an
    automatic one). The edit is checked structurally before it is written: a `nav:` written
    another way (flow style `[…]`, inherited) is refused with the line, never corrupted."""
    from .project import read_config

    text = read_text(config_file)
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if re.match(r"^nav\s*:", line)), None)
    if start is None:
        return False
    refuse = AuthorError(
        config_file,
        start + 1,
        f"`nav:` is not a plain list of `- page` lines; add `- {relative}` to it yourself",
    )
    if lines[start].split(":", 1)[1].split("#", 1)[0].strip():
        raise refuse  # `nav: [a.md, b.md]` or `nav: !ENV …`
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "\t", "-")) or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    indent = (
        re.match(r"^(\s*)-", lines[start + 1]).group(1)
        if end > start + 1 and re.match(r"^\s*-", lines[start + 1])
        else "  "
    )
    before = read_config(config_file).get("nav")
    lines.insert(end, f"{indent}- {relative}")
    updated = "\n".join(lines)
    after = _nav_of(updated, config_file)
    if not isinstance(before, list) or after != [*before, relative]:
        raise refuse
    write_text(config_file, updated)
    return True


def _nav_of(text: str, config_file: Path):
    """The `nav:` of mkdocs.yml text (its own keys only), or None when it does not parse."""
    import yaml

    from .project import _Loader

    try:
        data = yaml.load(text, Loader=_Loader)
    except (yaml.YAMLError, AuthorError, ValueError):
        return None
    return data.get("nav") if isinstance(data, dict) else None
