"""prirucka-search: Pagefind instead of Material's lunr search.

- every page in its own language is marked for Pagefind (`data-pagefind-body`
  on its article); fallback copies of untranslated pages, excluded pages and
  everything around the article (navigation, header, footer) are not;
- front matter `search: {exclude: true}` and `search: {boost: 2}` keep the
  meaning they had with Material's search;
- hidden index terms from the glossary (and lemmas), core.search;
- the search box in Material's header (templates/partials) opens our own
  small interface (assets/search.js) on Pagefind's search API, in the page's
  language; Material's search code and index are not shipped;
- two scopes (a Pagefind filter): readers' pages search readers' pages, the
  editor guide (prirucka-theme's `editors` folder) searches itself;
- the words searched for never go into the address: the page a result opens
  marks them from the tab's session storage, so they stay out of the history;
- Pagefind indexes each page as it is written (core/search.LiveIndex) when a
  core is idle, else the written site once, after the last language is built.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ...core import glossary as glossary_module
from ...core import languages as ui
from ...core import search
from ...core.cache import Memo, file_digest
from ...core.errors import AuthorError
from ...core.offload import Pending
from .. import i18n_adapter as i18n
from .. import requirements
from ..context_adapter import context, helper, idle_cores
from ..templates import place_templates
from ..theme.plugin import is_editors_page
from .config import SearchConfig

log = get_plugin_logger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = Path(__file__).parent / "assets"
JS_URI = "assets/prirucka/search.js"
CSS_URI = "assets/prirucka/search.css"
# Per language: i18n writes the assets of every language pass to the same folder.
WORDS_URI = "assets/prirucka/search-words.{lang}.json"
# Pagefind filter: the readers' pages, or the editor guide's.
SCOPE_FILTER = "prirucka_scope"
# Material's lunr search: its worker and language support, never loaded by our pages.
MATERIAL_SEARCH_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
_ARTICLE_START = '<article class="md-content__inner md-typeset"'
_ARTICLE = re.compile(f"({re.escape(_ARTICLE_START)})([^>]*>)")
_MATERIAL_WORKER = re.compile(r'"search":\s*"[^"]*workers/search\.[^"]*",\s*')


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        self._indexer: search.Indexer | None = None
        self._pages: dict[str, tuple[search.PageSearch, Pending]] = {}
        self._live: search.LiveIndex | None = None
        self._dirty = False

    def on_startup(self, command: str, dirty: bool) -> None:
        self._dirty = dirty

    @event_priority(-110)  # after i18n (-100) set the language of this build pass
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requirements.check(config, "prirucka-search")
        if "material/search" in config.plugins:
            log.warning(
                "remove `search` from `plugins` in mkdocs.yml: prirucka-search replaces "
                "Material's search, and both would ship an index"
            )
        place_templates(config, TEMPLATES)
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        if JS_URI not in config.extra_javascript:
            config.extra_javascript.append(JS_URI)
        self.ctx = context(config)
        glossary = self._glossary(config)
        if self._indexer is None or self._indexer.glossary is not glossary:
            self._indexer = search.Indexer(
                glossary=glossary,
                lemmatizer=search.Lemmatizer() if self.config.lemmas else None,
            )
        glossary_path = (self.ctx.project.root / self.config.glossary).resolve()
        self._glossary_file = str(glossary_path) if glossary is not None else None
        self._digest = file_digest(glossary_path) if glossary_path.is_file() else "-"
        # A page's terms depend only on its HTML, the glossary and these settings:
        # kept between builds, so an unchanged page never loads the lemma dictionary.
        self._memo = Memo(
            self.ctx.project.cache_dir / "search-terms",
            self._digest,
            json.dumps([self.config.lemmas, list(self._indexer.lemma_languages)]),
        )
        self._pages = {}
        return config

    def _glossary(self, config: MkDocsConfig):
        """The context's glossary, or the one this plugin's `glossary:` option names."""
        path = (self.ctx.project.root / self.config.glossary).resolve()
        if path == self.ctx.project.glossary_path:
            errors = self.ctx.problems("glossary")
            if errors:
                raise PluginError("\n".join(f.short() for f in errors))
            if self.ctx.glossary is None:
                log.info(f"no glossary at {self.config.glossary}: pages get no extra search terms")
            return self.ctx.glossary
        if not path.is_file():
            log.info(f"no glossary at {self.config.glossary}: pages get no extra search terms")
            return None
        try:
            return glossary_module.load(path)
        except AuthorError as error:
            raise PluginError(str(error)) from None

    @event_priority(-110)  # after i18n (-100), which cannot handle in-memory files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for file in list(files):
            if file.src_uri.startswith(MATERIAL_SEARCH_FILES):
                files.remove(file)
        for uri in (JS_URI, CSS_URI):
            content = (ASSETS / Path(uri).name).read_text(encoding="utf-8")
            files.append(File.generated(config, uri, content=content))
        lang = i18n.current_language(config)
        glossary = self._indexer.glossary if self._indexer else None
        words = json.dumps(search.suggestion_words(glossary, lang), ensure_ascii=False)
        files.append(File.generated(config, WORDS_URI.format(lang=lang), content=words))
        return files

    def on_env(self, env, config: MkDocsConfig, files: Files):
        lang = i18n.current_language(config)
        texts = search.interface_texts(lang)
        # Every plural form the language has (CLDR, through Babel): Czech "many" too.
        for category, form in ui.plural_forms(lang, "search.results").items():
            texts[f"results.{category}"] = form
        texts["placeholder_editors"] = ui.text(lang, "search.placeholder_editors")
        env.globals["prirucka_search"] = {
            "lang": lang,
            "texts": texts,
            "words": WORDS_URI.format(lang=lang),
            "filter": SCOPE_FILTER,
        }
        return env

    def on_page_content(
        self, html_text: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        lang = i18n.current_language(config)
        if i18n.source_language(page.file, config) != lang:
            return html_text  # a fallback copy: found in its own language's index
        try:
            settings = search.page_settings(page.meta, *self._where(page, lang))
        except AuthorError as error:
            raise PluginError(str(error)) from None
        if not settings.indexed:
            return html_text
        # Made beside the build where a core is idle; needed when the page is written.
        terms = helper(config).remember(
            self._memo,
            (lang, html_text),
            lambda: self._indexer.terms(search.plain_text(html_text), lang),
            search.page_terms,
            html_text,
            lang,
            self._glossary_file,
            self._digest,
            self.config.lemmas,
        )
        self._pages[page.url] = (settings, terms)
        return html_text

    @event_priority(-120)  # after prirucka-print (-110) took the cores its PDFs need
    def on_pre_build(self, config: MkDocsConfig) -> None:
        if i18n.in_nested_build(config) or not self.config.index:
            return
        self._stop_indexing()
        # Pages are indexed as they are written when a core is free for Pagefind; else
        # (every core rendering PDFs, or a dirty build that writes only some pages)
        # the written site is read at the end.
        if not self._dirty and idle_cores(config) > 0:
            try:
                self._live = search.LiveIndex()
            except search.PagefindError as error:
                raise PluginError(str(error)) from None

    @event_priority(-900)  # last: the page as it is written is what gets indexed
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        output = _MATERIAL_WORKER.sub("", output, count=1)
        entry = self._pages.get(page.url)
        if entry is None:
            return output
        settings, pending = entry
        terms = pending.result()
        scope = "editors" if is_editors_page(config, i18n.norm_path(page.file)) else "readers"
        attributes = " " + settings.attributes()
        if terms:
            attributes += " " + search.terms_attribute(terms)
        # One filter per element in Pagefind: the scope rides on an empty hidden element.
        marker = f'<span data-pagefind-filter="{SCOPE_FILTER}:{scope}" hidden></span>'
        # The article comes after the head and the navigation: found by a plain search.
        at = output.find(_ARTICLE_START)
        article = _ARTICLE.match(output, at) if at >= 0 else None
        if article is None:
            log.warning(
                f'{page.file.src_uri}: no <article class="md-content__inner md-typeset"> in '
                "the page; it is left out of the search index"
            )
            return output
        opening = article.group(1) + attributes + article.group(2) + marker
        output = output[:at] + opening + output[article.end() :]
        if self._live is not None:
            url = page.url[: -len("index.html")] if page.url.endswith("index.html") else page.url
            self._live.add(output, "/" + url, i18n.current_language(config))
        return output

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        # 404.html and other static templates: no Material search worker either.
        return _MATERIAL_WORKER.sub("", output, count=1)

    @event_priority(0)  # before i18n (-100) starts the next language's pass
    def _finish_language(self, config: MkDocsConfig) -> None:
        if self._live is not None:  # its index is written while the next pass is built
            lang = i18n.current_language(config)
            self._live.finish(lang, Path(config.site_dir) / f".pagefind-{lang}")

    @event_priority(-110)  # after i18n (-100) has built every language
    def _index_site(self, config: MkDocsConfig) -> None:
        if i18n.in_nested_build(config) or not self.config.index:
            return
        live, self._live = self._live, None
        try:
            if live is not None and live.pages:
                run = live.write(Path(config.site_dir) / "pagefind")
            else:  # read the written site (also when no page was indexed: as before)
                if live is not None:
                    live.close()
                run = search.run_pagefind(config.site_dir)
        except search.PagefindError as error:
            raise PluginError(str(error)) from None
        for note in run.notes:
            log.debug(note)
        for warning in run.warnings:
            log.warning(f"Pagefind: {warning}")
        languages = ", ".join(run.languages) or "none"
        log.info(f"search index: {run.pages} pages ({languages}) in {config.site_dir}/pagefind/")

    def _where(self, page: Page, lang: str) -> tuple[str, int]:
        """The page's source file and the line of its `search:` key, for error messages."""
        source = self.ctx.page(lang, i18n.norm_path(page.file))
        if source is None or source.doc is None:
            return page.file.abs_src_path or page.file.src_uri, 1
        return str(source.file), source.doc.key_line("search")

    on_post_build = CombinedEvent(_finish_language, _index_site)

    def on_build_error(self, error: Exception) -> None:
        self._stop_indexing()

    def on_shutdown(self) -> None:
        self._stop_indexing()

    def _stop_indexing(self) -> None:
        if self._live is not None:
            self._live.close()
            self._live = None
