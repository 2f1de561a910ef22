"""prirucka-theme: the reader's site on top of Material.

- No third-party requests: Material's Google Fonts are off; the theme's fonts
  (the package's, or a project's handbook/theme/fonts/) are served from the
  site itself, as the web subsets the package ships ready.
- Site identity without copying templates: organisation, logo text, colours,
  and a footer with publisher, contact and licence in the page's language.
- Safety first on pages for families (front matter `audience: [parents]` or
  `[children]`) and on the home page: a quick-exit button, the emergency
  numbers at the top, every helpline in the footer; everywhere, helplines and
  the organisation's own numbers are tappable `tel:` links.
- Readers are not editors: the editor guide (`editors:` folder) leaves the
  readers' navigation (and, with prirucka-search, their search) and has its
  own navigation and a link in the footer.

Everything it adds is a partial in templates/partials/ (logo.html,
copyright.html, prirucka/*.html) that a site can override from its custom_dir.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ...core import blocksyntax, webfonts
from ...core import languages as ui
from ...core.context import BuildContext
from ...core.helplines import public_lines
from ...core.numbers import national_digits, tel_uri
from ...core.theme import Theme
from .. import i18n_adapter as i18n
from .. import requirements
from ..context_adapter import context
from ..templates import place_templates, render
from .config import ThemeConfig
from .identity import colours_css, localised
from .phones import link_phones

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"
TEMPLATES = Path(__file__).parent / "templates"
CSS_URI = "assets/prirucka/prirucka.css"
JS_URI = "assets/prirucka/prirucka.js"
FONTS_URI = "assets/prirucka/fonts/"
_SKIP_LINK = re.compile(r'<div data-md-component="skip">.*?</div>\s*', re.S)
_BODY = re.compile(r"<body[^>]*>\s*")


def editors_folder(config: MkDocsConfig) -> str:
    """The editor guide's folder ("pro-editory/"), or "" when it stays among readers' pages."""
    plugin = config.plugins.get("prirucka-theme")
    folder = plugin.config.editors if plugin is not None else ""
    folder = folder.strip("/")
    return folder + "/" if folder else ""


def is_editors_page(config: MkDocsConfig, path: str) -> bool:
    folder = editors_folder(config)
    return bool(folder) and path.startswith(folder)


class ThemePlugin(BasePlugin[ThemeConfig]):
    def __init__(self) -> None:
        self._fonts: list[webfonts.WebFont] | None = None
        self._ctx: BuildContext | None = None
        self._numbers: frozenset[str] = frozenset()
        self._helplines: tuple[Any, ...] = ()
        self._editors_nav: Navigation | None = None

    # --- configuration -------------------------------------------------------------

    @event_priority(-110)  # after i18n (-100) set this pass's language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requirements.check(config, "prirucka-theme")
        if config.theme.get("font") not in (False, None):
            log.info("theme.font switched off: fonts are served from the site, not Google Fonts")
        config.theme["font"] = False
        if CSS_URI not in config.extra_css:
            config.extra_css.insert(0, CSS_URI)
        if JS_URI not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(JS_URI)
        place_templates(config, TEMPLATES)
        self._colours = colours_css(self.config.colors)
        ctx = context(config)
        if ctx is not self._ctx:  # a new build, not a further language pass
            self._ctx = ctx
            self._helplines = ctx.helplines.entries
            self._numbers = self._known_numbers(ctx)
        for option in ("organisation", "logo_alt"):
            localised(self.config[option], ctx.languages[0], option, ctx.languages)
        return config

    def _known_numbers(self, ctx: BuildContext) -> frozenset[str]:
        """Helplines (the project's and the nationwide ones shipped with Příručka) and the
        organisation's own numbers (prirucka-checks' `own_phones`, contact blocks on any
        page, the footer's contact), as national digits."""
        numbers = set(ctx.helplines.numbers() | public_lines().numbers())
        checks = ctx.project.plugin_configs.get("prirucka-checks") or {}
        numbers.update(national_digits(str(n)) for n in checks.get("own_phones") or [])
        for source in ctx.pages.values():
            if source.doc is not None and "contact" in source.doc.body:
                numbers.update(
                    national_digits(n) for n in blocksyntax.contact_numbers(source.doc.body)
                )
        phone = self.config.contact.get("phone")
        if phone:
            for lang in ctx.languages:
                numbers.add(national_digits(localised(phone, lang, "contact.phone", ctx.languages)))
        return frozenset(n for n in numbers if len(n) >= 3)

    def _project_path(self, config: MkDocsConfig, value: str) -> Path:
        return (Path(config.config_file_path).parent / value).resolve()

    def _web_fonts(self, config: MkDocsConfig) -> list[webfonts.WebFont]:
        # Once per plugin instance: i18n runs the build once per language.
        if self._fonts is None:
            handbook = self._project_path(config, "handbook")
            cache = self._project_path(config, self.config.cache_dir) / "webfonts"
            self._fonts = webfonts.web_fonts(
                Theme.of(handbook).fonts(), cache, self.config.web_families
            )
        return self._fonts

    @event_priority(-110)  # after i18n (-100), which cannot handle in-memory files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        fonts = self._web_fonts(config)
        for font in fonts:
            files.append(File.generated(config, FONTS_URI + font.filename, content=font.data))
        css = (
            webfonts.font_face_css(fonts, "fonts/")
            + (ASSETS / "prirucka.css").read_text("utf-8")
            + self._colours
        )
        files.append(File.generated(config, CSS_URI, content=css))
        files.append(
            File.generated(config, JS_URI, content=(ASSETS / "prirucka.js").read_text("utf-8"))
        )
        return files

    # --- the editor guide: its own navigation ------------------------------------------

    @event_priority(-120)  # after prirucka-navigation (-110) ordered and chained the pages
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self._editors_nav = None
        folder = editors_folder(config)
        if not folder:
            return nav
        guide = [item for item in nav.items if _folder_of(item) == folder]
        if not guide:
            return nav
        nav.items = [item for item in nav.items if item not in guide]
        readers = [page for page in nav.pages if not _in(page, folder)]
        editors = [page for page in nav.pages if _in(page, folder)]
        _chain(readers)
        _chain(editors)
        lang = i18n.current_language(config)
        home = Link(ui.text(lang, "footer_site"), i18n.language_prefix(config, lang) or "./")
        self._editors_nav = Navigation([home, *guide], editors)
        self._editors_nav.homepage = nav.homepage
        return nav

    # --- pages -----------------------------------------------------------------------

    def _document(self, page: Page, config: MkDocsConfig):
        written = i18n.source_language(page.file, config)
        source = self._ctx.page(written, i18n.norm_path(page.file)) if self._ctx else None
        return source.meta if source is not None else None

    def _for_families(self, page: Page, config: MkDocsConfig, audiences: list[str]) -> bool:
        meta = self._document(page, config)
        return bool(meta is not None and set(meta.audience) & set(audiences))

    def _lines(self, lang: str, emergency: bool) -> list[dict[str, str]]:
        lines = []
        for line in self._helplines:
            if emergency and not line.emergency:
                continue
            details = []
            if line.for_:
                details.append(line.for_.get(lang, ""))
            if line.hours:
                details.append(line.hours.get(lang, ""))
            if line.free:
                details.append(ui.text(lang, "helpline_free"))
            lines.append(
                {
                    "number": line.number,
                    "href": tel_uri(line.number),
                    "name": line.name.get(lang) or next(iter(line.name.values())),
                    "details": ", ".join(d for d in details if d),
                }
            )
        return lines

    @event_priority(-50)  # after the other plugins added their boxes to the page
    def on_page_content(
        self, html_text: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        lang = i18n.current_language(config)
        settings = self.config.emergency
        if (_is_home(page) and settings.home) or self._for_families(
            page, config, settings.audiences
        ):
            lines = self._lines(lang, emergency=True)
            if lines:
                strip = render(
                    config,
                    "emergency",
                    emergency={
                        "lang": lang,
                        "label": ui.text(lang, "emergency_label"),
                        "lead": ui.text(lang, "emergency"),
                        "lines": lines,
                    },
                )
                html_text = _after_first_heading(html_text, strip)
        if self.config.tel_links:
            html_text = link_phones(html_text, self._numbers)
        return html_text

    @event_priority(-60)  # after i18n (50) and prirucka-languages (40) set the page's context
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        lang = i18n.current_language(config)
        path = i18n.norm_path(page.file)
        editors = is_editors_page(config, path)
        if editors and self._editors_nav is not None:
            context["nav"] = self._editors_nav
        context["prirucka_search_scope"] = "editors" if editors else "readers"
        families = self.config.emergency.footer_helplines and self._for_families(
            page, config, self.config.emergency.audiences
        )
        context["prirucka_site"] = self._site(lang, config, page, editors, families)
        return context

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        if template_name == "404.html":
            lang = i18n.current_language(config)
            context["prirucka_site"] = self._site(lang, config, None, False, False)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        settings = self.config.quick_exit
        if not settings.enabled:
            return output
        if not (_is_home(page) and settings.home) and not self._for_families(
            page, config, settings.audiences
        ):
            return output
        lang = i18n.current_language(config)
        languages = i18n.build_languages(config)
        button = render(
            config,
            "quick-exit",
            quick_exit={
                "lang": lang,
                "url": localised(settings.url, lang, "quick_exit.url", languages),
                "label": ui.text(lang, "quick_exit"),
                "hint": ui.text(lang, "quick_exit_hint"),
            },
        )
        # Right after the skip link: the first thing a keyboard reaches.
        place = _SKIP_LINK.search(output) or _BODY.search(output)
        if place is None:
            return output
        return output[: place.end()] + button + "\n" + output[place.end() :]

    # --- the footer --------------------------------------------------------------------

    def _site(
        self, lang: str, config: MkDocsConfig, page: Page | None, editors: bool, families: bool
    ) -> dict[str, Any]:
        languages = i18n.build_languages(config)

        def text(option: str, value: Any) -> str:
            return localised(value, lang, option, languages)

        def href(target: str) -> str:
            if page is not None:
                return get_relative_url(target, page.url)
            base = urlsplit(config.site_url or "/").path or "/"
            return base.rstrip("/") + "/" + target

        organisation = text("organisation", self.config.organisation) or self._publisher(
            config, lang
        )
        contact: dict[str, Any] = {}
        for key in ("email", "web", "address"):
            value = self.config.contact.get(key)
            if value:
                contact[key] = text(f"contact.{key}", value)
        if contact.get("web"):
            contact["web_label"] = urlsplit(contact["web"]).netloc or contact["web"]
        phone = self.config.contact.get("phone")
        if phone:
            number = text("contact.phone", phone)
            contact["phone"] = {"number": number, "href": tel_uri(number)}
        licence: dict[str, str] = {}
        if self.config.licence.get("name"):
            name = text("licence.name", self.config.licence["name"])
            licence = {
                "name": name,
                "url": text("licence.url", self.config.licence.get("url", "")),
                "text": ui.text(lang, "footer_licence_text", name=name),
            }
        folder = editors_folder(config)
        prefix = i18n.language_prefix(config, lang)
        link = None
        if folder and editors:
            link = {"href": href(prefix), "label": ui.text(lang, "footer_site")}
        elif (
            folder
            and self._ctx is not None
            and any(path.startswith(folder) for path in self._ctx.paths(lang))
        ):
            link = {"href": href(prefix + folder), "label": ui.text(lang, "footer_editors")}
        helplines = None
        if families and self._helplines:
            helplines = {"title": ui.text(lang, "helplines"), "lines": self._lines(lang, False)}
        return {
            "lang": lang,
            "organisation": organisation,
            "logo_alt": text("logo_alt", self.config.logo_alt) or organisation,
            "texts": {
                "about": ui.text(lang, "footer_info"),
                "publisher": ui.text(lang, "footer_publisher"),
                "contact": ui.text(lang, "footer_contact"),
                "licence": ui.text(lang, "footer_licence"),
            },
            "contact": contact,
            "licence": licence,
            "helplines": helplines,
            "editors": link,
        }

    def _publisher(self, config: MkDocsConfig, lang: str) -> str:
        documents = config.plugins.get("prirucka-documents")
        if documents is not None:
            publisher = documents.config.publisher
            if isinstance(publisher, dict) and publisher.get(lang):
                return str(publisher[lang])
        return config.site_name or ""


def _is_home(page: Page) -> bool:
    """The home page of the reader's language (i18n serves one per language)."""
    return i18n.norm_path(page.file) == "index.md"


def _after_first_heading(html_text: str, box: str) -> str:
    end = html_text.find("</h1>")
    if end < 0:
        return box + "\n" + html_text
    end += len("</h1>")
    return html_text[:end] + "\n" + box + html_text[end:]


def _pages(item) -> list[Page]:
    if isinstance(item, Page):
        return [item]
    if isinstance(item, Section):
        return [page for child in item.children for page in _pages(child)]
    return []


def _in(page: Page, folder: str) -> bool:
    return i18n.norm_path(page.file).startswith(folder)


def _folder_of(item) -> str | None:
    """The top-level folder an item stands for ("pro-editory/"), or None for a root page."""
    pages = _pages(item)
    if not pages:
        return None
    parts = i18n.norm_path(pages[0].file).split("/")
    return parts[0] + "/" if len(parts) > 1 else None


def _chain(pages: list[Page]) -> None:
    """Previous/next links within one navigation (readers' or editors')."""
    for before, after in zip([None, *pages], [*pages, None], strict=True):
        if before is not None:
            before.next_page = after
        if after is not None:
            after.previous_page = before
