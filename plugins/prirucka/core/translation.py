"""Which translation was made from which version of its source, and what drifted since.

A translated page records in its front matter the language it was translated
from and a hash of the source's normalised text at the time:

    translation:
      from: cs
      source_hash: n1:9f2c4e1a7b3d5e6f
      translation_hash: n1:0a1b2c3d4e5f6a7b   # the translation's own text when recorded
      sections:                               # the source's sections when recorded
        Účel: 3c1d2e4f5a6b
        Právní rámec: 9e8d7c6b5a4f

Hashes work without git; `n1:` names the normalisation, so the rule can change.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

from .errors import AuthorError
from .frontmatter import Document, read, split
from .languages import SUPPORTED
from .mdtext import headings

NORMALISATION = "n1"
INTRO = "_intro"  # the text before the first heading
STATES = ("current", "outdated", "missing", "untracked", "orphaned", "edited")
_RECORD_KEYS = {"from", "source_hash", "translation_hash", "sections"}


def normalise(body: str) -> str:
    """What a reader would see changes; line endings, trailing spaces and blank-line runs do not."""
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    return "\n".join(out).strip("\n")


def text_hash(body: str) -> str:
    return f"{NORMALISATION}:" + hashlib.sha256(normalise(body).encode("utf-8")).hexdigest()[:16]


def sections(body: str) -> dict[str, str]:
    """Each section (by its heading's text) with a short hash of its normalised text."""
    parts: dict[str, list[str]] = {INTRO: []}
    current = INTRO
    text = body.replace("\r\n", "\n")
    starts = {heading.offset: heading.text for heading in headings(text)}
    offset = 0
    for line in text.split("\n"):
        heading = starts.get(offset)
        offset += len(line) + 1
        if heading is not None:
            current = heading
            name, number = current, 2
            while name in parts:  # the same heading twice: number the repeats
                name, number = f"{current} ({number})", number + 1
            current = name
            parts[current] = []
        parts[current].append(line)
    return {
        name: hashlib.sha256(normalise("\n".join(lines)).encode()).hexdigest()[:12]
        for name, lines in parts.items()
        if normalise("\n".join(lines)) or name != INTRO
    }


@dataclass(frozen=True)
class Record:
    source_lang: str
    source_hash: str
    translation_hash: str | None = None
    sections: dict[str, str] = field(default_factory=dict)


def read_record(doc: Document, lang: str, languages: list[str]) -> Record | None:
    """The page's translation record, validated; None when it has none."""
    raw = doc.meta.get("translation")
    if raw is None:
        return None
    line = doc.key_line("translation")

    def fail(message: str) -> AuthorError:
        return AuthorError(doc.path, line, f"`translation`: {message}")

    if not isinstance(raw, dict):
        raise fail(
            "must be a block with `from:` and `source_hash:` (run `prirucka sync` to write it)"
        )
    unknown = sorted(set(raw) - _RECORD_KEYS)
    if unknown:
        raise fail(f"unknown key `{unknown[0]}`; known keys: {', '.join(sorted(_RECORD_KEYS))}")
    source = raw.get("from")
    if source not in SUPPORTED or source not in languages:
        raise fail(
            f"`from: {source}` is not a language of this site; use one of {', '.join(languages)}"
        )
    if source == lang:
        raise fail(
            f"`from: {source}` names the page's own language; a translation comes from another language"
        )
    source_hash = raw.get("source_hash")
    if not isinstance(source_hash, str) or not source_hash.strip():
        raise fail("`source_hash` is missing; run `prirucka sync` to record it")
    translation_hash = raw.get("translation_hash")
    if translation_hash is not None and not isinstance(translation_hash, str):
        raise fail("`translation_hash` must be text")
    recorded = raw.get("sections") or {}
    if not isinstance(recorded, dict):
        raise fail("`sections` must map headings to hashes")
    return Record(
        source, source_hash.strip(), translation_hash, {str(k): str(v) for k, v in recorded.items()}
    )


def make_record(source_body: str, translation_body: str, source_lang: str) -> Record:
    return Record(
        source_lang, text_hash(source_body), text_hash(translation_body), sections(source_body)
    )


def record_yaml(record: Record) -> str:
    """The `translation:` block as front-matter lines."""
    data: dict[str, Any] = {"from": record.source_lang, "source_hash": record.source_hash}
    if record.translation_hash:
        data["translation_hash"] = record.translation_hash
    if record.sections:
        data["sections"] = dict(record.sections)
    return yaml.safe_dump({"translation": data}, allow_unicode=True, sort_keys=False, width=1000)


def with_record(text: str, record: Record) -> str:
    """`text` with its `translation:` block replaced by `record`; every other line kept as written."""
    newline = "\r\n" if "\r\n" in text else "\n"
    block = record_yaml(record).replace("\n", newline)
    match = re.match(
        r"\A(\ufeff?---[ \t]*\r?\n)(.*?)(^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z))", text, re.S | re.M
    )
    if not match:
        return f"---{newline}{block}---{newline}{newline}{text}"
    head, meta, close = match.groups()
    kept: list[str] = []
    skipping = False
    for line in meta.splitlines(keepends=True):
        if re.match(r"translation\s*:", line):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        skipping = False
        kept.append(line)
    meta = "".join(kept)
    if meta and not meta.endswith(("\n", "\r\n")):
        meta += newline
    return head + meta + block + close + text[match.end() :]


# --- the state of every page ---------------------------------------------------------


@dataclass
class PageStatus:
    path: str  # relative to the language folders
    lang: str  # the language of the translation (or of the missing one)
    source_lang: str | None
    state: str
    changed_sections: list[str] = field(default_factory=list)
    note: str = ""
    # Filled in when git is available (see core.git).
    source_updated: str | None = None
    matched_commit: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "lang": self.lang,
            "source_lang": self.source_lang,
            "state": self.state,
            "changed_sections": self.changed_sections,
            "note": self.note,
            "source_updated": self.source_updated,
            "matched_commit": self.matched_commit,
        }


class Sources(Protocol):
    """Where the pages come from: the build context, or the folders themselves."""

    @property
    def languages(self) -> list[str]: ...

    def document(self, lang: str, path: str) -> Document | None:
        """The page `path` in `lang` (None when there is none); AuthorError when unreadable."""

    def paths(self, lang: str) -> set[str]: ...


class Folders:
    """Pages read straight from docs/<lang>/ (for commands that have just written one)."""

    def __init__(self, docs_dir: Path, languages: list[str], root: Path | None = None) -> None:
        self.docs_dir = docs_dir
        self.languages = languages
        self.root = root
        self._paths: dict[str, set[str]] = {}

    def document(self, lang: str, path: str) -> Document | None:
        file = self.docs_dir / lang / path
        return read(file, self.root) if file.is_file() else None

    def paths(self, lang: str) -> set[str]:
        if lang not in self._paths:
            folder = self.docs_dir / lang
            self._paths[lang] = (
                {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}
                if folder.is_dir()
                else set()
            )
        return self._paths[lang]


def changed_sections(record: Record, source_body: str) -> list[str]:
    """Headings of the source whose text differs from when the translation was recorded."""
    now = sections(source_body)
    changed = [name for name, digest in now.items() if record.sections.get(name) != digest]
    removed = [name for name in record.sections if name not in now]
    label = {INTRO: "(intro)"}
    return [label.get(name, name) for name in changed] + [
        f"{label.get(n, n)} (removed)" for n in removed
    ]


def page_status(sources: Sources, path: str, lang: str) -> PageStatus | None:
    """The state of the `lang` version of `path` (None: `lang` holds the original)."""
    languages = sources.languages
    others = [other for other in languages if other != lang]
    doc = sources.document(lang, path)
    if doc is None:
        found = [(other, sources.document(other, path)) for other in others]
        found = [(other, d) for other, d in found if d is not None]
        if not found:
            return None
        source_lang, source_doc = found[0]
        record = read_record(source_doc, source_lang, languages)
        if record is not None and record.source_lang == lang:
            return None  # the original is gone; the translation reports itself as orphaned
        return PageStatus(path, lang, source_lang, "missing", note="no translation yet")
    record = read_record(doc, lang, languages)
    if record is None:
        counterparts = [(other, sources.document(other, path)) for other in others]
        counterparts = [(other, d) for other, d in counterparts if d is not None]
        if not counterparts:
            return None  # only this language: an original (its translation is reported missing)
        other_lang, other_doc = counterparts[0]
        if read_record(other_doc, other_lang, languages) is not None:
            return None  # this is the source of the other one
        if lang == languages[0]:
            return None  # both exist, neither recorded: reported once, on the non-default side
        return PageStatus(
            path, lang, other_lang, "untracked", note="both exist; no translation record"
        )
    source = sources.document(record.source_lang, path)
    if source is None:
        return PageStatus(
            path,
            lang,
            record.source_lang,
            "orphaned",
            note=f"docs/{record.source_lang}/{path} no longer exists",
        )
    if normalise(source.body) == normalise(doc.body):
        return PageStatus(
            path,
            lang,
            record.source_lang,
            "missing",
            note="still a copy of the source: not translated yet",
        )
    if text_hash(source.body) != record.source_hash:
        return PageStatus(
            path, lang, record.source_lang, "outdated", changed_sections(record, source.body)
        )
    if record.translation_hash and text_hash(doc.body) != record.translation_hash:
        return PageStatus(
            path,
            lang,
            record.source_lang,
            "edited",
            note="the translation changed; the source did not: a fix to port back?",
        )
    return PageStatus(path, lang, record.source_lang, "current")


def status(sources: Sources) -> list[PageStatus]:
    """Every page path in every language, sorted by path then language.

    A page that cannot be read (reported elsewhere) is left out rather than
    stopping the whole overview.
    """
    languages = sources.languages
    paths = set().union(*(sources.paths(lang) for lang in languages)) if languages else set()
    result = []
    for path in sorted(paths):
        for lang in languages:
            try:
                entry = page_status(sources, path, lang)
            except AuthorError:
                continue
            if entry is not None:
                result.append(entry)
    return result


def counts(entries: list[PageStatus], languages: list[str]) -> dict[str, dict[str, int]]:
    table = {lang: dict.fromkeys(STATES, 0) for lang in languages}
    for entry in entries:
        table[entry.lang][entry.state] += 1
    return table


def add_history(entries: list[PageStatus], sources: Sources, docs_dir: Path) -> None:
    """For outdated pages: when the source changed, and with git the commit where it last matched."""
    from . import git

    use_git = bool(entries) and git.available(docs_dir)
    for entry in entries:
        if entry.state != "outdated" or entry.source_lang is None:
            continue
        source = docs_dir / entry.source_lang / entry.path
        entry.source_updated = git.last_change(source)
        doc = sources.document(entry.lang, entry.path)
        if use_git and doc is not None:
            record = read_record(doc, entry.lang, [entry.lang, entry.source_lang])
            matched, _ = git.last_match(
                source, lambda text, r=record: text_hash(split(text).body) == r.source_hash
            )
            entry.matched_commit = matched.sha if matched else None
