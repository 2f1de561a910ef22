"""Run MkDocs for the `prirucka` command, turning its failures into author messages."""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

from mkdocs import exceptions
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from ..core import project
from ..core.errors import AuthorError
from ..core.offload import running
from ..core.sitedir import site_dir_problem

_CONFIG_MESSAGE = re.compile(r"Config value '(?P<key>[^']+)': (?P<message>.*)", re.S)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _check_yaml(path: Path) -> None:
    """Read mkdocs.yml (and its INHERIT parents) as MkDocs will; AuthorError with the line."""
    if not path.is_file():
        raise AuthorError(
            path, None, "no such file; run the command in the project folder or pass -f"
        )
    project.read_config(path)


def load(config_file: str | Path, **options) -> MkDocsConfig:
    """Load and validate mkdocs.yml; raise AuthorError naming the line of each bad setting."""
    path = Path(config_file)
    _check_yaml(path)
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        return load_config(config_file=str(path), **options)
    except (exceptions.Abort, exceptions.ConfigurationError) as exc:
        problems = []
        for record in collect.records:
            if record.levelno < logging.ERROR:
                continue
            match = _CONFIG_MESSAGE.match(record.getMessage())
            if match:
                line = project.key_line(path, match["key"])
                where = f"{path}:{line}" if line else str(path)
                problems.append(f"{where}: `{match['key']}`: {match['message']}")
        if not problems:
            problems.append(f"{path}: {exc}")
        raise AuthorError(path, None, "invalid configuration\n" + "\n".join(problems)) from None
    finally:
        logger.removeHandler(collect)


def disable_pdf(config: MkDocsConfig) -> None:
    """`--no-pdf`: the site alone."""
    plugin = config.plugins.get("prirucka-print")
    if plugin is not None:
        plugin.config.enabled = False


def build(config: MkDocsConfig) -> None:
    """Build the site; raise AuthorError when the build is aborted."""
    try:
        mkdocs_build(config)
    except exceptions.Abort as exc:
        reason = "" if "BuildError" in str(exc) else f": {exc}"
        raise AuthorError(
            Path(config.config_file_path).name,
            None,
            f"build failed{reason} (the messages above say where and why)",
        ) from None


def build_atomically(
    config_file: str | Path, site_dir: str | None, no_pdf: bool = False, **options
) -> Path:
    """Build into a new folder beside the site and swap it in only when the build succeeded.

    A build that fails (a strict warning, an error) or is killed leaves the
    previous complete site in place; the site folder is checked first, so a
    build never empties a folder of sources. Returns the site folder.
    """
    settings = project.load(config_file)
    target = Path(site_dir).absolute() if site_dir else settings.site_dir
    problem = site_dir_problem(target, settings.root, settings.docs_dir)
    if problem:
        raise AuthorError(settings.config_file or config_file, None, problem)
    _remove_leftovers(target)
    building = target.with_name(f".{target.name}.building-{os.getpid()}")
    config = load(config_file, site_dir=str(building), **options)
    if no_pdf:
        disable_pdf(config)
    try:
        build(config)
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        if target.exists():
            target.replace(old)
        building.replace(target)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as error:
        raise AuthorError(target, None, f"cannot be written ({error.strerror or error})") from None
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return target


def _remove_leftovers(target: Path) -> None:
    """Folders of builds that were killed (their process is gone)."""
    for pattern in (f".{target.name}.building-*", f".{target.name}.old-*"):
        for folder in target.parent.glob(pattern):
            pid = folder.name.rsplit("-", 1)[-1]
            if pid.isdigit() and not running(int(pid)):
                shutil.rmtree(folder, ignore_errors=True)
