"""prirucka-navigation: the site's navigation without a hand-kept `nav:`.

A folder becomes a section titled like its index.md (so it reads "Projekty" on
Czech pages and "Projects" on English ones), and pages follow the `order:` in
their front matter. With an explicit `nav:` in mkdocs.yml the author's order is kept.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ...core import frontmatter, ordering
from ...core.context import BuildContext
from ...core.errors import AuthorError
from .. import i18n_adapter as i18n
from .. import requirements
from ..context_adapter import context
from .config import NavigationConfig

_EMPTY = frontmatter.Document(path=None)


class _Reader:
    """Front matter of the navigation's pages: from the build context, or, for pages
    generated at build time, from their text."""

    def __init__(self, ctx: BuildContext, config: MkDocsConfig) -> None:
        self.ctx = ctx
        self.config = config

    def __call__(self, file: File) -> frontmatter.Document:
        if file.abs_src_path is None:
            return frontmatter.split(file.content_string, file.src_uri)
        source = self.ctx.page(i18n.source_language(file, self.config), i18n.norm_path(file))
        return source.doc if source is not None and source.doc is not None else _EMPTY


class NavigationPlugin(BasePlugin[NavigationConfig]):
    @event_priority(-110)  # after i18n (-100) set this pass's language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requirements.check(config, "prirucka-navigation")
        self.ctx = context(config)
        return config

    @event_priority(-110)  # after i18n (-100) rebuilt the navigation for this language
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        read = _Reader(self.ctx, config)
        explicit = config.nav is not None
        try:
            if self.config.section_titles_from_index:
                for section in _sections(nav.items):
                    index = _index_page(section)
                    title = index and ordering.page_title(read(index.file))
                    if title:
                        section.title = title
            if self.config.order_from_front_matter and not explicit:
                nav.items = _sorted(nav.items, read)
                for section in _sections(nav.items):
                    section.children = _sorted(section.children, read)
                    _relink(section.children, section)
        except AuthorError as error:
            raise PluginError(str(error)) from None
        if not explicit:
            nav.pages = _pages_in_order(nav.items)
            _chain(nav.pages)
        return nav


def _sections(items) -> list[Section]:
    found = []
    for item in items:
        if isinstance(item, Section):
            found.append(item)
            found.extend(_sections(item.children))
    return found


def _index_page(section: Section) -> Page | None:
    for child in section.children:
        if isinstance(child, Page) and child.file.name == "index":
            return child
    return None


def _key(item, read: _Reader) -> tuple[float, int]:
    if isinstance(item, Page):
        page = item
    elif isinstance(item, Section):
        page = _index_page(item)
    else:
        return (float("inf"), 1)
    if page is None:
        return (float("inf"), 1)
    if page.file.name == "index" and isinstance(item, Page):
        return (float("-inf"), 0)  # a folder's index page always leads its section
    return (ordering.page_order(read(page.file)), 1)


def _sorted(items: list, read: _Reader) -> list:
    # sorted() is stable: entries without `order` keep MkDocs' alphabetical order.
    return sorted(items, key=lambda item: _key(item, read))


def _relink(children: list, parent: Section) -> None:
    for child in children:
        child.parent = parent


def _pages_in_order(items) -> list[Page]:
    pages = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        elif isinstance(item, Section):
            pages.extend(_pages_in_order(item.children))
    return pages


def _chain(pages: list[Page]) -> None:
    """Previous/next links follow the sorted order."""
    for before, after in zip([None, *pages], [*pages, None], strict=True):
        if before is not None:
            before.next_page = after
        if after is not None:
            after.previous_page = before
