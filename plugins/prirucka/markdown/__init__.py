"""Python-Markdown extensions: the same syntax for the web and for print.

Python-Markdown tells an extension nothing about the page it converts. When
MkDocs renders a page it adds its own `relpath` treeprocessor to the page's
Markdown instance, holding the page's `file` and the site's `config`; the
helpers below read those duck-typed (no MkDocs import here), so that each
extension also works on a site without our plugins.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markdown import Markdown

# Which extensions take a per-page `lang`, `path` and `line`: core/extensions.py (print
# reads the same names).
from ..core.extensions import LANGUAGE_AWARE as LANGUAGE_AWARE
from ..core.extensions import SOURCE_AWARE as SOURCE_AWARE

# The language when nothing names one (a bare `markdown.Markdown()`).
DEFAULT_LANGUAGE = "en"


def _mkdocs_page(md: Markdown) -> tuple[Any, Any]:
    """(file, config) of the page MkDocs is rendering with `md`; (None, None) outside MkDocs."""
    if "relpath" not in md.treeprocessors:
        return None, None
    relpath = md.treeprocessors["relpath"]
    return getattr(relpath, "file", None), getattr(relpath, "config", None)


def _setting(config: Any, key: str) -> Any:
    """A setting of MkDocs' config (a mapping with attribute access too)."""
    try:
        return config[key]
    except (KeyError, TypeError, IndexError):
        return getattr(config, key, None)


def page_language(md: Markdown, option: str | None) -> str:
    """The language of the page `md` converts, in this order:

    1. the extension's `lang` option, when set (our site plugins and print set it per page);
    2. in an MkDocs build with mkdocs-static-i18n, the language folder of the page's file
       (a page served untranslated under the other language keeps its own language);
    3. the site's `theme.language` (i18n sets it per language pass);
    4. English.

    Only the primary subtag is kept: `cs_CZ` and `cs-CZ` are `cs`.
    """
    found = option
    if not found:
        file, config = _mkdocs_page(md)
        found = getattr(file, "locale", None)
        if not found:
            theme = _setting(config, "theme") if config is not None else None
            found = theme.get("language") if hasattr(theme, "get") else None
    primary = str(found or "").strip().replace("_", "-").split("-")[0].lower()
    return primary or DEFAULT_LANGUAGE


def project_root(md: Markdown) -> Path | None:
    """The folder of mkdocs.yml in an MkDocs build, else None."""
    _, config = _mkdocs_page(md)
    config_file = _setting(config, "config_file_path") if config is not None else None
    return Path(config_file).resolve().parent if config_file else None


def page_source(md: Markdown) -> str:
    """The page's source file, relative to the project, in an MkDocs build; else ""."""
    file, _ = _mkdocs_page(md)
    source = getattr(file, "abs_src_path", None)
    if not source:
        return ""
    root = project_root(md)
    path = Path(source)
    try:
        return path.resolve().relative_to(root).as_posix() if root else str(path)
    except ValueError:
        return str(path)
