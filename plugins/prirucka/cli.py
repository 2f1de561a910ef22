"""The `prirucka` command: build and preview the bilingual site."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import click

from .core.errors import AuthorError


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.levelno >= logging.WARNING:
            return f"{record.levelname:<8} -  {message}"
        return f"INFO     -  {message}"


def _setup_logging(verbose: bool) -> None:
    # Material's end-of-life banner is for maintainers (see DESIGN.md), not for
    # editors running a build.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    for name in ("mkdocs", "prirucka"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(logging.DEBUG if verbose else logging.INFO)
        logger.propagate = False


def _fail(error: AuthorError) -> None:
    click.echo(f"Error: {error}", err=True)
    sys.exit(1)


config_option = click.option(
    "-f",
    "--config-file",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The site's configuration file.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="prirucka")
def main() -> None:
    """Příručka: Czech and English Markdown in docs/ as a website and print-ready PDFs."""


@main.command()
@config_option
@click.option("-d", "--site-dir", type=click.Path(file_okay=False), help="Build into this folder.")
@click.option(
    "--strict/--no-strict",
    default=None,
    help="Fail on any warning (default: the `strict` setting of mkdocs.yml).",
)
@click.option(
    "--no-pdf", is_flag=True, help="Build the site alone, without the publications' PDFs."
)
@click.option("-v", "--verbose", is_flag=True, help="Show debug messages.")
def build(
    config_file: str, site_dir: str | None, strict: bool | None, no_pdf: bool, verbose: bool
) -> None:
    """Build the whole site, both languages, into site/, and the PDFs into site/pdf/."""
    from .mkdocs import runner

    _setup_logging(verbose)
    options = {}
    if strict is not None:
        options["strict"] = strict
    try:
        runner.build_atomically(config_file, site_dir, no_pdf=no_pdf, **options)
    except AuthorError as error:
        _fail(error)


@main.command()
@config_option
@click.argument("ids", nargs=-1)
@click.option(
    "--lang",
    type=click.Choice(["cs", "en"]),
    help="Only the PDFs in this language (and bilingual ones).",
)
@click.option(
    "--print-shop",
    is_flag=True,
    help="3 mm bleed and crop marks for the printer (<id>.<lang>.print.pdf).",
)
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False),
    help="Write the PDFs here (default: site/pdf).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Parallel renderers (default: one per core).",
)
@click.option(
    "--variant",
    type=click.Choice(["pdf/ua-1", "pdf/a-3b"]),
    default="pdf/ua-1",
    show_default=True,
    help="PDF/UA-1 is accessible (tagged); PDF/A-3b is for archiving.",
)
@click.option(
    "--strict", is_flag=True, help="Treat warnings (refused files, WeasyPrint) as errors."
)
def pdf(config_file, ids, lang, print_shop, output_dir, jobs, variant, strict) -> None:
    """Render publications (handbook/<id>.yml) to PDF without building the site."""
    from .core.sitedir import mark, site_dir_problem
    from .print import pipeline

    _setup_logging(False)  # notes from the pipeline (e.g. a missing HarfBuzz subsetter)
    ctx = _context(config_file)
    project = ctx.project
    publications = list(ctx.publications)
    errors = ctx.problems("funders", "manifest")
    known = {p.id for p in publications} | {
        Path(e.path).stem for e in errors if e.code == "manifest"
    }
    unknown = [i for i in ids if i not in known]
    if unknown:
        available = ", ".join(sorted(known)) or "none (add handbook/<id>.yml)"
        raise click.UsageError(f"unknown publication {', '.join(unknown)}; available: {available}")
    if ids:
        publications = [p for p in publications if p.id in ids]
        errors = [e for e in errors if Path(e.path).stem in ids]
    for error in errors:
        click.echo(f"Error: {error.short()}", err=True)
    options = pipeline.Options(
        languages={lang} if lang else None, print_shop=print_shop, variant=variant, jobs=jobs
    )
    outcomes = pipeline.run(
        project,
        publications,
        options,
        progress=lambda o: click.echo(pipeline.describe(o)),
        ctx=ctx,
    )
    out_dir = Path(output_dir).absolute() if output_dir else project.site_dir / "pdf"
    problem = _output_problem(out_dir, project)
    if problem:
        raise click.UsageError(problem)
    if (
        not output_dir
        and site_dir_problem(project.site_dir, project.root, project.docs_dir) is None
    ):
        mark(project.site_dir)  # a new site/ made by `pdf` is one a later build may rewrite
    try:
        written = pipeline.write(outcomes, out_dir)
    except AuthorError as error:
        _fail(error)
    except OSError as error:
        _fail(AuthorError(out_dir, None, f"cannot be written ({error.strerror or error})"))
    warnings = [w for o in outcomes for w in o.warnings]
    failures = [e for o in outcomes for e in o.errors]
    for warning in warnings:
        click.echo(f"WARNING  -  {warning}", err=True)
    for failure in failures:
        click.echo(f"Error: {failure}", err=True)
    click.echo(f"{len(written)} PDF(s) in {out_dir}")
    if errors or failures or (strict and warnings):
        sys.exit(1)


def _project(config_file: str):
    from .core import project as project_module

    try:
        return project_module.load(config_file)
    except AuthorError as error:
        _fail(error)


def _context(config_file: str):
    """The build context of the project (every input loaded and checked once)."""
    from .core.context import load_context

    return load_context(_project(config_file))


def _output_problem(out_dir: Path, project) -> str | None:
    """`pdf -o` may write into a new or own folder, never into sources."""
    from .core.sitedir import SOURCES

    for name in SOURCES:
        source = (project.root / name).resolve()
        resolved = out_dir.resolve()
        if source.exists() and (resolved == source or resolved.is_relative_to(source)):
            return f"-o {out_dir}: refusing to write PDFs into {name}/, which holds sources"
    if out_dir.resolve() == project.root.resolve():
        return f"-o {out_dir}: refusing to write PDFs into the project folder itself"
    return None


@main.command()
@config_option
@click.option(
    "--json", "as_json", is_flag=True, help="Machine-readable output (see the editor guide)."
)
@click.option(
    "--lang", type=click.Choice(["cs", "en"]), help="Only translations into this language."
)
@click.option(
    "--strict", is_flag=True, help="Exit 1 when anything is outdated or missing (for CI)."
)
def status(config_file, as_json, lang, strict) -> None:
    """Translation state of every page: current, outdated, missing, untracked, orphaned, edited."""
    from . import translate_cli

    try:
        sys.exit(translate_cli.show_status(_context(config_file), as_json, lang, strict))
    except AuthorError as error:
        _fail(error)


@main.command()
@config_option
@click.argument("path")
@click.option(
    "--to",
    "to",
    type=click.Choice(["cs", "en"]),
    required=True,
    help="The language to translate into.",
)
@click.option(
    "--from",
    "source_lang",
    type=click.Choice(["cs", "en"]),
    help="The source language (default: from PATH).",
)
def translate(config_file, path, to, source_lang) -> None:
    """Start a translation: copy PATH into the other language with a translation record."""
    from . import translate_cli

    try:
        translate_cli.translate(_project(config_file), path, to, source_lang)
    except AuthorError as error:
        _fail(error)


@main.command()
@config_option
@click.argument("paths", nargs=-1)
@click.option(
    "--all-current", is_flag=True, help="Record every translation as matching its source now."
)
@click.option(
    "--force", is_flag=True, help="Record even a page whose text is still a copy of its source."
)
def sync(config_file, paths, all_current, force) -> None:
    """Record that translations (PATHS) match their sources' current text."""
    from . import translate_cli

    if not paths and not all_current:
        raise click.UsageError("name the translated pages, or use --all-current")
    try:
        sys.exit(translate_cli.sync(_project(config_file), list(paths), all_current, force))
    except AuthorError as error:
        _fail(error)


@main.command()
@config_option
@click.argument("path")
def diff(config_file, path) -> None:
    """What changed in PATH's source since the translation was recorded."""
    from . import translate_cli

    try:
        translate_cli.diff(_project(config_file), path)
    except AuthorError as error:
        _fail(error)


@main.command(name="new")
@config_option
@click.argument("kind", metavar="TYPE")
@click.argument("slug")
@click.option("--section", default="", help="The folder, e.g. krizovy-rozhovor.")
@click.option("--title-cs", help="The Czech title.")
@click.option("--title-en", help="The English title.")
def new(config_file, kind, slug, section, title_cs, title_en) -> None:
    """Start a document in both languages: TYPE is page, handbook, manual, leaflet,
    methodology or project; SLUG the file name (ASCII, lowercase, hyphens)."""
    from .core import scaffold

    project = _project(config_file)
    titles = {lang: title for lang, title in (("cs", title_cs), ("en", title_en)) if title}
    try:
        written = scaffold.new_document(
            project.docs_dir, project.languages, kind, slug, section, titles
        )
    except AuthorError as error:
        _fail(error)
    for path in written:
        click.echo(f"Created {path.relative_to(project.root)}")
    relative = written[0].relative_to(project.language_dir(project.languages[0])).as_posix()
    try:
        if scaffold.add_to_nav(project.config_file or Path(config_file), relative):
            click.echo(f"Added {relative} to the navigation in {config_file}")
    except AuthorError as error:
        click.echo(f"Note: {error}", err=True)
    click.echo("Fill in the front matter and the sections, then run `prirucka check`.")


@main.command()
@config_option
@click.argument("paths", nargs=-1)
@click.option("--strict", is_flag=True, help="Warnings count as errors (for CI).")
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="github: GitHub Actions annotations.",
)
def check(config_file, paths, strict, output) -> None:
    """Check the sources before publishing: front matter, links, headings, raw HTML,
    translations, terminology and personal data. Exit 0 clean, 1 errors, 2 usage."""
    from . import check_cli
    from .core.context import load_context
    from .core.findings import Finding
    from .core.project import load

    try:
        ctx = load_context(load(config_file))
    except AuthorError as error:
        # Even a broken mkdocs.yml is a finding: JSON readers get JSON.
        finding = Finding(str(error.path), error.line or 1, 1, "error", "config", error.message)
        sys.exit(check_cli.report([finding], 0, strict, output))
    sys.exit(check_cli.run(ctx, paths, strict, output))


@main.command()
@config_option
@click.argument("path")
@click.option(
    "--to",
    "target",
    type=click.Choice(["cs", "en"]),
    help="The translation's language (default: the other one).",
)
def terms(config_file, path, target) -> None:
    """List the glossary terms in a page, with the translation each requires."""
    from . import translate_cli
    from .core.mdtext import position, prose

    ctx = _context(config_file)
    project = ctx.project
    try:
        lang, relative = translate_cli.resolve(project, path)
    except AuthorError as error:
        _fail(error)
    if lang is None:
        lang = next((c for c in project.languages if ctx.page(c, relative)), None)
    source = ctx.page(lang, relative) if lang else None
    if source is None:
        raise click.UsageError(f"no page {path}")
    target = target or next((c for c in project.languages if c != lang), lang)
    try:
        doc = ctx.document(lang, relative)
    except AuthorError as error:
        _fail(error)
    glossary = ctx.glossary
    if glossary is None:
        problems = ctx.problems("glossary")
        if problems:
            _fail(AuthorError(problems[0].path, problems[0].line, problems[0].message))
        click.echo(f"no glossary at {ctx.shown(project.glossary_path)}")
        return
    file = source.file
    text = prose(doc.body)
    found: dict[str, tuple] = {}
    for match in glossary.find_terms(text, lang):
        found.setdefault(
            match.entry.id, (match, position(text, match.start)[0] + doc.body_line - 1)
        )
    shown = ctx.shown(file)
    if not found:
        click.echo(f"{shown}: no glossary terms")
        return
    click.echo(f"Glossary terms in {shown} ({lang} → {target}):")
    for match, line in found.values():
        wanted = match.entry.sides.get(target)
        if wanted is None:
            continue
        required = wanted.term + (f" ({wanted.abbr})" if wanted.abbr else "")
        click.echo(f"  line {line:<4} {match.text}  →  {required}")
        if wanted.avoid:
            click.echo(f"             avoid: {', '.join(v.text for v in wanted.avoid)}")
        if match.entry.note:
            click.echo(f"             note: {match.entry.note}")


@main.command()
@click.argument("directory", type=click.Path())
@click.option("--site-name", help="The site's name (default: Znalostní báze / Knowledge base).")
@click.option(
    "--site-url",
    default="https://example.org/",
    show_default=True,
    help="The address the site will be published at.",
)
@click.option(
    "--org",
    default="Organizace Příklad, z. s.",
    show_default=True,
    help="The organisation that publishes the knowledge base.",
)
def init(directory: str, site_name: str | None, site_url: str, org: str) -> None:
    """Start a new bilingual knowledge base in DIRECTORY (new or empty): mkdocs.yml,
    sample pages of every document type in Czech and English, a publication, a README."""
    import shlex
    from importlib.metadata import version
    from pathlib import Path

    from .core import skeleton

    options = skeleton.Options(
        site_name=site_name, site_url=site_url, org=org, version=version("prirucka")
    )
    try:
        written = skeleton.write(Path(directory), skeleton.render(options))
    except AuthorError as error:
        _fail(error)
    click.echo(f"Created {len(written)} files in {directory}")
    shown = shlex.quote(directory)
    click.echo(f"Next: cd {shown} && prirucka build   (then read README.md)")


@main.command()
def doctor() -> None:
    """Check what `prirucka build` needs on this computer, and say how to install what is missing."""
    from . import doctor_cli

    sys.exit(doctor_cli.run())


@main.command()
@config_option
@click.option(
    "-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on."
)
@click.option("--no-livereload", is_flag=True, help="Do not reload pages when sources change.")
@click.option(
    "--pdf", is_flag=True, help="Also render the PDFs (from the cache where nothing changed)."
)
@click.option("-v", "--verbose", is_flag=True, help="Show debug messages.")
def serve(config_file: str, dev_addr: str, no_livereload: bool, pdf: bool, verbose: bool) -> None:
    """Preview the site, rebuilding and reloading pages as you edit (PDFs off unless --pdf)."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    from .mkdocs import runner
    from .mkdocs.print.plugin import SERVE_PDF_ENV

    _setup_logging(verbose)
    if pdf:
        os.environ[SERVE_PDF_ENV] = "1"
    try:
        runner.load(config_file)  # fail early with line numbers
        mkdocs_serve(
            config_file=config_file,
            livereload=not no_livereload,
            dev_addr=dev_addr,
            watch=["handbook"],
        )
    except AuthorError as error:
        _fail(error)
    except Exception as error:  # MkDocs' own Abort after a failed rebuild
        from mkdocs import exceptions

        if isinstance(error, exceptions.Abort):
            click.echo(f"Error: {error}", err=True)
            sys.exit(1)
        raise


if __name__ == "__main__":
    main()
