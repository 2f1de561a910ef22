"""A Příručka project's settings, read from mkdocs.yml without MkDocs.

The site build takes the same settings from MkDocs' own validated config
(mkdocs/context_adapter.py); the commands that do not build a site (`check`,
`pdf`, `status`…) read them here, in a few milliseconds instead of the half
second MkDocs needs to load its plugins. Like MkDocs, this reader follows
`INHERIT:` (a parent file, merged key by key) and understands the tags
mkdocs.yml may use (`!ENV`, `!relative`, `!!python/name:`). A test keeps both
readers in agreement on every fixture.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from .errors import AuthorError
from .languages import SUPPORTED
from .textfile import read_text

GLOSSARY_DEFAULT = "handbook/glossary.yml"
# A config that expands to more values than this (nested YAML aliases) is refused.
_MAX_NODES = 100_000


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


def _relative(loader: _Loader, node: yaml.Node) -> Any:
    # `!relative $config_dir`: a path MkDocs resolves; not used by our settings.
    return loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None


def _python_name(loader: _Loader, suffix: str, node: yaml.Node) -> Any:
    """`!!python/name:module.attr` (Material's fences use it), imported as MkDocs does."""
    if not suffix.startswith("name:"):
        return None
    import importlib

    module_name, _, attribute = suffix[len("name:") :].rpartition(".")
    try:
        return getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError, ValueError):
        mark = node.start_mark
        raise AuthorError(
            Path(mark.name) if mark.name and mark.name != "<unicode string>" else "mkdocs.yml",
            mark.line + 1,
            f"`!!python/{suffix}` cannot be imported; is the package installed?",
        ) from None


_Loader.add_constructor("!ENV", _env)
_Loader.add_constructor("!relative", _relative)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _python_name)


def _size(node: yaml.Node, memo: dict[int, int]) -> int:
    """How many values `node` stands for once its aliases are expanded."""
    key = id(node)
    if key not in memo:
        memo[key] = 1  # guards against a node that contains itself
        if isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = node.value
        else:
            children = []
        memo[key] = 1 + sum(_size(child, memo) for child in children)
    return memo[key]


def _read_yaml(path: Path) -> dict:
    text = read_text(path)
    loader = _Loader(text)
    loader.name = str(path)
    try:
        node = loader.get_single_node()
        if node is not None and _size(node, {}) > _MAX_NODES:
            raise AuthorError(
                path,
                None,
                "expands to too many values (nested YAML aliases); write the settings out",
            )
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise AuthorError(
            path,
            mark.line + 1 if mark else None,
            f"not valid YAML ({getattr(exc, 'problem', None) or exc}); check the indentation and the colons",
        ) from None
    except (ValueError, RecursionError) as exc:
        raise AuthorError(path, None, f"cannot be read ({exc})") from None
    finally:
        loader.dispose()
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise AuthorError(path, 1, "must be a set of `key: value` settings (see the README)")
    return data


def _merge(parent: Any, child: Any) -> Any:
    """As MkDocs merges INHERIT: mappings key by key, anything else replaced by the child."""
    if isinstance(parent, dict) and isinstance(child, dict):
        merged = dict(parent)
        for key, value in child.items():
            merged[key] = _merge(parent[key], value) if key in parent else value
        return merged
    return child


def read_config(path: Path, seen: tuple[Path, ...] = ()) -> dict:
    """mkdocs.yml as MkDocs sees it, with its INHERIT parents merged in."""
    data = _read_yaml(path)
    parent_name = data.pop("INHERIT", None)
    if parent_name is None:
        return data
    parent = (path.parent / str(parent_name)).resolve()
    if parent in seen or parent == path.resolve():
        raise AuthorError(path, None, f"`INHERIT: {parent_name}` inherits from itself")
    if not parent.is_file():
        raise AuthorError(path, None, f"`INHERIT: {parent_name}`: no such file")
    return _merge(read_config(parent, (*seen, path.resolve())), data)


@dataclass(frozen=True)
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
    site_name: str = ""
    config_file: Path | None = None

    @property
    def handbook_dir(self) -> Path:
        return self.root / "handbook"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache" / "prirucka"

    @cached_property  # asked for every page; resolving touches the disk
    def glossary_path(self) -> Path:
        """The term base: `glossary:` of prirucka-glossary, else handbook/glossary.yml."""
        options = self.plugin_configs.get("prirucka-glossary") or {}
        return (self.root / str(options.get("glossary") or GLOSSARY_DEFAULT)).resolve()

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


def split_entries(entries: Any) -> tuple[list[str], dict[str, dict]]:
    """A `plugins:` or `markdown_extensions:` list as names and their options."""
    names: list[str] = []
    configs: dict[str, dict] = {}
    if isinstance(entries, dict):  # MkDocs accepts a mapping too
        entries = [{name: options} for name, options in entries.items()]
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, dict):
            for name, options in entry.items():
                names.append(str(name))
                if isinstance(options, dict) and options:
                    configs[str(name)] = dict(options)
    return names, configs


def i18n_languages(i18n: dict, theme_language: str | None) -> tuple[list[str], str]:
    """(built languages with the default first, default) from the i18n plugin's options."""
    entries = [e for e in i18n.get("languages") or [] if isinstance(e, dict)]
    languages = [str(e.get("locale")) for e in entries if e.get("build", True) and e.get("locale")]
    default = next(
        (str(e["locale"]) for e in entries if e.get("default") and e.get("locale")), None
    )
    if not languages:
        languages = [theme_language or "en"]
    default = default or languages[0]
    return [default] + [lang for lang in languages if lang != default], default


def load(config_file: str | Path = "mkdocs.yml") -> Project:
    """Read the project whose configuration is `config_file`."""
    path = Path(config_file).resolve()
    if not path.is_file():
        raise AuthorError(
            config_file, None, "no such file; run the command in the project folder or pass -f"
        )
    data = read_config(path)
    root = path.parent
    plugin_names, plugin_options = split_entries(data.get("plugins"))
    plugins = {name: plugin_options.get(name, {}) for name in plugin_names}
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    languages, default = i18n_languages(plugins.get("i18n", {}), theme.get("language"))
    unknown = [lang for lang in languages if lang not in SUPPORTED]
    if unknown:
        raise AuthorError(
            path, None, f"languages {unknown} are not supported; Příručka speaks {list(SUPPORTED)}"
        )
    names, configs = split_entries(data.get("markdown_extensions"))
    return Project(
        root=root,
        docs_dir=(root / str(data.get("docs_dir") or "docs")).resolve(),
        site_dir=(root / str(data.get("site_dir") or "site")).resolve(),
        site_url=str(data.get("site_url") or ""),
        default_language=default,
        languages=languages,
        markdown_extensions=names,
        extension_configs=configs,
        plugin_configs=plugins,
        site_name=str(data.get("site_name") or ""),
        config_file=path,
    )


def locate_page(project: Project, argument: str, cwd: Path | None = None) -> tuple[str | None, str]:
    """(language, path inside the language folders) of a page an editor named.

    Accepts `docs/en/prirucka/x.md` (from the current folder or the project's),
    `en/prirucka/x.md`, or `prirucka/x.md` (language not said). Anything else —
    a file outside docs/<lang>/, a path climbing out with `..`, a file that is
    not Markdown, a link leading out of the project — is refused with one line,
    so no command ever writes outside the language folders.
    """
    folders = " or ".join(f"docs/{code}/" for code in project.languages)
    why = f"not a page of {folders} (a .md file inside a language folder); nothing else is used"
    written = Path(argument)
    lang: str | None = None
    relative: str | None = None
    for base in (cwd or Path.cwd(), project.root):
        full = (base / written).absolute()
        for code in project.languages:
            root = project.language_dir(code).absolute()
            try:
                relative = full.relative_to(root).as_posix()
            except ValueError:
                continue
            lang = code
            break
        if lang is not None:
            break
    if lang is None:
        if written.is_absolute():
            raise AuthorError(argument, None, why)
        parts = written.as_posix().split("/")
        if parts[0] in project.languages and len(parts) > 1:
            lang, relative = parts[0], "/".join(parts[1:])
        else:
            relative = written.as_posix()
    normal = posixpath.normpath(relative or "")
    if (
        normal.startswith("..")
        or normal.startswith("/")
        or normal == "."
        or not normal.endswith(".md")
    ):
        raise AuthorError(argument, None, why)
    for code in [lang] if lang else project.languages:
        file = project.language_dir(code) / normal
        if file.exists() and not file.resolve().is_relative_to(project.root.resolve()):
            raise AuthorError(
                argument, None, "is a link to a file outside the project; it is not used"
            )
    return lang, normal


def key_line(path: Path, dotted_key: str) -> int | None:
    """The line of `dotted_key` ("plugins", "theme.palette") in mkdocs.yml, or of its
    nearest parent written there; None when the file cannot be read."""
    from .yamlfile import walk_lines

    try:
        node = yaml.compose(read_text(path), Loader=_Loader)
    except (yaml.YAMLError, AuthorError):
        return None
    lines: dict = {}
    if node is not None:
        walk_lines(node, (), lines)
    key = tuple(dotted_key.split("."))
    while key:
        if key in lines:
            return lines[key]
        key = key[:-1]
    return None
