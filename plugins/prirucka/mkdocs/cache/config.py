from mkdocs.config import base
from mkdocs.config import config_options as c


class CacheConfig(base.Config):
    # Keep each page's rendered HTML between builds (in .cache/prirucka/pages/).
    enabled = c.Type(bool, default=True)
