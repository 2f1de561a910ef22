"""What each of our plugins needs from mkdocs.yml, declared and checked in one place.

Every plugin's `on_config` calls `check(config, "<its name>")`. What a plugin
needs (another plugin, a Markdown extension, the Material theme) is declared in
`PLUGINS` below (the order under `plugins:` does not matter, see below); a plugin
whose needs are not met stops the build with one line saying what to add or move, with the
line of mkdocs.yml where the plugin is listed. The README's table of
plugins and extensions is `markdown_table()`, so it cannot drift from the checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

I18N = "i18n"
# Plugins a theme provides are loaded under the theme's namespace ("material/tags");
# editors write the short name.
_SHOWN = {"material/tags": "tags", "material/search": "search"}


@dataclass(frozen=True)
class Requirement:
    adds: str  # one line for the README table
    plugins: tuple[tuple[str, str], ...] = ()  # (plugin listed before this one, why)
    extensions: tuple[tuple[str, str], ...] = ()  # (Markdown extension, why)
    material: str = ""  # why the Material theme is needed ("" = any theme)
    notes: str = ""  # what else it needs or works with, for the README table


PLUGINS: dict[str, Requirement] = {
    "prirucka-languages": Requirement(
        adds="untranslated pages served in every language with a notice; admonition titles "
        "in the page's language (adds `prirucka_admonitions`); sitemap and 404 page for both "
        "languages",
        material="its page template extends Material's",
        notes="`i18n` (mkdocs-static-i18n) for the second language",
    ),
    "prirucka-navigation": Requirement(
        adds="sections titled after their `index.md`, pages ordered by `order:`",
    ),
    "prirucka-translations": Requirement(
        adds="a notice on outdated translations; a translation status page per language",
        notes="`i18n`, or there is nothing to compare",
    ),
    "prirucka-glossary": Requirement(
        adds="a glossary page per language; build warnings for variants to avoid",
        notes="`handbook/glossary.yml` (it warns without one); the `prirucka_glossary` "
        "extension explains the terms in the text",
    ),
    "prirucka-documents": Requirement(
        adds="typed front matter checked with file and line; fact boxes; “How to cite” box",
        notes="Material's `tags` plugin shows the tags",
    ),
    "prirucka-catalogue": Requirement(
        adds="the catalogue pages (`katalog/`); related documents and backlinks on every page",
        plugins=(("prirucka-documents", "it checks the front matter the catalogue lists"),),
    ),
    "prirucka-checks": Requirement(
        adds="link, image, heading and unsafe-HTML findings of `prirucka check` as build warnings",
    ),
    "prirucka-blocks": Requirement(
        adds="file and line in the messages of `prirucka_blocks`, reported as build errors "
        "(no traceback)",
        extensions=(("prirucka_blocks", "the plugin only serves that extension"),),
    ),
    "prirucka-theme": Requirement(
        adds="the bundled fonts served from the site (no Google Fonts); Příručka's styles",
        material="it restyles Material and switches off its font loading",
    ),
    "prirucka-search": Requirement(
        adds="Pagefind search in the page's language, with glossary terms and Czech word forms",
        material="its search box replaces Material's",
        notes="instead of Material's `search` plugin (remove that one)",
    ),
    "prirucka-print": Requirement(
        adds="a PDF per `handbook/<id>.yml` in `site/pdf/`; download boxes; the publications page",
        notes="manifests in `handbook/`",
    ),
    "prirucka-cache": Requirement(
        adds="unchanged pages are not converted again (`.cache/prirucka/pages/`); their "
        "messages are replayed",
    ),
}

# The order of plugins under `plugins:` does not matter: where one plugin's work must
# come before another's (i18n sets the page's language before ours read it; the
# catalogue lists what prirucka-documents checked; prirucka-documents names tags in
# the page's language before Material's tags plugin reads them), the events carry
# priorities that say so, each with its reason (`@event_priority`).
# tests/test_standalone.py builds a site with its plugins listed in reverse and
# checks that every page comes out the same.

# The Markdown extensions: what each needs, what it adds (README table only).
EXTENSIONS: dict[str, tuple[str, str]] = {
    "prirucka_typography": (
        "nothing; the page's language comes from `i18n`, else `theme.language`, or the "
        "`lang` option",
        "non-breaking spaces, quotes and dashes by the rules of the page's language",
    ),
    "prirucka_glossary": (
        "`handbook/glossary.yml` next to mkdocs.yml (or the `glossary` option)",
        "abbreviations and terms explained where they are used",
    ),
    "prirucka_blocks": (
        "nothing (pymdown-extensions is installed with Příručka); `prirucka-blocks` adds "
        "the file and line to its messages",
        "the blocks `say`, `avoid`, `steps`, `checklist`, `recommendation`, `record`, "
        "`contact`, `case`, titled in the page's language",
    ),
    "prirucka_admonitions": (
        "nothing (`prirucka-languages` adds it)",
        "default admonition titles in the page's language",
    ),
}


def _shown(name: str) -> str:
    return _SHOWN.get(name, name)


def _listed(config: MkDocsConfig) -> list[str]:
    return list(config.plugins.keys())


def _line(config: MkDocsConfig, name: str) -> str:
    """`mkdocs.yml:12` where `name` is listed, or just the file."""
    path = Path(config.config_file_path or "mkdocs.yml")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return path.name
    pattern = re.compile(rf"^\s*-\s*['\"]?{re.escape(_shown(name))}['\"]?\s*:?\s*(#.*)?$")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return f"{path.name}:{number}"
    return path.name


def problems(config: MkDocsConfig, name: str) -> list[str]:
    """Every unmet need of plugin `name` in this configuration, one line each."""
    requirement = PLUGINS[name]
    listed = _listed(config)
    found: list[str] = []
    for needed, why in requirement.plugins:
        if needed not in listed:
            found.append(
                f"{name} needs {_shown(needed)} ({why}): add `- {_shown(needed)}` before it "
                "under `plugins:` in mkdocs.yml"
            )
    for extension, why in requirement.extensions:
        if extension not in config.markdown_extensions:
            found.append(
                f"{name} needs the Markdown extension {extension} ({why}): add "
                f"`- {extension}` under `markdown_extensions:` in mkdocs.yml"
            )
    if requirement.material and config.theme.name != "material":
        found.append(
            f"{name} needs the Material theme ({requirement.material}): set `name: material` "
            "under `theme:` in mkdocs.yml"
        )
    return found


def check(config: MkDocsConfig, name: str) -> None:
    """Stop the build with one line when plugin `name` lacks what it needs."""
    found = problems(config, name)
    if found:
        raise PluginError(f"{_line(config, name)}: {found[0]}")


def markdown_table() -> str:
    """The README's table: each plugin and extension, what it needs, what it adds."""
    rows = ["| plugin or extension | needs | adds |", "| --- | --- | --- |"]
    for name, requirement in PLUGINS.items():
        needs = [f"`{_shown(plugin)}` listed before it" for plugin, _ in requirement.plugins]
        needs += [f"the extension `{extension}`" for extension, _ in requirement.extensions]
        if requirement.material:
            needs.append("the Material theme")
        if requirement.notes:
            needs.append(requirement.notes)
        rows.append(f"| `{name}` | {'; '.join(needs) or 'nothing'} | {requirement.adds} |")
    for name, (needs, adds) in EXTENSIONS.items():
        rows.append(f"| `{name}` (Markdown) | {needs} | {adds} |")
    return "\n".join(rows) + "\n"
