"""prirucka-cache: a page whose inputs did not change is not converted again.

Converting Markdown is most of a build's work, and between two builds (or two
saves in `serve`) most pages are unchanged. MkDocs converts every page in
`Page.render`; here each page's `render` is wrapped: it looks up the result
of an earlier conversion of exactly the same input and, when there is one,
restores what `render` would have set (the HTML, the table of contents, the
title, the anchors) and replays the messages the conversion logged, so a
strict build fails on a cached page as it failed the first time. Otherwise it
converts and keeps the result.

The key is everything the conversion can see: the page's Markdown as the
other plugins leave it, its place (file and URL), every file of the site and
its URL (relative links are resolved against them), the Markdown extensions
with their options (per page: language, source line), the glossary, MkDocs'
link validation settings and the versions of the code. Extensions that read
other files (snippets, includes) make pages uncachable: the cache turns off.
Entries are verified by hash (core/cache.py); a damaged one is made again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ...core import cache as verified
from ...core.cache import package_digest
from .. import requirements
from ..context_adapter import context
from .config import CacheConfig

log = get_plugin_logger(__name__)

FORMAT = "prirucka-page-1"
# Extensions whose output depends on files other than the page.
READS_FILES = ("pymdownx.snippets", "markdown_include.include", "mdx_include")
PACKAGES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material", "mkdocs-static-i18n")


def _named(value: object) -> str:
    """An option that is not plain data (a function, a class, a loaded glossary) by its name."""
    digest = getattr(value, "cache_digest", None)
    if isinstance(digest, str):
        return digest
    name = getattr(value, "__qualname__", None) or type(value).__qualname__
    return f"{getattr(value, '__module__', '')}.{name}"


def _versions() -> str:
    found = []
    for package in PACKAGES:
        try:
            found.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            found.append(f"{package}=-")
    return " ".join(found)


class _Capture(logging.Handler):
    """The messages a conversion logs, to replay them when its result is reused."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _tokens(items) -> list[dict[str, Any]]:
    return [
        {"level": i.level, "id": i.id, "name": i.title, "children": _tokens(i.children)}
        for i in items
    ]


class CachePlugin(BasePlugin[CacheConfig]):
    def __init__(self) -> None:
        self.build_key = ""
        self.shelf: verified.Shelf | None = None

    @event_priority(-110)  # after i18n (-100) set this pass's language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requirements.check(config, "prirucka-cache")
        ctx = context(config)
        self.shelf = verified.Shelf(ctx.project.cache_dir / "pages")
        self.active = self.config.enabled
        reading = [name for name in config.markdown_extensions if name in READS_FILES]
        if self.active and reading:
            log.info(f"page cache off: {', '.join(reading)} reads other files")
            self.active = False
        glossary = ctx.project.glossary_path
        self.base_key = json.dumps(
            [
                FORMAT,
                _versions(),
                package_digest(),
                config.use_directory_urls,
                config.site_url,
                dict(config.validation) if config.validation else None,
                verified.file_digest(glossary) if glossary.is_file() else None,
            ],
            sort_keys=True,
            default=_named,
        )
        return config

    @event_priority(-300)  # last: the files every other plugin added or removed
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        digest = hashlib.sha256(self.base_key.encode())
        for file in sorted(files, key=lambda f: f.src_uri):
            digest.update(f"{file.src_uri}\0{file.dest_uri}\0{file.url}\n".encode())
        self.build_key = digest.hexdigest()
        return files

    @event_priority(-300)  # after prirucka-blocks (-200) set the page's source line
    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.active and self.shelf is not None:
            original = page.render
            page.render = lambda config, files: self._render(page, original, config, files)
        return markdown

    def _key(self, page: Page, config: MkDocsConfig) -> str:
        options = json.dumps(
            [list(map(str, config.markdown_extensions)), config.mdx_configs],
            sort_keys=True,
            default=_named,
        )
        digest = hashlib.sha256(self.build_key.encode())
        for part in (page.file.src_uri, page.file.dest_uri, page.url, options, page.markdown):
            digest.update(str(part).encode() + b"\0")
        return digest.hexdigest()

    def _render(self, page: Page, original, config: MkDocsConfig, files: Files) -> None:
        key = self._key(page, config)
        data = self.shelf.load(key)
        if data is not None:
            try:
                self._restore(page, json.loads(data), files)
                return
            except (ValueError, KeyError, TypeError):
                self.shelf.discard(key)
        capture = _Capture()
        loggers = [logging.getLogger("mkdocs"), logging.getLogger()]
        for logger in loggers:
            logger.addHandler(capture)
        try:
            original(config, files)
        finally:
            for logger in loggers:
                logger.removeHandler(capture)
        entry = {
            "content": page.content,
            "toc": _tokens(page.toc),
            "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links_to_anchors": (
                {f.src_uri: links for f, links in page.links_to_anchors.items()}
                if page.links_to_anchors is not None
                else None
            ),
            "log": capture.records,
        }
        self.shelf.store_later(key, json.dumps(entry, ensure_ascii=False).encode())

    @event_priority(-1000)  # last: every page of every language is converted
    def on_post_build(self, config: MkDocsConfig) -> None:
        verified.flush()

    def on_build_error(self, error: Exception) -> None:
        verified.flush()  # what was converted is kept for the next build

    @staticmethod
    def _restore(page: Page, entry: dict, files: Files) -> None:
        for name, level, message in entry["log"]:
            logging.getLogger(name).log(level, message)
        page.content = entry["content"]
        page.toc = get_toc(entry["toc"])
        page._title_from_render = entry["title"]
        page.present_anchor_ids = set(entry["anchors"])
        links = entry["links_to_anchors"]
        if links is not None:
            page.links_to_anchors = {
                files.get_file_from_path(src): anchors
                for src, anchors in links.items()
                if files.get_file_from_path(src) is not None
            }
