from mkdocs.config import base
from mkdocs.config import config_options as c

from ...core import generated


class CatalogueConfig(base.Config):
    # Folder of the generated overview pages in each language, and its place in the navigation.
    folder = c.Type(str, default=generated.CATALOGUE_FOLDER)
    order = c.Type(int, default=70)
    # "Referenced from" and "Related documents" at the foot of each page.
    backlinks = c.Type(bool, default=True)
    related = c.Type(bool, default=True)
