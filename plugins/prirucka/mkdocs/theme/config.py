from mkdocs.config import base
from mkdocs.config import config_options as c

from ...core.webfonts import DEFAULT_RENAMES


class ThemeConfig(base.Config):
    # Rendered web fonts are kept here between builds (relative to mkdocs.yml).
    cache_dir = c.Type(str, default=".cache/prirucka")
    # Family of a bundled font -> the name its web subset is served under. The
    # OFL forbids Reserved Font Names ("Charis", "SIL") on modified fonts.
    web_families = c.Type(dict, default=dict(DEFAULT_RENAMES))
