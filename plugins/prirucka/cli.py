"""The `prirucka` command: build and preview the bilingual site."""

from __future__ import annotations

import logging
import os
import sys

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
@click.option("-v", "--verbose", is_flag=True, help="Show debug messages.")
def build(config_file: str, site_dir: str | None, strict: bool | None, verbose: bool) -> None:
    """Build the whole site, both languages, into site/."""
    from .mkdocs import runner

    _setup_logging(verbose)
    options = {}
    if site_dir:
        options["site_dir"] = site_dir
    if strict is not None:
        options["strict"] = strict
    try:
        config = runner.load(config_file, **options)
        runner.build(config)
    except AuthorError as error:
        _fail(error)


@main.command()
@config_option
@click.option(
    "-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on."
)
@click.option("--no-livereload", is_flag=True, help="Do not reload pages when sources change.")
@click.option("-v", "--verbose", is_flag=True, help="Show debug messages.")
def serve(config_file: str, dev_addr: str, no_livereload: bool, verbose: bool) -> None:
    """Preview the site, rebuilding and reloading pages as you edit."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    from .mkdocs import runner

    _setup_logging(verbose)
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
