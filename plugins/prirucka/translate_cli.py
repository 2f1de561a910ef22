"""`prirucka status | translate | sync | diff`: the translation workflow on the command line."""

from __future__ import annotations

import difflib
import json
import sys

import click

from .core import git, translation
from .core.context import BuildContext
from .core.errors import AuthorError
from .core.frontmatter import read, split
from .core.project import Project, locate_page
from .core.textfile import read_text, write_text

# Problems first in the table.
STATE_ORDER = {
    state: index
    for index, state in enumerate(
        ("outdated", "missing", "orphaned", "edited", "untracked", "current")
    )
}


def resolve(project: Project, argument: str) -> tuple[str | None, str]:
    """(language, path in the language folders) of a page the editor named; AuthorError for
    anything that is not a page inside a language folder."""
    return locate_page(project, argument)


def _shown(project: Project, lang: str, path: str) -> str:
    return (project.language_dir(lang) / path).relative_to(project.root).as_posix()


def show_status(ctx: BuildContext, as_json: bool, lang: str | None, strict: bool) -> int:
    project = ctx.project
    for finding in ctx.problems(
        "file-outside", "file-unreadable", "front-matter", "translation-record"
    ):
        if finding.level == "error":
            click.echo(f"Error: {finding.short()}", err=True)
    entries = list(ctx.translation_status)
    if lang:
        entries = [e for e in entries if e.lang == lang]
    translation.add_history(entries, ctx, project.docs_dir)
    counts = translation.counts(entries, [lang] if lang else project.languages)
    if as_json:
        document = {
            "version": 1,
            "languages": [lang] if lang else project.languages,
            "counts": counts,
            "pages": [e.as_dict() for e in entries],
        }
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        width = max([len(e.path) for e in entries] + [4])
        click.echo(f"{'STATE':<10} {'LANG':<4} {'PAGE':<{width}}  DETAILS")
        for entry in sorted(entries, key=lambda e: (STATE_ORDER[e.state], e.path, e.lang)):
            details = entry.note
            if entry.state == "outdated":
                details = "changed: " + (", ".join(entry.changed_sections) or "(whole text)")
                if entry.source_updated:
                    details += f"; source updated {entry.source_updated}"
                if entry.matched_commit:
                    details += f"; last matched at {entry.matched_commit[:10]}"
            click.echo(
                f"{entry.state:<10} {entry.lang:<4} {entry.path:<{width}}  {details}".rstrip()
            )
        click.echo("")
        for language, table in counts.items():
            summary = ", ".join(f"{n} {state}" for state, n in table.items() if n)
            click.echo(f"{language}: {summary or 'nothing to report'}")
    problems = [e for e in entries if e.state in ("outdated", "missing")]
    return 1 if strict and problems else 0


def translate(project: Project, argument: str, to: str, source_lang: str | None) -> None:
    lang, path = resolve(project, argument)
    source_lang = source_lang or lang
    if source_lang is None:
        having = [
            code for code in project.languages if (project.language_dir(code) / path).is_file()
        ]
        if not having:
            raise click.UsageError(f"no page {path} in any language folder")
        source_lang = having[0]
    if source_lang == to:
        raise click.UsageError(
            f"the page is already in {to}; name the language to translate into with --to"
        )
    source = project.language_dir(source_lang) / path
    if not source.is_file():
        raise click.UsageError(f"{_shown(project, source_lang, path)} does not exist")
    target = project.language_dir(to) / path
    if target.exists():
        raise AuthorError(
            target,
            None,
            "already exists; `translate` never overwrites. Run `prirucka sync` after updating it",
        )
    text = read_text(source, project.root)
    doc = split(text, source)
    translation.read_record(
        doc, source_lang, project.languages
    )  # a broken record fails here, not later
    # The record is written without the translation's own hash: `edited` is tracked from the first sync.
    record = translation.Record(
        source_lang, translation.text_hash(doc.body), None, translation.sections(doc.body)
    )
    copy = translation.with_record(_without_record(text), record)
    write_text(target, copy)
    click.echo(
        f"Created {_shown(project, to, path)} from {_shown(project, source_lang, path)}. "
        f"Translate it (title too), then it counts as current; after later changes to the source run "
        f"`prirucka sync {_shown(project, to, path)}`."
    )


def _without_record(text: str) -> str:
    """Source text for a new translation: the source's own record (if any) is not copied."""
    doc = split(text)
    if "translation" not in doc.meta:
        return text
    lines = text.splitlines(keepends=True)
    start = doc.key_line("translation") - 1
    end = start + 1
    while end < len(lines) and lines[end].startswith((" ", "\t")):
        end += 1
    return "".join(lines[:start] + lines[end:])


def _source_of(project: Project, lang: str, path: str) -> str:
    """The language `lang`/`path` was translated from; AuthorError when it is not a translation."""
    file = project.language_dir(lang) / path
    doc = read(file, project.root)
    record = translation.read_record(doc, lang, project.languages)
    if record is not None:
        if not (project.language_dir(record.source_lang) / path).is_file():
            raise AuthorError(
                file,
                doc.key_line("translation"),
                f"its source {_shown(project, record.source_lang, path)} no longer exists; "
                "restore it, or delete this translation",
            )
        return record.source_lang
    others = [
        code
        for code in project.languages
        if code != lang and (project.language_dir(code) / path).is_file()
    ]
    for other in others:
        other_doc = read(project.language_dir(other) / path, project.root)
        other_record = translation.read_record(other_doc, other, project.languages)
        if other_record is not None and other_record.source_lang == lang:
            raise AuthorError(
                file,
                None,
                f"is the original of {_shown(project, other, path)}; record the translation "
                f"instead: `prirucka sync {_shown(project, other, path)}`",
            )
    if not others:
        raise AuthorError(file, None, "has no counterpart in another language to record")
    if lang == project.default_language:
        raise AuthorError(
            file,
            None,
            f"is in the site's main language; a translation is recorded on the other page: "
            f"`prirucka sync {_shown(project, others[0], path)}`",
        )
    return others[0]


def sync(project: Project, arguments: list[str], all_current: bool, force: bool) -> int:
    targets: list[tuple[str, str]] = []
    for argument in arguments:
        lang, path = resolve(project, argument)  # AuthorError: not a page
        if lang is None:
            having = [
                c for c in project.languages[1:] if (project.language_dir(c) / path).is_file()
            ]
            if not having:
                raise click.UsageError(f"name the translation, e.g. docs/en/{path}")
            lang = having[0]
        if not (project.language_dir(lang) / path).is_file():
            raise click.UsageError(f"{_shown(project, lang, path)} does not exist")
        targets.append((lang, path))
    if all_current:
        folders = translation.Folders(project.docs_dir, project.languages, project.root)
        for entry in translation.status(folders):
            if entry.state in ("outdated", "edited", "untracked", "current", "missing"):
                if (project.language_dir(entry.lang) / entry.path).is_file():
                    targets.append((entry.lang, entry.path))
    refused = 0
    for lang, path in dict.fromkeys(targets):
        file = project.language_dir(lang) / path
        try:
            source_lang = _source_of(project, lang, path)
            source = read(project.language_dir(source_lang) / path, project.root)
            text = read_text(file, project.root)
            doc = split(text, file)
        except AuthorError as error:
            click.echo(f"Error: {error}", err=True)
            refused += 1
            continue
        if translation.normalise(doc.body) == translation.normalise(source.body) and not force:
            click.echo(
                f"Error: {_shown(project, lang, path)} is still a copy of {_shown(project, source_lang, path)} "
                "(not translated yet); translate it first, or use --force",
                err=True,
            )
            refused += 1
            continue
        record = translation.make_record(source.body, doc.body, source_lang)
        updated = translation.with_record(text, record)
        if updated != text:
            write_text(file, updated)
            click.echo(
                f"Recorded {_shown(project, lang, path)} as translated from {_shown(project, source_lang, path)} ({record.source_hash})"
            )
        else:
            click.echo(f"Unchanged {_shown(project, lang, path)}")
    return 1 if refused else 0


def diff(project: Project, argument: str) -> None:
    lang, path = resolve(project, argument)
    if lang is None:
        having = [c for c in project.languages if (project.language_dir(c) / path).is_file()]
        recorded = [
            c
            for c in having
            if translation.read_record(
                read(project.language_dir(c) / path, project.root), c, project.languages
            )
        ]
        if not recorded:
            raise click.UsageError(f"{path} has no translation record in any language")
        lang = recorded[0]
    file = project.language_dir(lang) / path
    if not file.is_file():
        raise click.UsageError(f"{_shown(project, lang, path)} does not exist")
    record = translation.read_record(read(file, project.root), lang, project.languages)
    if record is None:
        raise click.UsageError(
            f"{_shown(project, lang, path)} has no translation record; run `prirucka sync` first"
        )
    source_file = project.language_dir(record.source_lang) / path
    if not source_file.is_file():
        raise click.UsageError(
            f"the source {_shown(project, record.source_lang, path)} no longer exists"
        )
    source = read(source_file, project.root)
    shown = _shown(project, record.source_lang, path)
    if translation.text_hash(source.body) == record.source_hash:
        click.echo(f"{shown} has not changed since {_shown(project, lang, path)} was recorded.")
        return
    if git.available(source_file):
        matched, _ = git.last_match(
            source_file, lambda text: translation.text_hash(split(text).body) == record.source_hash
        )
        if matched is not None:
            before = split(git.show(source_file, matched.sha) or "").body
            lines = difflib.unified_diff(
                translation.normalise(before).splitlines(keepends=True),
                translation.normalise(source.body).splitlines(keepends=True),
                fromfile=f"{shown} @ {matched.sha[:10]} ({matched.date})",
                tofile=f"{shown} (now)",
            )
            sys.stdout.writelines(line if line.endswith("\n") else line + "\n" for line in lines)
            return
        click.echo(f"No commit of {shown} matches the recorded hash; comparing sections instead.")
    changed = translation.changed_sections(record, source.body)
    click.echo(f"Changed sections of {shown} since the translation was recorded:")
    for name in changed or ["(the whole text; no sections were recorded)"]:
        click.echo(f"  - {name}")
