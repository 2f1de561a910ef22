from mkdocs.config import base
from mkdocs.config import config_options as c

from ...core import generated


class GlossaryConfig(base.Config):
    # The term base, relative to mkdocs.yml.
    glossary = c.Type(str, default="handbook/glossary.yml")
    # The generated glossary page in each language folder, and its place in the navigation.
    page = c.Type(str, default=generated.GLOSSARY_PAGE)
    order = c.Type(int, default=85)
    # Report terminology findings (variants to avoid, untranslated terms) as build warnings.
    check = c.Type(bool, default=True)
