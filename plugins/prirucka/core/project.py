"""A Příručka project as the CLI and the print pipeline see it, read from mkdocs.yml.

MkDocs is not imported: the settings we need (folders, site URL, languages,
Markdown extensions) are read from the YAML directly, so `prirucka pdf` and the
checks work without a site build.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import AuthorError
from .languages import SUPPORTED


class _Loader(yaml.SafeLoader):
    """Safe YAML plus the tags mkdocs.yml may use (!ENV, !relative, python names)."""


def _env(loader: _Loader, node: yaml.Node) -> Any:
    values = (
        loader.construct_sequence(node)
        if isinstance(node, yaml.SequenceNode)
        else [loader.construct_scalar(node)]
    )
    *names, default = values if len(values) > 1 else (*values, None)
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass
class Project:
    root: Path
    docs_dir: Path
    site_dir: Path
    site_url: str
    default_language: str
    languages: list[str]
    markdown_extensions: list[Any] = field(default_factory=list)
    extension_configs: dict[str, dict] = field(default_factory=dict)
    plugin_configs: dict[str, dict] = field(default_factory=dict)

    @property
    def handbook_dir(self) -> Path:
        return self.root / "handbook"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache" / "prirucka"

    def language_dir(self, lang: str) -> Path:
        return self.docs_dir / lang

    def page_url(self, lang: str, path: str) -> str:
        """Absolute URL of a page (path relative to its language folder) on the site."""
        prefix = "" if lang == self.default_language else f"{lang}/"
        stem = path[: -len(".md")] if path.endswith(".md") else path
        if stem == "index" or stem.endswith("/index"):
            stem = stem[: -len("index")]
        else:
            stem += "/"
        base = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        return base + prefix + stem


def _split_extensions(entries: list[Any]) -> tuple[list[str], dict[str, dict]]:
    names: list[str] = []
    configs: dict[str, dict] = {}
    for entry in entries or []:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, dict):
            for name, options in entry.items():
                names.append(name)
                if options:
                    configs[name] = dict(options)
    return names, configs


def load(config_file: str | Path = "mkdocs.yml") -> Project:
    """Read the project whose configuration is `config_file`."""
    path = Path(config_file).resolve()
    if not path.is_file():
        raise AuthorError(
            config_file, None, "no such file; run the command in the project folder or pass -f"
        )
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise AuthorError(
            path,
            mark.line + 1 if mark else None,
            f"not valid YAML ({getattr(exc, 'problem', exc)})",
        ) from None
    root = path.parent
    plugins: dict[str, dict] = {}
    for entry in data.get("plugins") or []:
        if isinstance(entry, str):
            plugins[entry] = {}
        elif isinstance(entry, dict):
            for name, options in entry.items():
                plugins[name] = dict(options or {})
    i18n = plugins.get("i18n", {})
    languages = [lang["locale"] for lang in i18n.get("languages", []) if lang.get("build", True)]
    default = next(
        (lang["locale"] for lang in i18n.get("languages", []) if lang.get("default")), None
    )
    if not languages:
        theme = data.get("theme") or {}
        languages = [theme.get("language", "en") if isinstance(theme, dict) else "en"]
    default = default or languages[0]
    languages = [default] + [lang for lang in languages if lang != default]
    unknown = [lang for lang in languages if lang not in SUPPORTED]
    if unknown:
        raise AuthorError(
            path, None, f"languages {unknown} are not supported; Příručka speaks {list(SUPPORTED)}"
        )
    names, configs = _split_extensions(data.get("markdown_extensions"))
    return Project(
        root=root,
        docs_dir=(root / data.get("docs_dir", "docs")).resolve(),
        site_dir=(root / data.get("site_dir", "site")).resolve(),
        site_url=data.get("site_url") or "",
        default_language=default,
        languages=languages,
        markdown_extensions=names,
        extension_configs=configs,
        plugin_configs=plugins,
    )
