"""prirucka-languages: honest bilingual pages on top of mkdocs-static-i18n.

- untranslated pages are served in every language with a notice in the
  reader's language (the partial notice-fallback.html), `lang` of the language
  they are written in, and a canonical link to the original (both directions,
  not only to the default); in the navigation they stand in their own section,
  among the translated pages, not in a group of the other language at the end;
- default admonition titles in the page's language;
- one sitemap without fallback copies, with every page's other languages
  (hreflang) in it rather than in each page's head: Material's script fetches
  a `sitemap.xml` next to every alternate link it finds there, which 404s;
- a 404 page for readers of every language.
"""

from __future__ import annotations

import gzip
import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ...core import languages, sitemap
from ...markdown import LANGUAGE_AWARE
from .. import i18n_adapter as i18n
from .. import requirements
from ..context_adapter import context
from ..templates import place_templates, render
from .config import LanguagesConfig

log = get_plugin_logger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
ADMONITIONS = "prirucka_admonitions"
# A page's other languages in its head (Material's, from i18n's `extra.alternate`).
# Starts with the literal tag, so the regex engine jumps between candidates.
_ALTERNATE_LINK = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?[ \t]*')
_NAV_LINK = re.compile(r'<a href="([^"]*)" class="md-nav__link')


class LanguagesPlugin(BasePlugin[LanguagesConfig]):
    def __init__(self) -> None:
        self._all_pages: list[File] = []
        self._sitemap: dict[tuple[str, str], sitemap.SitemapPage] = {}
        self._not_found: dict[str, bytes] = {}
        self._fallback_urls: dict[str, str] = {}  # this pass's untranslated pages: url -> lang

    @event_priority(-110)  # after i18n (-100) has set the language of this build pass
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requirements.check(config, "prirucka-languages")
        context(config)  # loads and checks every input once for this build
        if ADMONITIONS not in config.markdown_extensions:
            config.markdown_extensions.append(ADMONITIONS)
        config.mdx_configs.setdefault(ADMONITIONS, {})
        place_templates(config, TEMPLATES)
        return config

    @event_priority(-90)  # before i18n (-100) narrows the files to this language
    def _remember_all_pages(self, files: Files, config: MkDocsConfig) -> Files:
        self._all_pages = list(files.documentation_pages())
        return files

    @event_priority(-110)  # after i18n (-100) chose this language's files
    def _add_missing_pages(self, files: Files, config: MkDocsConfig) -> Files:
        i18n.verify_files(files, config)
        composed_names(files, config)
        for copy in i18n.add_missing_pages(files, self._all_pages, config):
            log.info(
                f"'{copy.src_uri}' has no {i18n.current_language(config)} version; "
                "serving the original with an untranslated-page notice"
            )
        # Ours and i18n's own fallback copies (of the default language's pages).
        lang = i18n.current_language(config)
        self._fallback_urls = {
            file.url: i18n.source_language(file, config)
            for file in files.documentation_pages()
            if i18n.source_language(file, config) != lang
        }
        return files

    on_files = CombinedEvent(_remember_all_pages, _add_missing_pages)

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # The Markdown of a page is rendered in the language it is written in,
        # also when it is served under the other language's URL.
        lang = i18n.source_language(page.file, config)
        for name in LANGUAGE_AWARE:
            if name in config.markdown_extensions:
                config.mdx_configs.setdefault(name, {})["lang"] = lang
        return markdown

    def on_page_content(
        self, html_text: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        reader = i18n.current_language(config)
        written = i18n.source_language(page.file, config)
        if written == reader:
            return html_text
        notice = {
            "lang": reader,
            "label": languages.text(reader, "fallback_label"),
            "text": languages.fallback_notice(reader, written),
        }
        return render(config, "notice-fallback", notice=notice) + "\n" + html_text

    @event_priority(-105)  # after i18n (-100) made this language's navigation, before
    # prirucka-navigation (-110) titles and orders its sections
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        lang = i18n.current_language(config)
        _place_fallbacks(nav, lambda page: i18n.source_language(page.file, config) != lang)
        return nav

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.config.sitemap:
            output = _ALTERNATE_LINK.sub("", output)
        # Titles of untranslated pages in the navigation are in their own language.
        if not self._fallback_urls:
            return output
        hrefs = {get_relative_url(url, page.url): lang for url, lang in self._fallback_urls.items()}

        def mark(match: re.Match) -> str:
            lang = hrefs.get(match.group(1))
            if lang is None:
                return match.group(0)
            return f'<a href="{match.group(1)}" hreflang="{lang}" lang="{lang}" class="md-nav__link'

        return _NAV_LINK.sub(mark, output)

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        return _ALTERNATE_LINK.sub("", output) if self.config.sitemap else output

    @event_priority(40)  # after i18n (50) set the language switcher for this page
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        reader = i18n.current_language(config)
        written = i18n.source_language(page.file, config)
        context["prirucka_content_lang"] = written
        fallback = written != reader
        if fallback and config.site_url:
            page.canonical_url = urljoin(config.site_url, i18n.original_url(page.file, config))
        path = i18n.norm_path(page.file)
        self._sitemap[(path, reader)] = sitemap.SitemapPage(path, reader, page.url, fallback)
        return context

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        if template_name == "404.html":
            context["prirucka_not_found"] = _not_found_texts(config)
        return context

    @event_priority(0)  # before i18n (-100) re-runs the build for the next language
    def _keep_not_found_page(self, config: MkDocsConfig) -> None:
        page = Path(config.site_dir) / "404.html"
        if page.exists():
            self._not_found[i18n.current_language(config)] = page.read_bytes()

    @event_priority(-110)  # after i18n (-100) has built every language
    def _finish(self, config: MkDocsConfig) -> None:
        if i18n.in_nested_build(config):
            return
        site = Path(config.site_dir)
        # Static hosts serve only the root 404.html: the default language's,
        # which speaks to readers of every language; keep the others beside it.
        for lang, content in self._not_found.items():
            target = site / i18n.language_prefix(config, lang) / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        if self.config.sitemap and config.site_url:
            _write_sitemap(site, list(self._sitemap.values()), config)

    on_post_build = CombinedEvent(_keep_not_found_page, _finish)


def composed_names(files: Files, config: MkDocsConfig) -> None:
    """Files named in decomposed Unicode (NFD, as macOS writes `á`) under their composed
    name (NFC), the form links are typed in, so `[x](kam-se-obrátit.md)` finds the page.
    The file keeps reading its real path; i18n's attributes stay as they are."""
    for file in list(files):
        composed = unicodedata.normalize("NFC", file.src_uri)
        if composed == file.src_uri or file.abs_src_path is None:
            continue
        real = file.abs_src_path
        files.remove(file)
        file.src_uri = composed
        file.abs_src_path = real
        file.dest_uri = unicodedata.normalize("NFC", file.dest_uri)
        file.__dict__.pop("url", None)  # computed from dest_uri: again
        file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_uri))
        if getattr(file, "norm_src_uri", None):
            file.norm_src_uri = unicodedata.normalize("NFC", file.norm_src_uri)
        files.append(file)


def _not_found_texts(config: MkDocsConfig) -> list[dict[str, str]]:
    base = urlsplit(config.site_url or "/").path or "/"
    if not base.endswith("/"):
        base += "/"
    current = i18n.current_language(config)
    ordered = sorted(i18n.build_languages(config), key=lambda lang: lang != current)
    return [
        {
            "lang": lang,
            "home": base + i18n.language_prefix(config, lang),
            "title": languages.text(lang, "not_found_title"),
            "text": languages.text(lang, "not_found_text"),
            "home_label": languages.text(lang, "not_found_home"),
        }
        for lang in ordered
    ]


def _write_sitemap(site: Path, pages: list[sitemap.SitemapPage], config: MkDocsConfig) -> None:
    xml = sitemap.render(pages, config.site_url, i18n.default_language(config)).encode("utf-8")
    (site / "sitemap.xml").write_bytes(xml)
    # mtime=0: the same pages give the same bytes.
    with open(site / "sitemap.xml.gz", "wb") as raw:
        with gzip.GzipFile(filename="sitemap.xml", fileobj=raw, mode="wb", mtime=0) as gz:
            gz.write(xml)


def _pages(item) -> list[Page]:
    if isinstance(item, Page):
        return [item]
    if isinstance(item, Section):
        return [page for child in item.children for page in _pages(child)]
    return []


def _folder(section: Section, depth: int) -> str | None:
    """The docs folder a section stands for (its pages' folder at `depth`)."""
    for page in _pages(section):
        parts = i18n.norm_path(page.file).split("/")
        if len(parts) > depth:
            return "/".join(parts[:depth])
    return None


def _place_fallbacks(nav: Navigation, untranslated: Callable[[Page], bool]) -> None:
    """Move sections made only of untranslated pages into the reader's section of the
    same folder: "Projects › Zaostřeno na rodinu", not a Czech "Projekty" group at the end.
    A folder with no page in the reader's language keeps its own section."""

    def fallback_only(section: Section) -> bool:
        pages = _pages(section)
        return bool(pages) and all(untranslated(page) for page in pages)

    def walk(items: list, depth: int) -> None:
        sections = [item for item in items if isinstance(item, Section)]
        own = {
            _folder(section, depth): section for section in sections if not fallback_only(section)
        }
        for section in sections:
            if not fallback_only(section):
                continue
            target = own.get(_folder(section, depth))
            if target is None:
                continue
            # Its subsections meet the reader's own of the same folder one level down.
            for child in section.children:
                child.parent = target
            target.children.extend(section.children)
            items.remove(section)
        for section in [item for item in items if isinstance(item, Section)]:
            walk(section.children, depth + 1)

    walk(nav.items, 1)
