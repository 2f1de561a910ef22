"""The build context for a MkDocs build: made once, from MkDocs' own config.

Every plugin of ours calls `context(config)` in `on_config`. The first call of
a build makes the `BuildContext` (core/context.py) from the validated MkDocs
config; mkdocs-static-i18n then runs the build once per language with the same
config object, and every later call returns the same context. `mkdocs serve`
makes a new config for each rebuild: the context is loaded again, reusing
whatever the previous one read from unchanged files.

Here too, before anything is built: a site directory that would destroy
sources is refused, and files the build must not read (links out of the
project, text that is not UTF-8) stop the build with every `path:line` at once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..core.context import BuildContext, load_context
from ..core.offload import Helper, usable_cores
from ..core.project import Project
from ..core.sitedir import mark, site_dir_problem
from . import i18n_adapter as i18n

# Findings that make the site unsafe or impossible to build, whatever plugins are on.
FATAL = ("file-outside", "file-unreadable")

_previous: dict[Path, BuildContext] = {}
# Helpers by worker count, kept for the process: `serve` rebuilds reuse the worker.
_helpers: dict[int, Helper] = {}
# Set to 0 to keep all work in the build's own process (for profiling, or a busy machine).
HELPER_ENV = "PRIRUCKA_HELPER"


def _plain(value: Any) -> Any:
    """Options as plain dicts and lists (MkDocs' nested Config objects are mappings)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def project_from_config(config: MkDocsConfig) -> Project:
    """The project's settings as MkDocs validated them."""
    config_file = Path(config.config_file_path).resolve()
    languages = i18n.build_languages(config)
    plugins = {}
    for name, plugin in config.plugins.items():
        options = getattr(plugin, "config", None)
        plugins[name] = _plain(options) if options is not None else {}
    if "i18n" in plugins:
        plugins["i18n"] = {}  # its options are read through the adapter, not from here
    return Project(
        root=config_file.parent,
        docs_dir=Path(config.docs_dir).resolve(),
        site_dir=Path(config.site_dir).resolve(),
        site_url=config.site_url or "",
        default_language=i18n.default_language(config),
        languages=languages,
        markdown_extensions=[name for name in config.markdown_extensions if isinstance(name, str)],
        extension_configs={
            name: dict(options) for name, options in (config.mdx_configs or {}).items() if options
        },
        plugin_configs=plugins,
        site_name=config.site_name or "",
        config_file=config_file,
    )


def context(config: MkDocsConfig) -> BuildContext:
    """This build's context (made on the first call of the build)."""
    ctx = getattr(config, "_prirucka_context", None)
    if ctx is not None:
        return ctx
    i18n.verify(config)
    project = project_from_config(config)
    problem = site_dir_problem(project.site_dir, project.root, project.docs_dir) or mark(
        project.site_dir
    )
    if problem:
        raise PluginError(problem)
    ctx = load_context(project, _previous.get(project.root))
    _previous[project.root] = ctx
    config._prirucka_context = ctx
    # Pages whose front matter cannot even be parsed are unusable by any plugin.
    unusable = [f for page in ctx.pages.values() if page.doc is None for f in page.problems]
    fatal = sorted(set(ctx.problems(*FATAL)) | set(unusable), key=lambda f: (f.path, f.line))
    if fatal:
        raise PluginError("files that cannot be used:\n" + "\n".join(f.short() for f in fatal))
    return ctx


def reserve_cores(config: MkDocsConfig, count: int) -> None:
    """`count` cores are busy for the rest of this build (PDF workers): no helper uses them."""
    config._prirucka_busy_cores = count


def idle_cores(config: MkDocsConfig) -> int:
    """Cores neither the build nor its PDF workers use: work may move there (known after
    prirucka-print's `on_pre_build`). PRIRUCKA_HELPER=0 keeps everything in the build."""
    if os.environ.get(HELPER_ENV, "1") == "0":
        return 0
    return max(usable_cores() - 1 - getattr(config, "_prirucka_busy_cores", 0), 0)


def helper(config: MkDocsConfig) -> Helper:
    """This build's helper for pure page work (core/offload.py): one worker process
    when a core is idle, none otherwise. Decided on the first call, after every
    plugin's `on_pre_build`."""
    found = getattr(config, "_prirucka_helper", None)
    if found is None:
        workers = 1 if idle_cores(config) > 0 else 0
        found = _helpers.setdefault(workers, Helper(workers))
        config._prirucka_helper = found
    return found
