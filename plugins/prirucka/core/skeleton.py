"""`prirucka init`: a new bilingual knowledge base that builds at once.

The skeleton is package data in `prirucka/init/`: Jinja2 templates for
mkdocs.yml, the editors' README, .gitignore, the home and section pages, the
handbook's files, and `types.yml` naming the sample document of each type.
The sample documents themselves come from `scaffold.document`, the same
skeletons `prirucka new` writes, one per type in `schema.TYPES`. English pages
carry a translation record, so the new base starts with every translation
current. `render` is pure (the files as text); `write` puts them into a new or
empty folder and never overwrites anything.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml

from . import scaffold, translation
from .errors import AuthorError
from .frontmatter import split
from .manifest import KINDS
from .schema import TYPES

INIT_DIR = Path(__file__).resolve().parent.parent / "init"
LANGUAGES = ("cs", "en")  # the default language first
DEFAULT_ORG = "Organizace Příklad, z. s."
DEFAULT_SITE_URL = "https://example.org/"
DEFAULT_SITE_NAMES = {"cs": "Znalostní báze", "en": "Knowledge base"}
_DESCRIPTIONS = {
    "cs": "{org}: znalostní báze v češtině a angličtině",
    "en": "{org}: a knowledge base in Czech and English",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Options:
    site_name: str | None = None  # None: "Znalostní báze" / "Knowledge base"
    site_url: str = DEFAULT_SITE_URL
    org: str = DEFAULT_ORG
    version: str = ""  # Příručka's version, named in mkdocs.yml and the README
    today: dt.date | None = None


@dataclass(frozen=True)
class Sample:
    """Where the sample document of one type goes, and its names per language."""

    kind: str
    folder: str  # "" = the top level
    slug: str
    names: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> section, about, page
    # Extra front matter (text, lists, mappings); {org} and {site_url} are filled in.
    front: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return f"{self.folder}/{self.slug}.md" if self.folder else f"{self.slug}.md"

    def name(self, lang: str, key: str) -> str:
        return self.names.get(lang, {}).get(key) or self.kind.capitalize()


def samples() -> list[Sample]:
    """One sample per document type, in the order of `schema.TYPES`."""
    declared = yaml.safe_load((INIT_DIR / "types.yml").read_text(encoding="utf-8")) or {}
    result = []
    for kind in TYPES:
        spec = declared.get(kind) or {}
        result.append(
            Sample(
                kind=kind,
                folder=spec.get("folder", kind),
                slug=spec.get("slug", "ukazka"),
                names={lang: dict(spec.get(lang) or {}) for lang in LANGUAGES},
                front={str(k): v for k, v in (spec.get("front") or {}).items()},
            )
        )
    return result


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(INIT_DIR),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown and YAML, not HTML
    )
    # A JSON string is a valid YAML scalar: quotes, colons and `#` stay text.
    env.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    return env


def _checked(options: Options) -> Options:
    for label, value in (
        ("--site-name", options.site_name or ""),
        ("--site-url", options.site_url),
        ("--org", options.org),
    ):
        if _CONTROL.search(value):
            raise AuthorError(label, None, "must be one line of text")
    if not options.org.strip():
        raise AuthorError("--org", None, "must name the organisation")
    if options.site_name is not None and not options.site_name.strip():
        raise AuthorError("--site-name", None, "must not be empty")
    if not re.match(r"^https?://[^/\s]+", options.site_url):
        raise AuthorError(
            "--site-url", None, "must be the site's address, e.g. https://example.org/"
        )
    return options


def _with_intro(text: str, intro: str) -> str:
    """`text` with the paragraph `intro` right after the body's first-level heading."""
    body = split(text).body
    lines = body.split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[heading + 1 : heading + 1] = ["", intro.strip()]
    return text[: len(text) - len(body)] + "\n".join(lines)


def _filled(value: Any, names: dict[str, str]) -> Any:
    """`value` with `{org}` and `{site_url}` filled in, in every text inside it."""
    if isinstance(value, str):
        return value.format(**names)
    if isinstance(value, list):
        return [_filled(item, names) for item in value]
    if isinstance(value, dict):
        return {key: _filled(item, names) for key, item in value.items()}
    return value


def _with_front(text: str, keys: dict[str, Any]) -> str:
    """`text` with `keys` added at the end of its front matter."""
    if not keys:
        return text
    body = split(text).body
    head = text[: len(text) - len(body)]
    closing = head.rstrip("\n").rfind("\n") + 1  # the line of the closing `---`
    lines = "".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in keys.items()
    )
    return head[:closing] + lines + head[closing:] + body


def _translated(source_text: str, text: str, source_lang: str) -> str:
    """`text` (a translation) with the record that it matches `source_text` now."""
    record = translation.make_record(split(source_text).body, split(text).body, source_lang)
    return translation.with_record(text, record)


def render(options: Options) -> dict[str, str]:
    """Every file of the new knowledge base: relative path -> text."""
    options = _checked(options)
    env = _environment()
    today = options.today or dt.date.today()
    site_url = options.site_url if options.site_url.endswith("/") else options.site_url + "/"
    names = {lang: options.site_name or DEFAULT_SITE_NAMES[lang] for lang in LANGUAGES}
    org = options.org.strip()
    kinds = samples()
    sections = [sample for sample in kinds if sample.folder]
    printed = next((s for s in kinds if s.kind == "handbook"), None) or next(
        (s for s in kinds if s.kind in KINDS), None
    )
    common = {
        "org": org,
        "site_url": site_url,
        "version": options.version or "0",
        "today": today.isoformat(),
        "site_name_cs": names["cs"],
        "site_name_en": names["en"],
        "description_cs": _DESCRIPTIONS["cs"].format(org=org),
        "description_en": _DESCRIPTIONS["en"].format(org=org),
        "example_section": sections[0].folder if sections else "sekce",
    }

    def template(name: str, **values: object) -> str:
        return env.get_template(name).render(**common, **values)

    files: dict[str, str] = {
        "mkdocs.yml": template("mkdocs.yml.j2"),
        "README.md": template("README.md.j2"),
        ".gitignore": template("gitignore.j2"),
        "handbook/glossary.yml": template("handbook/glossary.yml.j2"),
        "handbook/tags.yml": template("handbook/tags.yml.j2"),
    }
    if printed is not None:
        publication = {
            "id": printed.slug,
            "kind": printed.kind,
            "page": printed.path,
            "title": {lang: printed.name(lang, "page") for lang in LANGUAGES},
        }
        files[f"handbook/{printed.slug}.yml"] = template(
            "handbook/publication.yml.j2", publication=publication
        )

    pages: dict[str, dict[str, str]] = {}  # path -> lang -> text
    for lang in LANGUAGES:
        entries = [
            {
                "link": f"{s.folder}/index.md" if s.folder else s.path,
                "title": s.name(lang, "section" if s.folder else "page"),
                "about": s.name(lang, "about"),
            }
            for s in sections + [s for s in kinds if not s.folder]
        ]
        pages.setdefault("index.md", {})[lang] = template(
            "docs/index.md.j2", lang=lang, site_name=names[lang], entries=entries
        )
        for order, sample in enumerate(sections, start=1):
            pages.setdefault(f"{sample.folder}/index.md", {})[lang] = template(
                "docs/section.md.j2",
                section=sample.name(lang, "section"),
                about=sample.name(lang, "about"),
                order=order,
                page=sample.name(lang, "page"),
                slug=sample.slug,
            )
        for sample in kinds:
            text = scaffold.document(sample.kind, sample.name(lang, "page"), lang, today)
            filled = {"org": org, "site_url": options.site_url}
            text = _with_front(text, {k: _filled(v, filled) for k, v in sample.front.items()})
            pages.setdefault(sample.path, {})[lang] = _with_intro(
                text, template("docs/intro.md.j2", lang=lang)
            )

    source_lang = LANGUAGES[0]
    for path, texts in pages.items():
        for lang, text in texts.items():
            if lang != source_lang:
                text = _translated(texts[source_lang], text, source_lang)
            files[f"docs/{lang}/{path}"] = text
    return files


def write(target: Path, files: dict[str, str]) -> list[Path]:
    """Write `files` into `target`, which must be new or empty; never overwrite anything."""
    if target.exists() and not target.is_dir():
        raise AuthorError(target, None, "is a file; give a new or an empty folder")
    if target.is_dir() and any(target.iterdir()):
        raise AuthorError(
            target,
            None,
            "is not empty; `prirucka init` never overwrites anything: give a new or an empty folder",
        )
    written = []
    for relative, text in files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except FileExistsError:
            raise AuthorError(
                path, None, "appeared while writing; nothing was overwritten"
            ) from None
        written.append(path)
    return written
