"""Our templates in the theme's search path, and the partials our plugins render.

Every piece of HTML our plugins add to a page (fact boxes, catalogue tables,
citation and download boxes, notices, the glossary page…) comes from a Jinja
template in a plugin's `templates/partials/prirucka/` folder. The folders sit
after the project's `custom_dir` in the theme's search path, so a site
overrides any partial the way it overrides Material's: a file of the same name
in its `custom_dir` (`overrides/partials/prirucka/cite.html`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

from ..core.typography import html_text

PARTIALS = "partials/prirucka/"


def place_templates(config: MkDocsConfig, folder: Path) -> None:
    """`folder` after the project's custom_dir, before the theme's own templates.

    Safe to call on every language pass: the folder is moved, never added twice.
    """
    dirs = config.theme.dirs
    ours = str(folder)
    if ours in dirs:
        dirs.remove(ours)
    theme_dir = next(
        (
            i
            for i, d in enumerate(dirs)
            if Path(d, "main.html").exists() and Path(d, "base.html").exists()
        ),
        len(dirs),
    )
    dirs.insert(theme_dir, ours)


def environment(config: MkDocsConfig) -> jinja2.Environment:
    """The theme's Jinja environment (`config.theme.get_env()`), escaping what it renders.

    Made once for the theme's current search path; a separate instance from the
    one MkDocs renders Material's pages with, so autoescaping here changes
    nothing there.
    """
    theme = config.theme
    key = tuple(theme.dirs)
    cached = getattr(theme, "_prirucka_env", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    env = theme.get_env()
    env.autoescape = True
    # `{{ text | typeset(lang) }}`: the language's typography (non-breaking spaces after
    # one-letter prepositions, dashes in ranges…) on the texts we generate.
    env.filters["typeset"] = _typeset
    theme._prirucka_env = (key, env)
    return env


def _typeset(text: Any, lang: str | None) -> Any:
    if not isinstance(text, str) or isinstance(text, Markup) or not text or not lang:
        return text
    return Markup(html_text(text, lang))


def render(config: MkDocsConfig, name: str, **values: Any) -> str:
    """The partial `partials/prirucka/<name>.html`, rendered with `values`."""
    template = environment(config).get_template(f"{PARTIALS}{name}.html")
    return template.render(**values).strip()


def trusted(html: str) -> Markup:
    """HTML we made ourselves (a chart, a rendered partial) to pass into a template as is."""
    return Markup(html)
