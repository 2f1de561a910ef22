from mkdocs.config import base
from mkdocs.config import config_options as c


class LanguagesConfig(base.Config):
    # Replace the sitemap with one that lists each page once per language it is
    # written in (fallback copies of untranslated pages are left out).
    sitemap = c.Type(bool, default=True)
