"""`prirucka check`: findings as text, JSON or GitHub Actions annotations."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import click

from . import check_html
from .core import checks
from .core.context import BuildContext
from .core.findings import Finding
from .core.generated import generated_pages

FORMATS = ("text", "json", "github")
# The same finding on more pages than this is shown once, with the count, in text output.
GROUP_AT = 3


def _pages(ctx: BuildContext, arguments: tuple[str, ...]) -> list[tuple[str, str]]:
    """(language, path) of the pages to check: all, or those under the given paths."""
    every = sorted(ctx.pages, key=lambda key: (ctx.project.languages.index(key[0]), key[1]))
    if not arguments:
        return every
    chosen = []
    root = ctx.project.root
    for argument in arguments:
        target = Path(argument).absolute()
        if not target.exists():
            raise click.UsageError(f"{argument}: no such file or folder")
        if not (target == root or target.is_relative_to(root)):
            raise click.UsageError(
                f"{argument}: outside the project; name pages or folders under docs/"
            )
        for lang, path in every:
            file = ctx.pages[(lang, path)].file.absolute()
            if file == target or file.is_relative_to(target):
                chosen.append((lang, path))
    return list(dict.fromkeys(chosen))


def _loading_findings(
    ctx: BuildContext, pages: list[tuple[str, str]], arguments: tuple[str, ...]
) -> list[Finding]:
    """What loading found: all of it for a whole check; else what is about the chosen pages,
    and every problem of the project's data files (they shape every page's check)."""
    found = ctx.problems(*checks.LOADING)
    if not arguments:
        return found
    chosen = {ctx.shown(ctx.pages[key].file) for key in pages}
    docs = ctx.shown(ctx.project.docs_dir) + "/"
    return [f for f in found if f.path in chosen or not f.path.startswith(docs)]


def run(ctx: BuildContext, arguments: tuple[str, ...], strict: bool, output: str) -> int:
    pages = _pages(ctx, arguments)
    settings = checks.Settings.from_project(ctx.project)
    generated = generated_pages(ctx.project.plugin_configs)
    findings = _loading_findings(ctx, pages, arguments)
    for lang, path in pages:
        findings += checks.check_page(ctx, lang, path, settings, generated)
        doc = ctx.pages[(lang, path)].doc
        if doc is not None:
            findings += check_html.html_findings(ctx.project, lang, path, doc)
    findings += check_html.svg_findings(ctx.project, arguments)
    findings += checks.missing_translations(ctx, set(pages) if arguments else None)
    return report(findings, len(pages), strict, output)


def report(findings: list[Finding], page_count: int, strict: bool, output: str) -> int:
    """Print `findings` in the chosen format; the exit code (1 when any is an error)."""
    if strict:
        findings = [
            Finding(f.path, f.line, f.col, "error", f.code, f.message, f.hint)
            if f.level == "warning"
            else f
            for f in findings
        ]
    findings = sorted(set(findings), key=lambda f: (f.path, f.line, f.col, f.code, f.message))
    counts = {
        level: sum(1 for f in findings if f.level == level)
        for level in ("error", "warning", "info")
    }
    files = len({f.path for f in findings})
    summary = (
        f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} note(s)"
        f" in {files} file(s); {page_count} page(s) checked"
    )
    if output == "json":
        click.echo(
            json.dumps(
                {
                    "version": 1,
                    "summary": {**counts, "files": files, "pages": page_count},
                    "findings": [f.__dict__ for f in findings],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    elif output == "github":
        kinds = {"error": "error", "warning": "warning", "info": "notice"}
        for f in findings:
            message = f"{f.message} ({f.hint})" if f.hint else f.message
            message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            click.echo(
                f"::{kinds[f.level]} file={f.path},line={f.line},col={f.col},title={f.code}::{message}"
            )
        click.echo(summary)
    else:
        _text(findings)
        click.echo(summary)
    return 1 if counts["error"] else 0


def _text(findings: list[Finding]) -> None:
    """Findings by file; one that repeats on many pages (the same code and message) is
    shown once with its count, so an editor sees the pattern, not a wall."""
    repeats: dict[tuple[str, str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        repeats[(f.level, f.code, f.message)].append(f)
    grouped = {
        key: items for key, items in repeats.items() if len({f.path for f in items}) > GROUP_AT
    }
    shown_in_group = {id(f) for items in grouped.values() for f in items}
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if id(f) not in shown_in_group:
            by_file[f.path].append(f)
    for path, items in by_file.items():
        click.echo(click.style(path, bold=True))
        for f in items:
            click.echo(f"  {f}")
        click.echo("")
    severity = {"error": 0, "warning": 1, "info": 2}
    ordered = sorted(grouped.items(), key=lambda kv: (severity[kv[0][0]], -len(kv[1])))
    for (level, code, message), items in ordered:
        first = items[0]
        pages = len({f.path for f in items})
        click.echo(click.style(f"{level}: {code}: {message}", bold=True))
        hint = f" ({first.hint})" if first.hint else ""
        click.echo(
            f"  flagged on {pages} pages ({len(items)} times); first at "
            f"{first.path}:{first.line}:{first.col}{hint}"
        )
        click.echo("  all of them: prirucka check --format json")
        click.echo("")
