"""prirucka-theme: Material without third-party requests, in our own type.

Material loads Google Fonts unless told not to; readers' visits must not be
reported to anyone, so the theme's font loading is switched off and the
theme's fonts (the package's, or a project's handbook/theme/fonts/) are served
from the site itself, as the web subsets the package ships ready.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from ...core import webfonts
from ...core.theme import Theme
from .. import requirements
from .config import ThemeConfig

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"
CSS_URI = "assets/prirucka/prirucka.css"
JS_URI = "assets/prirucka/prirucka.js"
FONTS_URI = "assets/prirucka/fonts/"


class ThemePlugin(BasePlugin[ThemeConfig]):
    def __init__(self) -> None:
        self._fonts: list[webfonts.WebFont] | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requirements.check(config, "prirucka-theme")
        if config.theme.get("font") not in (False, None):
            log.info("theme.font switched off: fonts are served from the site, not Google Fonts")
        config.theme["font"] = False
        if CSS_URI not in config.extra_css:
            config.extra_css.insert(0, CSS_URI)
        if JS_URI not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(JS_URI)
        return config

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
        css = webfonts.font_face_css(fonts, "fonts/") + (ASSETS / "prirucka.css").read_text("utf-8")
        files.append(File.generated(config, CSS_URI, content=css))
        files.append(
            File.generated(config, JS_URI, content=(ASSETS / "prirucka.js").read_text("utf-8"))
        )
        return files
