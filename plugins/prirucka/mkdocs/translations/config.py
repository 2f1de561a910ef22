from mkdocs.config import base
from mkdocs.config import config_options as c

from ...core import generated


class TranslationsConfig(base.Config):
    # The editors' status page in each language folder (not in the navigation;
    # the editor guide links to it).
    status_page = c.Type(str, default=generated.STATUS_PAGE)
