"""Run MkDocs for the `prirucka` command, turning its failures into author messages."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import yaml
from mkdocs import exceptions
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import get_yaml_loader

from ..core.errors import AuthorError

_CONFIG_MESSAGE = re.compile(r"Config value '(?P<key>[^']+)': (?P<message>.*)", re.S)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _key_line(text: str, dotted_key: str) -> int | None:
    """Line of the top-level key of `dotted_key` in mkdocs.yml, if written there."""
    top = dotted_key.split(".")[0]
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"{re.escape(top)}\s*:", line):
            return number
    return None


def _check_yaml(path: Path) -> str:
    """Parse mkdocs.yml as MkDocs will; raise AuthorError with the line on a syntax error."""
    if not path.is_file():
        raise AuthorError(
            path, None, "no such file; run the command in the project folder or pass -f"
        )
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=get_yaml_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise AuthorError(
            path,
            mark.line + 1 if mark else None,
            f"not valid YAML ({problem}); check the indentation and the colons",
        ) from None
    if not isinstance(data, dict):
        raise AuthorError(path, 1, "must be a set of `key: value` settings (see the README)")
    return text


def load(config_file: str | Path, **options) -> MkDocsConfig:
    """Load and validate mkdocs.yml; raise AuthorError naming the line of each bad setting."""
    path = Path(config_file)
    text = _check_yaml(path)
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
                line = _key_line(text, match["key"])
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
        raise AuthorError(
            Path(config.config_file_path).name, None, f"build failed: {exc}"
        ) from None
