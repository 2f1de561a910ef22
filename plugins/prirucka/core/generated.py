"""Pages the build makes (not written by editors), so checks know links to them are fine."""

from __future__ import annotations

from typing import Any

STATUS_PAGE = "pro-editory/stav-prekladu.md"  # prirucka-translations
GLOSSARY_PAGE = "glosar.md"  # prirucka-glossary
PUBLICATIONS_PAGE = "publikace.md"  # prirucka-print
CATALOGUE_FOLDER = "katalog"  # prirucka-catalogue
CATALOGUE_PAGES = ("index", "prirucky", "manualy", "letaky", "metodiky", "projekty")


def generated_pages(plugin_configs: dict[str, dict[str, Any]]) -> set[str]:
    """Paths (relative to a language folder) of the pages the configured plugins generate."""
    pages: set[str] = set()

    def option(plugin: str, key: str, default: str) -> str | None:
        if plugin not in plugin_configs:
            return None
        return (plugin_configs[plugin] or {}).get(key, default)

    for plugin, key, default in (
        ("prirucka-translations", "status_page", STATUS_PAGE),
        ("prirucka-glossary", "page", GLOSSARY_PAGE),
        ("prirucka-print", "publications_page", PUBLICATIONS_PAGE),
    ):
        value = option(plugin, key, default)
        if value:
            pages.add(value)
    folder = option("prirucka-catalogue", "folder", CATALOGUE_FOLDER)
    if folder:
        pages.update(f"{folder}/{name}.md" for name in CATALOGUE_PAGES)
    return pages
