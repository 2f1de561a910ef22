"""`prirucka check`: one pass over the sources, every finding with file, line and column.

The build reports the same findings for links, front matter and terminology
(prirucka-documents, prirucka-glossary, prirucka-checks): one set of functions.
Everything comes from the build context: each page is read once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import links, plainlanguage, privacy
from .blocksyntax import contact_numbers
from .context import BuildContext
from .findings import Finding
from .generated import generated_pages
from .mdtext import allow_markers
from .project import Project
from .schema import fact_findings

# Findings of loading (core/context.py) that `check` reports as they are.
LOADING = (
    "file-outside",
    "file-unreadable",
    "file-name",
    "front-matter",
    "translation-record",
    "glossary",
    "tags",
    "funders",
    "helplines",
    "manifest",
    "manifest-extension",
)


@dataclass
class Settings:
    """From mkdocs.yml, `plugins: - prirucka-checks: {…}`."""

    own_phones: set[str] = field(default_factory=set)
    own_domains: set[str] = field(default_factory=set)
    allow: set[str] = field(default_factory=set)  # exact texts never reported as personal data

    @classmethod
    def from_project(cls, project: Project) -> Settings:
        raw = project.plugin_configs.get("prirucka-checks", {}) or {}

        def texts(key: str) -> set[str]:
            value = raw.get(key) or []
            return {str(v) for v in value} if isinstance(value, list) else {str(value)}

        return cls(texts("own_phones"), texts("own_domains"), texts("allow"))


def _accepted(finding: Finding, accepted: dict[int, set[str]], first_line: int) -> bool:
    codes = accepted.get(finding.line - first_line + 1, set())
    return finding.code in codes or (finding.code.startswith("privacy-") and "privacy" in codes)


def check_page(
    ctx: BuildContext, lang: str, path: str, settings: Settings, generated: set[str] | None = None
) -> list[Finding]:
    """Every finding about the content of one page (docs/<lang>/<path>); the problems of
    loading it (front matter, encoding…) are in the context's findings."""
    source = ctx.page(lang, path)
    if source is None or source.doc is None:
        return []
    project = ctx.project
    doc = source.doc
    shown = ctx.shown(source.file)
    findings: list[Finding] = []
    if generated is None:
        generated = generated_pages(project.plugin_configs)
    if source.meta is not None:
        # Project facts need sources; pages for parents and children need plain language.
        findings += fact_findings(shown, doc, source.meta)
        findings += plainlanguage.check(shown, doc.body, lang, doc.body_line, source.meta.audience)
    findings += links.check(
        shown,
        doc.body,
        lang,
        path,
        project.docs_dir,
        project.languages,
        doc.body_line,
        generated,
        ctx,
    )
    if ctx.glossary is not None:
        original = ctx.page("cs", path) if lang == "en" else None
        source_text = None
        if original is not None and original.doc is not None:
            source_text = (
                "cs",
                original.doc.body,
                ctx.shown(original.file),
                original.doc.body_line,
            )
        findings += ctx.glossary.check(shown, doc.body, lang, doc.body_line, source_text)
    findings += _translation_findings(ctx, lang, path, shown)
    # The numbers in the page's `contact` blocks are the organisation's own.
    declared = set(contact_numbers(doc.body))
    findings += privacy.scan(
        shown,
        doc.body,
        lang,
        doc.body_line,
        own_phones=set(settings.own_phones) | declared,
        own_domains=set(settings.own_domains),
        allow=set(settings.allow),
        public_numbers=ctx.helplines.numbers(),  # handbook/helplines.yml
    )
    accepted = allow_markers(doc.body)
    return sorted(
        (f for f in findings if not _accepted(f, accepted, doc.body_line)),
        key=lambda f: (f.line, f.col, f.code),
    )


def _translation_findings(ctx: BuildContext, lang: str, path: str, shown: str) -> list[Finding]:
    state = ctx.translation_by_page.get((lang, path))
    if state is None:
        return []
    if state.state == "outdated":
        changed = ", ".join(state.changed_sections) or "the text"
        return [
            Finding(
                shown,
                1,
                1,
                "warning",
                "translation-outdated",
                f"the {state.source_lang} original changed since this translation ({changed})",
                f"update it, then `prirucka sync {shown}`",
            )
        ]
    if state.state in ("orphaned", "edited"):
        level = "warning" if state.state == "orphaned" else "info"
        return [Finding(shown, 1, 1, level, f"translation-{state.state}", state.note)]
    return []


def missing_translations(ctx: BuildContext, only: set[tuple[str, str]] | None) -> list[Finding]:
    """A note for every page that has no translation yet (the site shows the original)."""
    project = ctx.project
    findings = []
    for entry in ctx.translation_status:
        if entry.state != "missing" or (
            only is not None and (entry.source_lang, entry.path) not in only
        ):
            continue
        source = project.language_dir(entry.source_lang) / entry.path
        target = project.language_dir(entry.lang) / entry.path
        if target.exists():  # started with `prirucka translate`, not translated yet
            message = f"{ctx.shown(target)} is still a copy of the source"
            hint = "translate it; it counts as current once its text differs"
        else:
            message = f"no {entry.lang} translation yet"
            hint = f"`prirucka translate {ctx.shown(source)} --to {entry.lang}`"
        findings.append(
            Finding(ctx.shown(source), 1, 1, "info", "translation-missing", message, hint)
        )
    return findings
