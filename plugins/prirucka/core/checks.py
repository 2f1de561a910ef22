"""`prirucka check`: one pass over the sources, every finding with file, line and column.

The build reports the same findings for links, front matter and terminology
(prirucka-documents, prirucka-glossary, prirucka-checks): one set of functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import glossary as glossary_module
from . import links, plainlanguage, privacy, translation
from .blocksyntax import contact_numbers
from .errors import AuthorError
from .findings import Finding
from .frontmatter import read
from .generated import generated_pages
from .project import Project
from .schema import fact_findings, validate

# `<!-- prirucka: allow privacy-phone term-variant -->` on a line or the line above
# accepts those findings there on purpose ("privacy" alone: every privacy code).
_ALLOW = re.compile(r"<!--\s*prirucka:\s*allow\s+([^>]*?)\s*-->")


@dataclass
class Settings:
    """From mkdocs.yml, `plugins: - prirucka-checks: {…}`."""

    own_phones: set[str] = field(default_factory=set)
    own_domains: set[str] = field(default_factory=set)
    allow: set[str] = field(default_factory=set)  # exact texts never reported as personal data

    @classmethod
    def from_project(cls, project: Project) -> Settings:
        raw = project.plugin_configs.get("prirucka-checks", {}) or {}
        return cls(
            own_phones={str(p) for p in raw.get("own_phones", [])},
            own_domains={str(d) for d in raw.get("own_domains", [])},
            allow={str(a) for a in raw.get("allow", [])},
        )


def allowed_codes(markdown: str) -> dict[int, set[str]]:
    """Body line (1-based) -> codes accepted on it by an inline marker."""
    accepted: dict[int, set[str]] = {}
    for number, line in enumerate(markdown.split("\n"), start=1):
        for match in _ALLOW.finditer(line):
            codes = set(re.split(r"[\s,]+", match.group(1).strip()))
            for target in (number, number + 1):
                accepted.setdefault(target, set()).update(codes)
    return accepted


def _accepted(finding: Finding, accepted: dict[int, set[str]], first_line: int) -> bool:
    codes = accepted.get(finding.line - first_line + 1, set())
    return finding.code in codes or (finding.code.startswith("privacy-") and "privacy" in codes)


def _shown(project: Project, path: Path) -> str:
    try:
        return path.resolve().relative_to(project.root.resolve()).as_posix()
    except ValueError:
        return str(path)


def check_page(
    project: Project,
    lang: str,
    path: str,
    settings: Settings,
    glossary: glossary_module.Glossary | None,
    publications: set[str] | None,
    own_phones: set[str] = frozenset(),
) -> list[Finding]:
    """Every finding for one page (docs/<lang>/<path>)."""
    file = project.language_dir(lang) / path
    shown = _shown(project, file)
    try:
        doc = read(file)
    except AuthorError as error:
        return [Finding(shown, error.line or 1, 1, "error", "front-matter", error.message)]
    findings: list[Finding] = []
    try:
        meta = validate(doc, lang, publications)
        # Project facts need sources; pages for parents and children need plain language.
        findings += fact_findings(shown, doc, meta)
        findings += plainlanguage.check(shown, doc.body, lang, doc.body_line, meta.audience)
    except AuthorError as error:
        findings.append(Finding(shown, error.line or 1, 1, "error", "front-matter", error.message))
    made = generated_pages(project.plugin_configs)
    findings += links.check(
        shown, doc.body, lang, path, project.docs_dir, project.languages, doc.body_line, made
    )
    if glossary is not None:
        source = None
        original = project.language_dir("cs") / path
        if lang == "en" and original.is_file():
            source_doc = read(original)
            source = ("cs", source_doc.body, _shown(project, original), source_doc.body_line)
        findings += glossary.check(shown, doc.body, lang, doc.body_line, source)
    try:
        state = translation.page_status(project.docs_dir, project.languages, path, lang)
    except AuthorError as error:
        findings.append(
            Finding(
                _shown(project, Path(error.path)),
                error.line or 1,
                1,
                "error",
                "translation-record",
                error.message,
            )
        )
        state = None
    if state is not None and state.state == "outdated":
        changed = ", ".join(state.changed_sections) or "the text"
        findings.append(
            Finding(
                shown,
                1,
                1,
                "warning",
                "translation-outdated",
                f"the {state.source_lang} original changed since this translation ({changed})",
                f"update it, then `prirucka sync {shown}`",
            )
        )
    elif state is not None and state.state in ("orphaned", "edited"):
        findings.append(
            Finding(
                shown,
                1,
                1,
                "warning" if state.state == "orphaned" else "info",
                f"translation-{state.state}",
                state.note,
            )
        )
    # The numbers in the page's `contact` blocks are the organisation's own.
    declared = set(contact_numbers(doc.body))
    findings += privacy.scan(
        shown,
        doc.body,
        lang,
        doc.body_line,
        own_phones=set(settings.own_phones) | set(own_phones) | declared,
        own_domains=set(settings.own_domains),
        allow=set(settings.allow),
    )
    accepted = allowed_codes(doc.body)
    return sorted(
        (f for f in findings if not _accepted(f, accepted, doc.body_line)),
        key=lambda f: (f.line, f.col, f.code),
    )


def missing_translations(project: Project, only: set[tuple[str, str]] | None) -> list[Finding]:
    """A note for every page that has no translation yet (the site shows the original)."""
    findings = []
    for entry in translation.status(project.docs_dir, project.languages):
        if entry.state != "missing" or (
            only is not None and (entry.source_lang, entry.path) not in only
        ):
            continue
        source = project.language_dir(entry.source_lang) / entry.path
        target = project.language_dir(entry.lang) / entry.path
        if target.exists():  # started with `prirucka translate`, not translated yet
            message = f"{_shown(project, target)} is still a copy of the source"
            hint = "translate it; it counts as current once its text differs"
        else:
            message = f"no {entry.lang} translation yet"
            hint = f"`prirucka translate {_shown(project, source)} --to {entry.lang}`"
        findings.append(
            Finding(_shown(project, source), 1, 1, "info", "translation-missing", message, hint)
        )
    return findings
