from mkdocs.config import base
from mkdocs.config import config_options as c


class ThemeConfig(base.Config):
    # The bundled fonts, shared with print (relative to mkdocs.yml).
    fonts_dir = c.Type(str, default="handbook/theme/fonts")
    # Rendered web fonts are kept here between builds (relative to mkdocs.yml).
    cache_dir = c.Type(str, default=".cache/prirucka")
    # Family of a bundled font -> the name its web subset is served under. The
    # OFL forbids Reserved Font Names ("Charis", "SIL") on modified fonts.
    web_families = c.Type(
        dict, default={"Charis SIL": "Prirucka Text", "Noto Sans": "Prirucka Sans"}
    )
